#!/usr/bin/env bash
# Two Payara Micro instances on one database, as in a cluster: CALLS simultaneous import.new
# calls shared between them must all answer 200 and leave exactly one valid operation, the
# newest; and an import running on one instance must stop when the other starts a new one.
#   bash bench/two-instances.sh [CALLS=64]
set -euo pipefail

calls="${1:-64}"
source "$(dirname "$0")/server.sh"

port_b=$((port + 1))
DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    java -jar target/payara-micro.jar --deploy target/importer.war --port "$port_b" --nocluster \
    > target/bench-server-b.log 2>&1 &
server_b=$!
trap 'kill "$server_b" 2>/dev/null; wait "$server_b" 2>/dev/null || true; stop_server' EXIT
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port_b/health/ready" >/dev/null && break; sleep 1; done

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
echo "OK"
