#!/usr/bin/env bash
# Passwords in an import, side by side in each round:
#  - clear text: import.run of USERS users with clear-text passwords (hashed on all cores),
#    against the service's same hashing of as many passwords on one thread while the server
#    idles (bench/HashingThreads.java, the service's own Passwords class); and, to show what
#    the machine allows, the same hashing on as many threads as cores, outside the server;
#  - pre-hashed: import.addUsers and import.run of LARGE users with a bcrypt-sha256 hash each,
#    against the same import of users without passwords.
#   bash bench/passwords.sh [ROUNDS=5] [USERS=600] [LARGE=10000]
set -euo pipefail

rounds="${1:-5}"
users="${2:-600}"
large="${3:-10000}"
source "$(dirname "$0")/server.sh"
source "$(dirname "$0")/imports.sh"

mvn -B -q dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=target/bench-classpath.txt
hashing_threads() { java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/HashingThreads.java "$@"; }

# addUsers and run of a body, in seconds
import_seconds() {
    call POST import.new -o /dev/null
    local started; started=$(date +%s.%N)
    call POST import.addUsers --data-binary @"$1" -o /dev/null
    local staged; staged=$(elapsed_since "$started")
    awk -v s="$staged" -v r="$(run_until_done)" 'BEGIN {printf "%.3f", s + r}'
}

# bcrypt (cost 10) of the hex SHA-256 of "password", as Rocket.Chat stores it; the same for
# every user: an import stores hashes, it does not check them
bcrypt='$2b$10$r2eaNyVo44OG.kOH4J.9Qub/VYdOz2KtBh8plcx9o35rk1.dFQq1.'

clear=(); reference=(); all_cores=(); hashed=(); plain=()
for round in $(seq 1 "$rounds"); do
    reference+=("$(hashing_threads 1 "$users")")
    users_body target/bench-clear.json "r$round-c" "$users" 1 ',"password":"pw-%d"'
    call POST import.new -o /dev/null
    call POST import.addUsers --data-binary @target/bench-clear.json -o /dev/null
    clear+=("$(awk -v n="$users" -v s="$(run_until_done)" 'BEGIN {printf "%.1f", n / s}')")
    all_cores+=("$(hashing_threads "$(nproc)" "$users")")

    users_body target/bench-hashed.json "r$round-h" "$large" 1 ",\"passwordHash\":\"$bcrypt\",\"hashingAlgorithm\":\"bcrypt-sha256\""
    users_body target/bench-plain.json "r$round-p" "$large"
    hashed+=("$(import_seconds target/bench-hashed.json)")
    plain+=("$(import_seconds target/bench-plain.json)")
    echo "round $round: clear text ${clear[-1]} users/s (one thread ${reference[-1]}, all cores outside ${all_cores[-1]});" \
         "pre-hashed ${hashed[-1]} s, no passwords ${plain[-1]} s for $large users"
done

[ "$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'r1-h-%' AND password_algorithm = 'bcrypt-sha256'")" = "$large" ] \
    || { echo "the pre-hashed users were not imported with their hashes" >&2; exit 1; }

echo
awk -v r="$rounds" -v n="$users" -v big="$large" -v c="$(median "${clear[@]}")" -v o="$(median "${reference[@]}")" \
    -v a="$(median "${all_cores[@]}")" \
    -v h="$(median "${hashed[@]}")" -v p="$(median "${plain[@]}")" -v cores="$(nproc)" 'BEGIN {
    printf "medians of %d rounds, %d cores:\n", r, cores
    printf "  clear text, %d users: import.run %.1f users/s; the same hashing on one thread %.1f users/s; ratio %.2f\n", n, c, o, c / o
    printf "    the same hashing on %d threads outside the server: %.1f users/s, %.2f of one thread; the import reaches %.2f of it\n",
        cores, a, a / o, c / a
    printf "  %d users, addUsers + run: pre-hashed %.3f s = %.0f users/s; no passwords %.3f s = %.0f users/s; ratio %.2f\n",
        big, h, big / h, p, big / p, p / h
}'
