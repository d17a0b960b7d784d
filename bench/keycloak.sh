#!/usr/bin/env bash
# Beside Keycloak: its distribution from Maven Central (org.keycloak:keycloak-quarkus-dist, run
# on Java 21+: KEYCLOAK_JAVA_HOME, by default the Temurin 25 JDK beside the default one) on
# the same PostgreSQL (a database of its own), importing users with its partialImport
# (ifResourceExists SKIP) in requests of 100 users, its best batch size, into a new realm each
# time; ours: import.new, import.addUsers in requests of 10,000, import.run until done. In
# each round, ours and Keycloak's alternate (who goes first alternates too), on:
#   10,000 users without passwords; the same 10,000 again (all exist: skipped);
#   10,000 with pre-hashed passwords (ours bcrypt-sha256, Keycloak's pbkdf2-sha256);
#   1,000 with clear-text passwords (both hash them: ours Argon2id, Keycloak's default);
#   LARGE users without passwords, Keycloak's side stopped after KEYCLOAK_BOUND seconds and
#   counted at its rate so far.
# Prints each time and the ratio (Keycloak's time over ours), the medians of the rounds.
#   bash bench/keycloak.sh [ROUNDS=2] [LARGE=100000]
set -euo pipefail

rounds="${1:-2}"
large="${2:-100000}"
version="${KEYCLOAK_VERSION:-26.5.6}"
bound="${KEYCLOAK_BOUND:-300}"
kc_java="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
source "$(dirname "$0")/server.sh"
source "$(dirname "$0")/imports.sh"

# Keycloak, unpacked once into target/keycloak
kc_home="target/keycloak/keycloak-$version"
if [ ! -x "$kc_home/bin/kc.sh" ]; then
    mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
        -DoutputDirectory=target/keycloak
    unzip -q -o "target/keycloak/keycloak-quarkus-dist-$version.zip" -d target/keycloak
fi
kc_port=$((port + 10))
kc_db="keycloak_bench_$$"
kc_base="http://127.0.0.1:$kc_port"
psql -h 127.0.0.1 -U postgres -Atqc "CREATE DATABASE $kc_db"
JAVA_HOME="$kc_java" KC_DB=postgres KC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$kc_db" KC_DB_USERNAME=postgres \
    KC_DB_PASSWORD=unused KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$kc_home/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$kc_port" > target/bench-keycloak.log 2>&1 &
kc_server=$!
stop_keycloak() {
    kill "$kc_server" 2>/dev/null || true
    wait "$kc_server" 2>/dev/null || true
    psql -h 127.0.0.1 -U postgres -Atqc "DROP DATABASE IF EXISTS $kc_db WITH (FORCE)"
}
trap 'stop_keycloak; stop_server' EXIT
for _ in $(seq 1 300); do curl -fs "$kc_base/realms/master" >/dev/null && break; sleep 1; done
curl -fs "$kc_base/realms/master" >/dev/null || { echo "Keycloak did not start: target/bench-keycloak.log" >&2; exit 1; }

kc_token() {   # an admin token (they live 60 s: one per request)
    curl -fs "$kc_base/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
        -d username=admin -d password=admin | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
kc_call() {   # METHOD PATH [curl options...]
    local method=$1 path=$2; shift 2
    curl -fs -o /dev/null -X "$method" "$kc_base/admin/$path" -H "Authorization: Bearer $(kc_token)" \
        -H 'Content-Type: application/json' "$@"
}

# kc_body FILE PREFIX FIRST COUNT KIND: a partialImport body of users PREFIX-FIRST.. (KIND: plain, hashed, clear)
kc_body() {
    awk -v p="$2" -v first="$3" -v n="$4" -v kind="$5" 'BEGIN {
        printf "{\"ifResourceExists\":\"SKIP\",\"users\":["
        for (i = first; i < first + n; i++) {
            printf "%s{\"username\":\"%s-%d\",\"email\":\"%s-%d@example.com\",\"firstName\":\"User\",\"lastName\":\"%d\",\"enabled\":true",
                (i > first ? "," : ""), p, i, p, i, i
            if (kind == "clear") printf ",\"credentials\":[{\"type\":\"password\",\"value\":\"pw-%d\",\"temporary\":false}]", i
            if (kind == "hashed") printf ",\"credentials\":[{\"type\":\"password\",\"secretData\":\"{\\\"value\\\":\\\"Vr1JqR8f5mG9lXaGqk3bTQ3X1ZqSg3r0r1J5mY0w2yc=\\\",\\\"salt\\\":\\\"c2FsdHNhbHRzYWx0c2FsdA==\\\"}\",\"credentialData\":\"{\\\"hashIterations\\\":600000,\\\"algorithm\\\":\\\"pbkdf2-sha256\\\"}\"}]"
            printf "}"
        }
        printf "]}"
    }' > "$1"
}

