#!/usr/bin/env bash
# Does import.new get slower as staged rows grow? Times it with 0 and with ROWS staged rows
# (default 1,000,000), side by side: each round stages both cases afresh and times one call
# of each; the medians and their ratio are printed. Starts its own Payara Micro on loopback
# with its own database, and removes both at the end.
#   bash bench/import-new.sh [ROUNDS] [ROWS]
set -euo pipefail

rounds="${1:-11}"
rows="${2:-1000000}"
source "$(dirname "$0")/server.sh"

import_new() {
    call POST import.new -o /dev/null -w '%{time_total}\n'
}

stage() {   # into the valid operation's partition, made as import.addUsers makes it
    local operation; operation=$(psql_db -c "SELECT id FROM import_operations WHERE valid")
    psql_db -c "CREATE TABLE IF NOT EXISTS import_data_$operation PARTITION OF import_data FOR VALUES IN ('$operation')"
    psql_db -c "INSERT INTO import_data (operation_id, data_type, data)
                SELECT '$operation', 'user',
                       jsonb_build_object('username', 'user' || n, 'emails', jsonb_build_array('user' || n || '@example.com'))
                FROM generate_series(1, $1) n"
    # Let the write-back of the staged rows finish, so that only import.new is timed.
    psql_db -c "ANALYZE import_data" -c "CHECKPOINT"
}

# For comparison: what clearing the same rows with DELETE would cost, in seconds.
delete_all() {
    psql_db -c "\\timing on" -c "DELETE FROM import_data" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' \
        | awk '{printf "%.6f\n", $1 / 1000}'
}

for _ in $(seq 1 20); do import_new >/dev/null; done   # warm-up

empty=(); full=(); deleted=()
for round in $(seq 1 "$rounds"); do
    stage 0;       empty+=("$(import_new)")
    stage "$rows"; full+=("$(import_new)")
    [ "$(psql_db -c 'SELECT count(*) FROM import_data')" = 0 ] || { echo "rows left after import.new" >&2; exit 1; }
    stage "$rows"; deleted+=("$(delete_all)")
    psql_db -c "TRUNCATE import_data"   # no dead rows left for the next round's empty case
    echo "round $round: import.new with 0 rows ${empty[-1]} s, with $rows rows ${full[-1]} s;" \
         "DELETE of $rows rows ${deleted[-1]} s"
done

m0=$(median "${empty[@]}"); m1=$(median "${full[@]}"); md=$(median "${deleted[@]}")
echo
echo "median of $rounds rounds: import.new with 0 staged rows ${m0} s, with $rows staged rows ${m1} s"
awk -v a="$m0" -v b="$m1" -v d="$md" -v n="$rows" 'BEGIN {
    printf "ratio import.new %s rows / 0 rows: %.2f\n", n, b / a
    printf "for comparison, DELETE of %s rows alone: %s s (%.0f times import.new with 0 rows)\n", n, d, d / a
}'
