#!/usr/bin/env bash
# Clear-text passwords hashed by every instance: import.run of USERS users with clear-text
# passwords on one instance, then with a second instance beside it on the same database,
# both with one hashing thread (PASSWORD_HASHING_THREADS=1); in each round, the service's own
# hashing (bench/HashingThreads.java) of as many passwords on one and on two plain threads in
# one JVM outside the servers, the machine's ceiling. Prints users per second, the ratios,
# and the second instance's share of the hashing (importer_passwords_hashed_total on its
# /metrics), which runs no import: the first one does.
#   bash bench/shared-hashing.sh [ROUNDS=3] [USERS=600]
set -euo pipefail

rounds="${1:-3}"
users="${2:-600}"
export PASSWORD_HASHING_THREADS=1
source "$(dirname "$0")/server.sh"
source "$(dirname "$0")/imports.sh"

mvn -B -q dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=target/bench-classpath.txt
hashing_threads() { java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/HashingThreads.java "$@"; }

# users per second of import.run of USERS users with clear-text passwords, named PREFIX-n
clear_text_import() {
    users_body target/bench-shared.json "$1" "$users" 1 ',"password":"pw-%d"'
    call POST import.new -o /dev/null
    call POST import.addUsers --data-binary @target/bench-shared.json -o /dev/null
    awk -v n="$users" -v s="$(run_until_done)" 'BEGIN {printf "%.1f", n / s}'
}

hashed_by_b() { curl -fs "http://127.0.0.1:$port_b/metrics" | sed -nE 's/^importer_passwords_hashed_total(\{[^}]*\})? ([0-9.]+).*/\2/p' | head -1; }

one=(); one_thread=(); two_threads=()
for round in $(seq 1 "$rounds"); do
    one_thread+=("$(hashing_threads 1 "$users")")
    one+=("$(clear_text_import "one$round")")
    two_threads+=("$(hashing_threads 2 "$users")")
    echo "round $round, one instance: ${one[-1]} users/s (plain JVM: one thread ${one_thread[-1]}, two ${two_threads[-1]})"
done

start_second_server

two=(); share=(); two_threads_b=()
for round in $(seq 1 "$rounds"); do
    before=$(hashed_by_b)
    two+=("$(clear_text_import "two$round")")
    share+=("$(awk -v a="$before" -v b="$(hashed_by_b)" -v n="$users" 'BEGIN {printf "%.2f", (b - a) / n}')")
    two_threads_b+=("$(hashing_threads 2 "$users")")
    echo "round $round, two instances: ${two[-1]} users/s, the second hashed ${share[-1]} of the passwords" \
         "(plain JVM, two threads: ${two_threads_b[-1]})"
done

[ "$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'two1-%' AND password_algorithm = 'argon2id-sha256'")" = "$users" ] \
    || { echo "the users were not imported with their hashes" >&2; exit 1; }

echo
awk -v r="$rounds" -v n="$users" -v one="$(median "${one[@]}")" -v two="$(median "${two[@]}")" \
    -v t1="$(median "${one_thread[@]}")" -v t2="$(median "${two_threads[@]}" "${two_threads_b[@]}")" \
    -v s="$(median "${share[@]}")" 'BEGIN {
    printf "medians of %d rounds, %d users with clear-text passwords, one hashing thread per instance:\n", r, n
    printf "  one instance %.1f users/s (%.2f of one plain thread %.1f)\n", one, one / t1, t1
    printf "  two instances %.1f users/s: %.2fx one instance, %.2f of two plain threads in one JVM (%.1f users/s, %.2fx one thread)\n",
        two, two / one, two / t2, t2, t2 / t1
    printf "  the second instance hashed %.0f %% of the passwords\n", 100 * s
}'