# keycloak_seconds REALM PREFIX COUNT KIND [BOUND]: COUNT users into REALM (made if new), 100 a request;
# stopped after BOUND seconds and extrapolated from the users imported by then
keycloak_seconds() {
    local realm=$1 prefix=$2 count=$3 kind=$4 limit=${5:-0}
    kc_call POST realms -d "{\"realm\":\"$realm\",\"enabled\":true}" 2>/dev/null || true
    local started; started=$(date +%s.%N)
    local done_users=0
    for first in $(seq 1 100 "$count"); do
        kc_body target/bench-kc.json "$prefix" "$first" 100 "$kind"
        kc_call POST "realms/$realm/partialImport" --data-binary @target/bench-kc.json
        done_users=$((first + 99))
        if [ "$limit" -gt 0 ] && [ "$(awk -v s="$(elapsed_since "$started")" -v b="$limit" 'BEGIN {print (s > b)}')" = 1 ]; then
            break
        fi
    done
    awk -v s="$(elapsed_since "$started")" -v d="$done_users" -v n="$count" 'BEGIN {printf "%.3f", s * n / d}'
}

# ours_seconds PREFIX COUNT KIND: import.new, addUsers in requests of 10,000, run until done
bcrypt='$2b$10$r2eaNyVo44OG.kOH4J.9Qub/VYdOz2KtBh8plcx9o35rk1.dFQq1.'
ours_seconds() {
    local prefix=$1 count=$2 kind=$3 more=''
    [ "$kind" = clear ] && more=',"password":"pw-%d"'
    [ "$kind" = hashed ] && more=",\"passwordHash\":\"$bcrypt\",\"hashingAlgorithm\":\"bcrypt-sha256\""
    call POST import.new -o /dev/null
    local started; started=$(date +%s.%N)
    for first in $(seq 1 10000 "$count"); do
        users_body target/bench-ours.json "$prefix" "$(( count - first + 1 < 10000 ? count - first + 1 : 10000 ))" "$first" "$more"
        call POST import.addUsers --data-binary @target/bench-ours.json -o /dev/null
    done
    local staged; staged=$(elapsed_since "$started")
    awk -v s="$staged" -v r="$(run_until_done)" 'BEGIN {printf "%.3f", s + r}'
}

cases=(plain again hashed clear large)
declare -A ours kc
for round in $(seq 1 "$rounds"); do
    for case in "${cases[@]}"; do
        count=10000; kind=plain; prefix="r$round-$case"; limit=0
        case $case in
            again) prefix="r$round-plain" ;;   # the users of "plain" again: all exist
            hashed) kind=hashed ;;
            clear) count=1000; kind=clear ;;
            large) count=$large; limit=$bound ;;
        esac
        realm="r$round-$case"; [ "$case" = again ] && realm="r$round-plain"
        if (( round % 2 )); then
            o=$(ours_seconds "$prefix" "$count" "$kind"); k=$(keycloak_seconds "$realm" "$prefix" "$count" "$kind" "$limit")
        else
            k=$(keycloak_seconds "$realm" "$prefix" "$count" "$kind" "$limit"); o=$(ours_seconds "$prefix" "$count" "$kind")
        fi
        ours[$case]+="$o "; kc[$case]+="$k "
        echo "round $round, $case ($count users): ours $o s, Keycloak $k s$([ "$limit" -gt 0 ] && echo " (stopped after ${bound} s, at its rate)"), ratio $(awk -v o="$o" -v k="$k" 'BEGIN {printf "%.1f", k / o}')"
    done
done

echo
echo "medians of $rounds rounds (Keycloak $version, partialImport of 100 users a request; ours import.addUsers + import.run):"
for case in "${cases[@]}"; do
    # shellcheck disable=SC2086
    o=$(median ${ours[$case]}); k=$(median ${kc[$case]})
    awk -v c="$case" -v o="$o" -v k="$k" 'BEGIN {printf "  %-7s ours %8.3f s, Keycloak %9.3f s: %.1fx\n", c, o, k, k / o}'
done
