# Sourced by the benchmarks: a Payara Micro of their own on 127.0.0.1:$BENCH_PORT with a
# database of its own, both removed on exit, and an administrator session:
# $base, $user_id, $token, and psql_db to query the database. BENCH_JAVA_OPTS: the server
# JVM's options (-Xmx256m, say).
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port="${BENCH_PORT:-18080}"
db="importer_bench_$$"
base="http://127.0.0.1:$port/api/v1"
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -Atq "$@"; }

[ -f target/importer.war ] && [ -f target/payara-micro.jar ] || mvn -B -q clean package -DskipTests

DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" ADMIN_USERNAME=bench ADMIN_PASS=bench-password \
    java ${BENCH_JAVA_OPTS:-} -jar target/payara-micro.jar --deploy target/importer.war --port "$port" --nocluster \
    > target/bench-server.log 2>&1 &
server=$!
stop_server() {
    kill "$server" 2>/dev/null || true   # two-instances.sh may have killed it already
    wait "$server" 2>/dev/null || true   # a killed server exits non-zero; go on to the drop
    psql -h 127.0.0.1 -U postgres -Atqc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
}
trap stop_server EXIT

for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done

login=$(curl -fs -X POST "$base/login" -H 'Content-Type: application/json' \
    -d '{"user":"bench","password":"bench-password"}')
user_id=$(sed -E 's/.*"userId":"([^"]+)".*/\1/' <<<"$login")
token=$(sed -E 's/.*"authToken":"([^"]+)".*/\1/' <<<"$login")

# call METHOD PATH [curl options...]: the body to stdout, fails on an HTTP error
call() {
    local method=$1 path=$2; shift 2
    curl -fs -X "$method" "$base/$path" -H "X-User-Id: $user_id" -H "X-Auth-Token: $token" \
        -H 'Content-Type: application/json' "$@"
}

# start_second_server: another instance on the same database, on 127.0.0.1:$port_b ($server_b,
# its log target/bench-server-b.log), stopped on exit too
start_second_server() {
    port_b=$((port + 1))
    DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
        java -jar target/payara-micro.jar --deploy target/importer.war --port "$port_b" --nocluster \
        > target/bench-server-b.log 2>&1 &
    server_b=$!
    trap 'kill "$server_b" 2>/dev/null || true; wait "$server_b" 2>/dev/null || true; stop_server' EXIT
    for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port_b/health/ready" >/dev/null && break; sleep 1; done
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
