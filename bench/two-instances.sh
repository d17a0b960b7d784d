#!/usr/bin/env bash
# Two Payara Micro instances on one database, as in a cluster: CALLS simultaneous import.new
# calls shared between them must all answer 200 and leave exactly one valid operation, the
# newest; an import running on one instance must stop when the other starts a new one; and
# when the instance running an import is killed, the other must take the import over and
# finish it, every user imported exactly once; when the instance running an import is stopped
# cleanly (SIGTERM), the other must continue it within the takeover timer's period (5 s), not
# after the lease.
#   bash bench/two-instances.sh [CALLS=64]
set -euo pipefail

calls="${1:-64}"
# Short leases and small batches, so that the kill lands mid-import and the takeover is quick.
export IMPORT_LEASE_SECONDS=10 IMPORT_BATCH_SIZE=50 IMPORT_BATCH_MAX=50
source "$(dirname "$0")/server.sh"

start_second_server

echo "== $calls simultaneous import.new, alternating between :$port and :$port_b"
codes=$(seq 1 "$calls" | xargs -P "$calls" -I{} sh -c '
    p=$(( {} % 2 == 0 ? '"$port"' : '"$port_b"' ))
    curl -s -o /dev/null -w "%{http_code}\n" -X POST "http://127.0.0.1:$p/api/v1/import.new" \
        -H "X-User-Id: '"$user_id"'" -H "X-Auth-Token: '"$token"'" -H "Content-Type: application/json"')
echo "answers: $(sort <<<"$codes" | uniq -c | tr -s ' \n' ' ')"
valid=$(psql_db -c "SELECT count(*) FROM import_operations WHERE valid")
newest_is_valid=$(psql_db -c "SELECT valid FROM import_operations ORDER BY ts DESC LIMIT 1")
echo "valid operations: $valid; the newest is the valid one: $newest_is_valid"
[ "$(sort -u <<<"$codes")" = 200 ] && [ "$valid" = 1 ] && [ "$newest_is_valid" = t ]

echo "== an import running on :$port, import.new on :$port_b"
awk 'BEGIN { printf "{\"users\":["; for (i = 1; i <= 5000; i++) printf "%s{\"username\":\"two%d\",\"emails\":[\"two%d@example.com\"],\"importIds\":[\"%d\"]}", (i > 1 ? "," : ""), i, i, i; printf "]}" }' \
    > target/bench-two-users.json
call POST import.addUsers --data-binary @target/bench-two-users.json -o /dev/null
running=$(psql_db -c "SELECT id FROM import_operations WHERE valid")
call POST import.run -o /dev/null
until [ "$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'two%'")" -gt 0 ]; do sleep 0.05; done
curl -fs -o /dev/null -X POST "http://127.0.0.1:$port_b/api/v1/import.new" \
    -H "X-User-Id: $user_id" -H "X-Auth-Token: $token"
at_abort=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'two%'")
sleep 3
later=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'two%'")
status=$(psql_db -c "SELECT status FROM import_operations WHERE id = '$running'")
echo "users created when the abort committed: $at_abort of 5000; 3 s later: $later; the aborted operation: $status"
[ "$at_abort" = "$later" ] && [ "$at_abort" -lt 5000 ] && [ "$status" = importer_import_cancelled ]

echo "== an import running on :$port, that instance killed (kill -9), :$port_b takes over"
call_b() {
    curl -fs -X "$1" "http://127.0.0.1:$port_b/api/v1/$2" -H "X-User-Id: $user_id" -H "X-Auth-Token: $token" \
        -H 'Content-Type: application/json' "${@:3}"
}
call_b POST import.new -o /dev/null
for first in 1 10001; do
    awk -v first="$first" 'BEGIN { printf "{\"users\":["; for (i = first; i < first + 10000; i++) printf "%s{\"username\":\"dead%d\",\"emails\":[\"dead%d@example.com\"],\"importIds\":[\"%d\"]}", (i > first ? "," : ""), i, i, i; printf "]}" }' \
        > target/bench-two-users.json
    call_b POST import.addUsers --data-binary @target/bench-two-users.json -o /dev/null
done
call POST import.run -o /dev/null
until [ "$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'dead%'")" -gt 0 ]; do sleep 0.05; done
kill -9 "$server"
killed_at=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'dead%'")
echo "killed :$port with $killed_at of 20000 users imported"
[ "$killed_at" -lt 20000 ]
started=$(date +%s)
until call_b GET import.status | grep -q '"state":"done"'; do
    [ $(( $(date +%s) - started )) -lt 120 ] || { echo "not taken over within 120 s" >&2; exit 1; }
    sleep 0.5
done
count=$(call_b GET import.status | sed -E 's/.*"count":(\{[^}]*\}).*/\1/')
created=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'dead%'")
echo "done $(( $(date +%s) - started )) s after the kill, on :$port_b: count $count; users created: $created"
grep -q '"completed":20000' <<<"$count" && grep -q '"imported":20000' <<<"$count" && [ "$created" = 20000 ]
grep -q "taking it over" target/bench-server-b.log

echo "== an import running on :$port_b, that instance stopped cleanly (SIGTERM), :$port continues it"
DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    java -jar target/payara-micro.jar --deploy target/importer.war --port "$port" --nocluster \
    > target/bench-server-a2.log 2>&1 &
server=$!
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
call POST import.new -o /dev/null
for first in 1 10001 20001; do
    awk -v first="$first" 'BEGIN { printf "{\"users\":["; for (i = first; i < first + 10000; i++) printf "%s{\"username\":\"term%d\",\"emails\":[\"term%d@example.com\"],\"importIds\":[\"%d\"]}", (i > first ? "," : ""), i, i, i; printf "]}" }' \
        > target/bench-two-users.json
    call POST import.addUsers --data-binary @target/bench-two-users.json -o /dev/null
done
call_b POST import.run -o /dev/null
until [ "$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'term%'")" -gt 0 ]; do sleep 0.05; done
stop_started=$(date +%s.%N)
kill -TERM "$server_b"
wait "$server_b" 2>/dev/null || true
stopped=$(date +%s.%N)
at_stop=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'term%'")
echo ":$port_b stopped in $(awk -v a="$stop_started" -v b="$stopped" 'BEGIN {printf "%.1f", b - a}') s with $at_stop of 30000 users imported"
[ "$at_stop" -lt 30000 ]
until [ "$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'term%'")" -gt "$at_stop" ]; do
    [ "$(awk -v a="$stopped" -v b="$(date +%s.%N)" 'BEGIN {print (b - a > 60)}')" = 0 ] || { echo "not continued within 60 s" >&2; exit 1; }
    sleep 0.1
done
continued=$(awk -v a="$stopped" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
until call GET import.status | grep -q '"state":"done"'; do sleep 0.5; done
created=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'term%'")
echo "continued on :$port $continued s after the stop (the lease is 10 s); done with $created users created"
grep -q "taking it over" target/bench-server-a2.log
[ "$created" = 30000 ] && awk -v c="$continued" 'BEGIN {exit !(c < 8)}'
echo "OK"
