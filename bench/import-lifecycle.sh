#!/usr/bin/env bash
# How long import.addUsers takes for USERS users in one request, and import.run for them
# (no passwords), with the service's default settings (batches of 100 users). Each round
# starts a new operation with users of its own; the medians are printed.
#   bash bench/import-lifecycle.sh [ROUNDS=3] [USERS=10000]
set -euo pipefail

rounds="${1:-3}"
users="${2:-10000}"
source "$(dirname "$0")/server.sh"

body=target/bench-users.json
add_times=(); run_times=()
for round in $(seq 1 "$rounds"); do
    awk -v n="$users" -v r="$round" 'BEGIN {
        printf "{\"users\":["
        for (i = 1; i <= n; i++) {
            printf "%s{\"username\":\"r%d-user%d\",\"name\":\"User %d\",\"emails\":[\"r%d-user%d@example.com\"],\"importIds\":[\"%d\"]}",
                (i > 1 ? "," : ""), r, i, i, r, i, i
        }
        printf "]}"
    }' > "$body"
    call POST import.new -o /dev/null

    add_times+=("$(call POST import.addUsers --data-binary "@$body" -o /dev/null -w '%{time_total}')")

    started=$(date +%s.%N)
    call POST import.run -o /dev/null
    while status=$(call GET import.status) && ! grep -q '"state":"done"' <<<"$status"; do
        grep -q '"state":"importing"' <<<"$status" || { echo "import did not finish: $status" >&2; exit 1; }
        sleep 0.05
    done
    run_times+=("$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')")
    created=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'r$round-user%'")
    echo "round $round: addUsers ${add_times[-1]} s, run ${run_times[-1]} s, $created users created"
done

echo
echo "median of $rounds rounds, $users users: import.addUsers $(median "${add_times[@]}") s, import.run $(median "${run_times[@]}") s"
