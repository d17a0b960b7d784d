#!/usr/bin/env bash
# users.list?query= at USERS users: CALLS searches for the start of a username, a name or an
# address of a random existing user (a third each), against users.info?username= of the same
# users (one lookup by a unique index) in the same run, the two alternating; prints p50 and
# p99 of each, their ratio, and the plan of one search. The users are made in SQL (their ids
# in the alphabet of user ids).
#   bash bench/users-list.sh [USERS=1000000] [CALLS=300]
set -euo pipefail

users="${1:-1000000}"
calls="${2:-300}"
source "$(dirname "$0")/server.sh"

echo "making $users users in SQL"
psql_db <<SQL
INSERT INTO users (id, username, name, active, created_at)
SELECT 'bench' || translate(lpad(to_hex(i), 12, '0'), '01', 'xy'), 'member' || i, 'Given' || (i % 5000) || ' Family' || i, true, now()
FROM generate_series(1, $users) i;
INSERT INTO user_emails (user_id, address)
SELECT 'bench' || translate(lpad(to_hex(i), 12, '0'), '01', 'xy'), 'm' || i || '@mail' || (i % 100) || '.example.com'
FROM generate_series(1, $users) i;
INSERT INTO user_roles (user_id, role) SELECT 'bench' || translate(lpad(to_hex(i), 12, '0'), '01', 'xy'), 'user' FROM generate_series(1, $users) i;
ANALYZE users; ANALYZE user_emails; ANALYZE user_roles;
SQL

percentiles() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.1f %.1f", a[int((NR+1)/2)] * 1000, a[int(NR*0.99+0.999)] * 1000}'; }

list=(); info=()
for call_number in $(seq 1 "$calls"); do
    i=$(( (RANDOM * 32768 + RANDOM) % users + 1 ))
    case $(( call_number % 3 )) in
        0) query="member$i" ;;
        1) query="given$(( i % 5000 ))%20family$i" ;;
        2) query="m$i%40mail" ;;
    esac
    list+=("$(call GET "users.list?count=50&query=$query" -o /dev/null -w '%{time_total}')")
    info+=("$(call GET "users.info?username=member$i" -o /dev/null -w '%{time_total}')")
done
check=$(call GET "users.list?query=member$(( users / 2 ))&count=1")
grep -q "\"username\":\"member$(( users / 2 ))\"" <<<"$check" || { echo "the search did not find its user: $check" >&2; exit 1; }

read -r list_p50 list_p99 <<<"$(percentiles "${list[@]}")"
read -r info_p50 info_p99 <<<"$(percentiles "${info[@]}")"
echo
echo "the plan of one search (an index range for each part, no scan of users or user_emails):"
psql_db -c "EXPLAIN (COSTS OFF) SELECT id FROM users WHERE id IN (
    SELECT id FROM users WHERE lower(username) LIKE 'member4242%'
    UNION SELECT id FROM users WHERE lower(name) LIKE 'member4242%'
    UNION SELECT user_id FROM user_emails WHERE lower(address) LIKE 'member4242%') ORDER BY username LIMIT 50" | sed 's/^/  /'
echo
awk -v n="$users" -v c="$calls" -v lp="$list_p50" -v l9="$list_p99" -v ip="$info_p50" -v i9="$info_p99" 'BEGIN {
    printf "%d users, %d calls each:\n", n, c
    printf "  users.list?query= p50 %.1f ms, p99 %.1f ms\n", lp, l9
    printf "  users.info        p50 %.1f ms, p99 %.1f ms\n", ip, i9
    printf "  ratio of the p50s %.2f\n", lp / ip
}'
