# Sourced by the import benchmarks, after server.sh: staging bodies and timed runs.

# users_body FILE PREFIX COUNT [FIRST=1] [MORE]: an addUsers body of COUNT users named
# PREFIX-<n>; MORE, a printf format of the user's number, adds members to each user
users_body() {
    awk -v n="$3" -v p="$2" -v first="${4:-1}" -v more="${5:-}" 'BEGIN {
        printf "{\"users\":["
        for (i = first; i < first + n; i++) {
            printf "%s{\"username\":\"%s-%d\",\"name\":\"User %d\",\"emails\":[\"%s-%d@example.com\"],\"importIds\":[\"%d\"]%s}",
                (i > first ? "," : ""), p, i, i, p, i, i, sprintf(more, i)
        }
        printf "]}"
    }' > "$1"
}

# for_each_chunk PREFIX COUNT COMMAND...: COUNT users named PREFIX-<n> in bodies of 10,000
# (target/bench-chunk.json), each handed to COMMAND as its last argument
for_each_chunk() {
    local prefix=$1 count=$2 first; shift 2
    for first in $(seq 1 10000 "$count"); do
        users_body target/bench-chunk.json "$prefix" "$(( count - first + 1 < 10000 ? count - first + 1 : 10000 ))" "$first"
        "$@" target/bench-chunk.json
    done
}

# stage_in_requests PREFIX COUNT: COUNT users named PREFIX-<n> staged into the current operation
# with import.addUsers, 10,000 a request
stage_in_requests() { for_each_chunk "$1" "$2" add_users_file; }
add_users_file() { call POST import.addUsers --data-binary @"$1" -o /dev/null; }

elapsed_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}'; }

# import.run until import.status says done; the time is from the call to the moment the
# service recorded the end (the operation's _updatedAt, same machine clock), so that the
# polling, every 100 ms, neither adds to it nor takes CPU from the import.
run_until_done() {
    local started; started=$(date +%s.%N)
    call POST import.run -o /dev/null
    while status=$(call GET import.status) && ! grep -q '"state":"done"' <<<"$status"; do
        grep -q '"state":"importing"' <<<"$status" || { echo "import did not finish: $status" >&2; exit 1; }
        sleep 0.1
    done
    psql_db -c "SELECT round(extract(epoch FROM updated_at) - $started, 3) FROM import_operations WHERE valid"
}
