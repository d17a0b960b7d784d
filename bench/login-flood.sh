#!/usr/bin/env bash
# A logged-in caller's import.status, alone and then while CLIENTS clients send wrong
# passwords, in one run: the p99 of each and their ratio. Blocking is off, so that the flood
# meets the bound on password checks (LOGIN_MAX_CONCURRENT_CHECKS), not the block.
#   bash bench/login-flood.sh [CLIENTS=32] [SECONDS=15]
set -euo pipefail

clients="${1:-32}"
seconds="${2:-15}"
export LOGIN_BLOCK_ENABLED=false
source "$(dirname "$0")/server.sh"

status() {
    java bench/Load.java GET "$base/import.status" 1 "$1" "X-User-Id: $user_id" "X-Auth-Token: $token"
}
status 10 >/dev/null   # warm-up

echo "== import.status, one logged-in caller, alone for $seconds s"
alone=$(status "$seconds"); echo "$alone"

echo "== the same, while $clients clients send wrong passwords"
java bench/Load.java POST "$base/login" "$clients" $((seconds + 6)) "Content-Type: application/json" \
    'body={"user":"bench","password":"wrong"}' > target/bench-flood.txt &
flood=$!
sleep 3
during=$(status "$seconds"); echo "$during"
wait "$flood"
echo "the flood: $(cat target/bench-flood.txt)"

p99() { sed -E 's/.*p99 ([0-9.]+) ms.*/\1/' <<<"$1"; }
awk -v a="$(p99 "$alone")" -v d="$(p99 "$during")" 'BEGIN {
    printf "\nimport.status p99: %.1f ms alone, %.1f ms during the flood; ratio %.2f\n", a, d, d / a }'
