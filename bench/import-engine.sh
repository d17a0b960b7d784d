#!/usr/bin/env bash
# The import engine against the same work done in SQL alone, side by side in each round:
#  - staging: import.addUsers of USERS users in one request, against psql inserting the same
#    body with INSERT ... SELECT FROM jsonb_array_elements;
#  - importing: import.run of them (no passwords) until the service records the end, against
#    (a) a minimal set-based import in psql, one statement: existence checks, users, e-mail
#        addresses, roles, the outcome of each staged row;
#    (b) the service's own statements (bench/service-sql.py) in psql, over all the users in
#        one transaction: what batches, Java and HTTP add to them.
# Each side imports users of its own, of the same shape. WARMUP rounds (default 3) of staging and
# importing USERS users come first, not counted: a fresh JVM runs its first requests in the
# interpreter, and a long import's later requests run compiled.
# Then, unless SCALE is 0, SCALE users staged in requests of 10,000 and imported, end to end,
# against the same bodies inserted by psql and the minimal import of them in one statement (the
# floor); and the cost per user of import.run with SCALE users staged against its cost with USERS.
#   [WARMUP=3] bash bench/import-engine.sh [ROUNDS=3] [USERS=10000] [SCALE=1000000]
# USERS over 10,000 needs as many per request: IMPORT_MAX_USERS_PER_REQUEST=USERS in the environment.
set -euo pipefail

rounds="${1:-3}"
users="${2:-10000}"
scale="${3:-1000000}"
source "$(dirname "$0")/server.sh"

source "$(dirname "$0")/imports.sh"

psql_seconds() {   # runs the SQL on stdin, answers the server time of its statements in seconds
    psql_db -c '\timing on' -f - | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | awk '{s += $1} END {printf "%.3f", s / 1000}'
}

minimal=ffffffffffffffffffffffff
own=eeeeeeeeeeeeeeeeeeeeeeee
reference_stage() {   # OPERATION FILE: the body's users into import_data, in SQL alone
    psql_db -c "SET client_min_messages = warning" \
        -c "CREATE TABLE IF NOT EXISTS import_data_$1 PARTITION OF import_data FOR VALUES IN ('$1')"
    { printf '\\set body `cat %s`\n' "$2"
      echo "INSERT INTO import_data (operation_id, data_type, data)
            SELECT '$1', 'user', u FROM jsonb_array_elements(:'body'::jsonb -> 'users') u;"
    } | psql_seconds
}

reference_import() {   # the staged reference users into users, user_emails, user_roles, in one statement
    psql_seconds <<'SQL'
WITH candidates AS (
    SELECT id, data, substr(md5(random()::text), 1, 17) AS new_id
    FROM import_data WHERE operation_id = 'ffffffffffffffffffffffff'
), judged AS ( -- lookups written as the service writes them, by unique index
    SELECT c.*, CASE WHEN EXISTS (SELECT 1 FROM users u WHERE u.username = c.data->>'username')
                       OR EXISTS (SELECT 1 FROM user_emails e WHERE lower(e.address) = ANY (ARRAY(
                                      SELECT lower(staged.address)
                                      FROM jsonb_array_elements_text(c.data->'emails') AS staged (address))))
                     THEN 'skipped' ELSE 'imported' END AS outcome
    FROM candidates c
), recorded AS (
    UPDATE import_data d SET outcome = j.outcome FROM judged j
    WHERE d.operation_id = 'ffffffffffffffffffffffff' AND d.id = j.id
), created AS (
    INSERT INTO users (id, username, name, active, created_at)
    SELECT new_id, data->>'username', data->>'name', true, now() FROM judged WHERE outcome = 'imported'
), created_addresses AS (
    INSERT INTO user_emails (user_id, address)
    SELECT j.new_id, staged.address FROM judged j, jsonb_array_elements_text(j.data->'emails') AS staged (address)
    WHERE j.outcome = 'imported'
), granted AS (
    INSERT INTO user_roles (user_id, role) SELECT new_id, 'user' FROM judged WHERE outcome = 'imported'
)
SELECT count(*) FROM judged;
SQL
}

