#!/usr/bin/env bash
# import.new under CLIENTS concurrent callers (default 16) for SECONDS (default 15), against
# its own SQL (lock, abort, clear, insert, the two audit events) run by pgbench with as many clients on the same
# database, in the same run. Prints both throughputs, the latencies, and the ratio.
#   bash bench/import-new-concurrent.sh [CLIENTS=16] [SECONDS=15]
set -euo pipefail

clients="${1:-16}"
seconds="${2:-15}"
source "$(dirname "$0")/server.sh"

for _ in $(seq 1 200); do call POST import.new -o /dev/null; done   # warm-up: the JIT compiler
java bench/Load.java POST "$base/import.new" "$clients" 10 "X-User-Id: $user_id" "X-Auth-Token: $token" >/dev/null

echo "== the service: $clients callers of import.new for $seconds s"
service=$(java bench/Load.java POST "$base/import.new" "$clients" "$seconds" \
    "X-User-Id: $user_id" "X-Auth-Token: $token" "Content-Type: application/json")
echo "$service"

script=target/bench-import-new.sql
cat > "$script" <<SQL
BEGIN;
WITH locked AS (SELECT id FROM import_lock WHERE id = 1 FOR NO KEY UPDATE) SELECT clock_timestamp() FROM locked;
WITH aborted AS (
    UPDATE import_operations SET valid = false, updated_at = clock_timestamp(),
        status = CASE WHEN status IN ('importer_done', 'importer_import_failed', 'importer_import_cancelled')
                      THEN status ELSE 'importer_import_cancelled' END
    WHERE valid RETURNING id)
INSERT INTO import_events (ts, type, user_id, operation_id, address)
SELECT clock_timestamp(), 'abort', '$user_id', id, '127.0.0.1' FROM aborted;
SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'import_data'::regclass;
WITH started AS (
    INSERT INTO import_operations (id, type, importer_key, ts, status, valid, user_id, updated_at)
    VALUES (substr(md5(random()::text), 1, 24), 'api', 'api', clock_timestamp(), 'importer_new', true,
            '$user_id', clock_timestamp())
    RETURNING id)
INSERT INTO import_events (ts, type, user_id, operation_id, address)
SELECT clock_timestamp(), 'new', '$user_id', id, '127.0.0.1' FROM started;
COMMIT;
SQL
echo "== pgbench: the same transaction, $clients clients for $seconds s"
reference=$(pgbench -h 127.0.0.1 -U postgres -n -c "$clients" -j 2 -T "$seconds" -f "$script" "$db" 2>&1)
grep -E "^(tps|latency average|number of failed)" <<<"$reference"

service_rate=$(sed -E 's/.*, ([0-9.]+) calls\/s.*/\1/' <<<"$service")
reference_rate=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$reference")
awk -v s="$service_rate" -v r="$reference_rate" 'BEGIN {
    printf "\nimport.new: %.0f calls/s; its SQL in pgbench: %.0f transactions/s; ratio %.2f\n", s, r, s / r }'
