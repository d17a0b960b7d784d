#!/usr/bin/env bash
# import.new while a large import runs: USERS users (default 1,000,000) staged in requests of
# 10,000 and imported; once AT of them are created (default a third), import.new aborts the
# import, ROUNDS times in all (each a new import of USERS new users). Prints import.new's time
# as the client saw it, and the users created when its abort committed and 3 s later: nothing
# may be written after it. Beside it, import.new with nothing running, in the same run.
#   bash bench/abort-latency.sh [ROUNDS=3] [USERS=1000000] [AT=USERS/3]
set -euo pipefail

rounds="${1:-3}"
users="${2:-1000000}"
at="${3:-$((users / 3))}"
source "$(dirname "$0")/server.sh"
source "$(dirname "$0")/imports.sh"

created() { psql_db -c "SELECT count(*) FROM users WHERE username LIKE '$1-%'"; }
import_new_seconds() { call POST import.new -o /dev/null -w '%{time_total}'; }

idle=(); busy=()
for round in $(seq 1 "$rounds"); do
    prefix="abort$round"
    call POST import.new -o /dev/null
    stage_in_requests "$prefix" "$users"
    call POST import.run -o /dev/null
    until [ "$(created "$prefix")" -ge "$at" ]; do sleep 0.2; done
    busy+=("$(import_new_seconds)")
    at_abort=$(created "$prefix")
    sleep 3
    later=$(created "$prefix")
    idle+=("$(import_new_seconds)")
    echo "round $round: import.new during the import ${busy[-1]} s, with nothing running ${idle[-1]} s;" \
        "users created when the abort committed $at_abort, 3 s later $later"
    [ "$at_abort" = "$later" ] || { echo "users were written after the abort committed" >&2; exit 1; }
done

echo
echo "medians of $rounds rounds: import.new during an import of $users users $(median "${busy[@]}") s," \
    "with nothing running $(median "${idle[@]}") s"
