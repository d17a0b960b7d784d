#!/usr/bin/env bash
# What keeping every field of Rocket.Chat's IImportUser costs: import.addUsers and import.run of
# USERS users with only the required fields (username, name, one address, one import id)
# beside as many with every field filled (two addresses, two import ids, two roles, type,
# deleted, about 200 bytes of custom fields, bio, status text, UTC offset, avatar URL), the
# two kinds alternating, each import from a new operation; prints the medians and their ratio.
#   bash bench/user-fields.sh [ROUNDS=5] [USERS=10000]
set -euo pipefail

rounds="${1:-5}"
users="${2:-10000}"
source "$(dirname "$0")/server.sh"
source "$(dirname "$0")/imports.sh"

# full_body FILE PREFIX COUNT: an addUsers body of COUNT users with every field
full_body() {
    awk -v n="$3" -v p="$2" 'BEGIN {
        printf "{\"users\":["
        for (i = 1; i <= n; i++) {
            printf "%s{\"username\":\"%s-%d\",\"name\":\"User %d\",", (i > 1 ? "," : ""), p, i, i
            printf "\"emails\":[\"%s-%d@example.com\",\"%s-%d@second.example.org\"],", p, i, p, i
            printf "\"importIds\":[\"%d\",\"legacy-%d\"],\"roles\":[\"user\",\"livechat-agent\"],", i, i
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

# import_seconds BODY: a new operation, the body staged, run to the end; addUsers + run in seconds
import_seconds() {
    call POST import.new -o /dev/null
    local add; add=$(call POST import.addUsers --data-binary @"$1" -o /dev/null -w '%{time_total}')
    local run; run=$(run_until_done)
    awk -v a="$add" -v r="$run" 'BEGIN {printf "%.3f", a + r}'
}

required=(); full=()
for round in $(seq 1 "$rounds"); do
    users_body target/bench-required.json "r$round-r" "$users"
    full_body target/bench-full.json "r$round-f" "$users"
    if (( round % 2 )); then
        required+=("$(import_seconds target/bench-required.json)"); full+=("$(import_seconds target/bench-full.json)")
    else
        full+=("$(import_seconds target/bench-full.json)"); required+=("$(import_seconds target/bench-required.json)")
    fi
    echo "round $round: required fields ${required[-1]} s, every field ${full[-1]} s"
done
body_bytes=$(( $(stat -c %s target/bench-full.json) / users ))
created=$(psql_db -c "SELECT count(*) FROM users WHERE username LIKE 'r%-f-%' AND custom_fields IS NOT NULL")
m_required=$(median "${required[@]}"); m_full=$(median "${full[@]}")
echo
awk -v n="$users" -v r="$rounds" -v q="$m_required" -v f="$m_full" -v b="$body_bytes" -v c="$created" 'BEGIN {
    printf "medians of %d rounds, %d users each, import.addUsers + import.run:\n", r, n
    printf "  required fields only %.3f s = %.0f users/s\n", q, n / q
    printf "  every field          %.3f s = %.0f users/s (%d bytes a user as staged; %d created with their custom fields)\n", f, n / f, b, c
    printf "  ratio %.2f\n", f / q
}'
