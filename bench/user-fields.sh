#!/usr/bin/env bash
# What keeping every field of Rocket.Chat's IImportUser costs: import.addUsers and import.run of
# USERS users with only the required fields (username, name, one address, one import id)
# beside as many with every field filled (type, deleted, about 200 bytes of custom fields,
# bio, status text, UTC offset, avatar URL) and one address, one import id and one role, and
# as many again with two of each; the three kinds in turn (the first kind rotating), each
# import from a new operation; prints the medians and their ratios to the first kind. WARMUP
# rounds (default 2) of the three kinds come first, not counted: a fresh JVM runs its first
# requests in the interpreter.
#   [WARMUP=2] bash bench/user-fields.sh [ROUNDS=5] [USERS=10000]
set -euo pipefail

rounds="${1:-5}"
users="${2:-10000}"
source "$(dirname "$0")/server.sh"
source "$(dirname "$0")/imports.sh"

# full_body FILE PREFIX COUNT TWO: an addUsers body of COUNT users with every field, two
# addresses, import ids and roles each when TWO is 1, one of each when 0
full_body() {
    awk -v n="$3" -v p="$2" -v two="$4" 'BEGIN {
        printf "{\"users\":["
        for (i = 1; i <= n; i++) {
            printf "%s{\"username\":\"%s-%d\",\"name\":\"User %d\",", (i > 1 ? "," : ""), p, i, i
            if (two) {
                printf "\"emails\":[\"%s-%d@example.com\",\"%s-%d@second.example.org\"],", p, i, p, i
                printf "\"importIds\":[\"%d\",\"legacy-%d\"],\"roles\":[\"user\",\"livechat-agent\"],", i, i
            } else {
                printf "\"emails\":[\"%s-%d@example.com\"],\"importIds\":[\"%d\"],\"roles\":[\"user\"],", p, i, i
            }
            printf "\"type\":\"%s\",\"deleted\":%s,", (i % 10 ? "user" : "bot"), (i % 7 ? "false" : "true")
            printf "\"customFields\":{\"department\":\"Operations and infrastructure\",\"costCenter\":\"CC-%06d\",", i
            printf "\"office\":\"Building 4, floor 2\",\"manager\":\"%s-%d\",\"phone\":\"+41 44 555 %04d\",", p, i % 97, i % 10000
            printf "\"languages\":[\"en\",\"de\"],\"startDate\":\"2024-03-01\"},"
            printf "\"bio\":\"Keeps the lights on\",\"statusText\":\"on call\",\"utcOffset\":%d,", i % 25 - 12
            printf "\"avatarUrl\":\"https://avatars.example.com/%s-%d.png\"}", p, i
        }
        printf "]}"
    }' > "$1"
}

# import_seconds BODY: a new operation, the body staged, run to the end; "addUsers run" in seconds
import_seconds() {
    call POST import.new -o /dev/null
    local add; add=$(call POST import.addUsers --data-binary @"$1" -o /dev/null -w '%{time_total}')
    local run; run=$(run_until_done)
    echo "$add $run"
}

kinds=(required full two)
for round in $(seq 1 "${WARMUP:-2}"); do
    users_body target/bench-required.json "w$round-r" "$users"
    full_body target/bench-full.json "w$round-f" "$users" 0
    full_body target/bench-two.json "w$round-t" "$users" 1
    for kind in "${kinds[@]}"; do import_seconds "target/bench-$kind.json" >/dev/null; done
done
declare -A seconds staged ran
for round in $(seq 1 "$rounds"); do
    users_body target/bench-required.json "r$round-r" "$users"
    full_body target/bench-full.json "r$round-f" "$users" 0
    full_body target/bench-two.json "r$round-t" "$users" 1
    line="round $round:"
    for k in 0 1 2; do
        kind=${kinds[$(( (round + k) % 3 ))]}
        read -r add run < <(import_seconds "target/bench-$kind.json")
        took=$(awk -v a="$add" -v r="$run" 'BEGIN {printf "%.3f", a + r}')
        seconds[$kind]="${seconds[$kind]:-} $took"
        staged[$kind]="${staged[$kind]:-} $add"
        ran[$kind]="${ran[$kind]:-} $run"
        line="$line $kind $took s ($add + $run);"
    done
    echo "$line"
done
created=$(psql_db -c "SELECT count(*) FROM users WHERE username ~ '^r[0-9]+-[ft]-' AND custom_fields IS NOT NULL")
m_required=$(median ${seconds[required]}); m_full=$(median ${seconds[full]}); m_two=$(median ${seconds[two]})
echo
awk -v n="$users" -v r="$rounds" -v q="$m_required" -v f="$m_full" -v t="$m_two" -v c="$created" 'BEGIN {
    printf "medians of %d rounds, %d users each, import.addUsers + import.run (%d users created with custom fields):\n", r, n, c
    printf "  required fields only                                    %.3f s = %.0f users/s\n", q, n / q
    printf "  every field, one address, import id and role            %.3f s = %.0f users/s; ratio %.2f\n", f, n / f, f / q
    printf "  every field, two addresses, import ids and roles each   %.3f s = %.0f users/s; ratio %.2f\n", t, n / t, t / q
}'
for kind in "${kinds[@]}"; do
    printf "  %-8s import.addUsers %.3f s, import.run %.3f s\n" "$kind" "$(median ${staged[$kind]})" "$(median ${ran[$kind]})"
done