for round in $(seq 1 "${WARMUP:-3}"); do
    users_body target/bench-service.json "w$round-s" "$users"
    call POST import.new -o /dev/null
    call POST import.addUsers --data-binary @target/bench-service.json -o /dev/null
    run_until_done >/dev/null
done

add=(); add_ref=(); run=(); run_ref=(); run_own=()
for round in $(seq 1 "$rounds"); do
    users_body target/bench-service.json "r$round-s" "$users"
    users_body target/bench-minimal.json "r$round-m" "$users"
    users_body target/bench-own.json "r$round-o" "$users"
    call POST import.new -o /dev/null

    add+=("$(call POST import.addUsers --data-binary @target/bench-service.json -o /dev/null -w '%{time_total}')")
    add_ref+=("$(reference_stage "$minimal" target/bench-minimal.json)")
    reference_stage "$own" target/bench-own.json >/dev/null
    run_ref+=("$(reference_import)")
    run_own+=("$(python3 bench/service-sql.py "$own" | psql_seconds)")
    psql_db -c "DROP TABLE import_data_$minimal" -c "DROP TABLE import_data_$own"
    run+=("$(run_until_done)")

    created=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'r$round-_-%'")
    echo "round $round: addUsers ${add[-1]} s (SQL ${add_ref[-1]} s);" \
         "run ${run[-1]} s (minimal SQL ${run_ref[-1]} s, its own SQL ${run_own[-1]} s); $created users created"
done

m_add=$(median "${add[@]}"); m_add_ref=$(median "${add_ref[@]}")
m_run=$(median "${run[@]}"); m_run_ref=$(median "${run_ref[@]}"); m_run_own=$(median "${run_own[@]}")
echo
awk -v n="$users" -v r="$rounds" -v a="$m_add" -v ar="$m_add_ref" -v u="$m_run" -v ur="$m_run_ref" -v uo="$m_run_own" 'BEGIN {
    printf "medians of %d rounds, %d users:\n", r, n
    printf "  import.addUsers %.3f s = %.0f users/s; SQL alone %.3f s = %.0f users/s; ratio %.2f\n", a, n / a, ar, n / ar, ar / a
    printf "  import.run      %.3f s = %.0f users/s; minimal SQL import %.3f s = %.0f users/s; ratio %.2f\n", u, n / u, ur, n / ur, ur / u
    printf "                                          its own SQL in psql %.3f s = %.0f users/s; ratio %.2f\n", uo, n / uo, uo / u
}'

[ "$scale" -gt 0 ] || exit 0
echo
echo "== $scale users staged in requests of 10,000, then import.run; the same in SQL alone"
call POST import.new -o /dev/null
started=$(date +%s.%N)
stage_in_requests big "$scale"
staged=$(elapsed_since "$started")
psql_db -c "ANALYZE import_data" -c "CHECKPOINT"
big_run=$(run_until_done)

# the floor: the same bodies inserted by psql, then the minimal import in one statement
floor_stage=0
add_floor_chunk() { floor_stage=$(awk -v a="$floor_stage" -v b="$(reference_stage "$minimal" "$1")" 'BEGIN {print a + b}'); }
for_each_chunk floor "$scale" add_floor_chunk
psql_db -c "ANALYZE import_data" -c "CHECKPOINT"
floor_run=$(reference_import)
psql_db -c "DROP TABLE import_data_$minimal"

awk -v n="$users" -v big="$scale" -v s="$staged" -v u="$m_run" -v b="$big_run" -v fs="$floor_stage" -v fr="$floor_run" 'BEGIN {
    printf "staging %d users: %.1f s = %.0f users/s; SQL alone %.1f s\n", big, s, big / s, fs
    printf "import.run of %d users: %.1f s = %.0f users/s; minimal SQL import in one statement %.1f s\n", big, b, big / b, fr
    printf "end to end: %.1f s; SQL alone %.1f s; ratio %.2f\n", s + b, fs + fr, (fs + fr) / (s + b)
    printf "cost per user: %.1f us at %d users, %.1f us at %d users; ratio %.2f\n",
        u / n * 1e6, n, b / big * 1e6, big, (b / big) / (u / n)
}'
