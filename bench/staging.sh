#!/usr/bin/env bash
# Staging at its steady pace: after WARMUP requests not counted (default 20), REQUESTS
# import.addUsers requests of USERS users each into one operation, each beside psql inserting
# the same body (INSERT ... SELECT FROM jsonb_array_elements) into a partition of its own;
# prints the medians and quartiles of both and the ratio of the medians (SQL / service).
#   [WARMUP=20] bash bench/staging.sh [REQUESTS=40] [USERS=10000]
set -euo pipefail

requests="${1:-40}"
users="${2:-10000}"
source "$(dirname "$0")/server.sh"
source "$(dirname "$0")/imports.sh"

reference=ffffffffffffffffffffffff
sql_seconds() {   # FILE: the server time of inserting its users in psql, in seconds
    { printf '\\set body `cat %s`\n\\timing on\n' "$1"
      echo "INSERT INTO import_data (operation_id, data_type, data)
            SELECT '$reference', 'user', u FROM jsonb_array_elements(:'body'::jsonb -> 'users') u;"
    } | psql_db -f - | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | awk '{printf "%.4f", $1 / 1000}'
}

call POST import.new -o /dev/null   # before the reference partition: import.new detaches every partition
psql_db -c "CREATE TABLE import_data_$reference PARTITION OF import_data FOR VALUES IN ('$reference')"
for i in $(seq 1 "${WARMUP:-20}"); do
    users_body target/bench-staging.json "w$i" "$users"
    call POST import.addUsers --data-binary @target/bench-staging.json -o /dev/null
done
service=(); sql=()
for i in $(seq 1 "$requests"); do
    users_body target/bench-staging.json "s$i" "$users"
    service+=("$(call POST import.addUsers --data-binary @target/bench-staging.json -o /dev/null -w '%{time_total}')")
    sql+=("$(sql_seconds target/bench-staging.json)")
done

quartiles() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.3f %.3f %.3f", a[int((NR+3)/4)], a[int((NR+1)/2)], a[int((3*NR+3)/4)]}'; }
read -r s1 s2 s3 <<<"$(quartiles "${service[@]}")"
read -r q1 q2 q3 <<<"$(quartiles "${sql[@]}")"
awk -v n="$users" -v r="$requests" -v s1="$s1" -v s2="$s2" -v s3="$s3" -v q1="$q1" -v q2="$q2" -v q3="$q3" 'BEGIN {
    printf "%d requests of %d users, after the warm-up (quartiles: first, median, third):\n", r, n
    printf "  import.addUsers %.3f %.3f %.3f s = %.0f users/s at the median\n", s1, s2, s3, n / s2
    printf "  SQL alone       %.3f %.3f %.3f s = %.0f users/s at the median; ratio %.2f\n", q1, q2, q3, n / q2, q2 / s2
}'
