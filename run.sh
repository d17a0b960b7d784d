#!/usr/bin/env bash
# Builds the WAR and serves it with Payara Micro on http://127.0.0.1:PORT (default 8080).
# The database: DB_URL when set; else PostgreSQL on localhost:5432 when something answers
# there; else a PostgreSQL of its own (dev.importer.launcher.LocalPostgres), its data kept in
# IMPORTER_HOME. Configuration comes from the environment; see the README. Ctrl-C stops it all.
set -euo pipefail
cd "$(dirname "$0")"

port="${PORT:-8080}"
address="${BIND_ADDRESS:-127.0.0.1}"
home="${IMPORTER_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/importer}"
mkdir -p "$home"
chmod 700 "$home"
log="$home/server.log"

say() { printf '%s\n' "$*" >&2; }

# One ./run.sh per IMPORTER_HOME: a second one would rebuild under the first and share its data.
exec 9>"$home/run.lock"
if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
    say "Another ./run.sh is running with IMPORTER_HOME=$home: stop it first, or set IMPORTER_HOME to another folder"
    exit 1
fi
touch "$home/run.lock" # this start's time, against which a fresh url file is told from a stale one

# Each child gets SIGTERM when this script ends, even by kill -9 (where setpriv exists).
orphan_guard=()
command -v setpriv >/dev/null 2>&1 && orphan_guard=(setpriv --pdeathsig TERM)
children=()
stop_children() {
    trap - EXIT INT TERM
    [ ${#children[@]} -eq 0 ] && return
    kill "${children[@]}" 2>/dev/null || true
    wait "${children[@]}" 2>/dev/null || true
}
trap stop_children EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A DB_URL that nothing answers at is told before the build; a refused login, after it.
if [ -n "${DB_URL:-}" ]; then
    hostport=${DB_URL#jdbc:postgresql://}
    hostport=${hostport%%[/?]*}
    host=${hostport%:*}
    port=${hostport##*:}
    [ "$host" = "$hostport" ] && port=5432
    if ! timeout 10 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; then
        say "Nothing answers at $host:$port (DB_URL=$DB_URL): start that database, or unset DB_URL so that ./run.sh uses its own"
        exit 1
    fi
fi

say "Building the WAR (mvn package; its output: $home/build.log) ..."
mvn -B -Dstyle.color=never clean package -DskipTests >"$home/build.log" 2>&1 \
    || { say "The build failed; the end of $home/build.log:"; tail -n 30 "$home/build.log" >&2; exit 1; }
launcher=(java -cp "$(cat target/launcher.classpath)" src/launcher/java/dev/importer/launcher/LocalPostgres.java)
: >>"$log"

if [ -z "${DB_URL:-}" ] && ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    say "Nothing answers on localhost:5432: starting a PostgreSQL of its own, data in $home/postgres ..."
    url_file="$home/postgres/url"
    "${orphan_guard[@]}" "${launcher[@]}" serve "$home/postgres" >>"$log" 2>&1 9>&- &
    children+=($!)
    for _ in $(seq 1 120); do
        [ -s "$url_file" ] && [ "$url_file" -nt "$home/run.lock" ] && break
        kill -0 "${children[-1]}" 2>/dev/null || { say "The embedded PostgreSQL did not start: $(tail -n 1 "$log")"; exit 1; }
        sleep 0.5
    done
    [ -s "$url_file" ] || { say "The embedded PostgreSQL did not start within 60 s; see $log"; exit 1; }
    DB_URL=$(cat "$url_file")
    export DB_URL DB_USER=postgres DB_PASSWORD_FILE="$home/postgres/password"
    unset DB_PASSWORD
    database="its own PostgreSQL at $DB_URL (data in $home/postgres/data, password in $DB_PASSWORD_FILE)"
else
    "${launcher[@]}" check || exit 1
    database="${DB_URL:-jdbc:postgresql://localhost:5432/importer} as ${DB_USER:-postgres}"
fi

# Payara Micro's HTTP listener on one address only (BIND_ADDRESS=0.0.0.0 for every interface)
postboot="$home/postboot.asadmin"
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=$address" >"$postboot"

say "Starting Payara Micro on $address:$port; its log: $log"
"${orphan_guard[@]}" java -jar target/payara-micro.jar --deploy target/importer.war --port "$port" --nocluster \
    --postbootcommandfile "$postboot" >>"$log" 2>&1 9>&- &
children+=($!)

for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
    kill -0 "${children[-1]}" 2>/dev/null || { say "Payara Micro stopped before it was ready; the end of $log:"; tail -n 20 "$log" >&2; exit 1; }
    sleep 1
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { say "Not ready after 300 s; see $log"; exit 1; }

cat <<MSG

  Importer is listening on http://127.0.0.1:$port/api/v1  (health: /health, metrics: /metrics, OpenAPI: /openapi)
  The console: http://127.0.0.1:$port/   The API docs: http://127.0.0.1:$port/api/docs/
  The database: $database
  The server's log: $log

  Log in:
    curl -s -X POST http://127.0.0.1:$port/api/v1/login -H 'Content-Type: application/json' \\
         -d '{"user":"${ADMIN_USERNAME:-<ADMIN_USERNAME>}","password":"<ADMIN_PASS>"}'
  then call the API with the userId and authToken it answers as X-User-Id and X-Auth-Token.
$( [ -n "${ADMIN_USERNAME:-}" ] && [ -n "${ADMIN_PASS:-}" ] || echo "
  ADMIN_USERNAME / ADMIN_PASS are not set: on a new database, start with them set to create the administrator." )
  Ctrl-C stops the service$( [ -n "${DB_PASSWORD_FILE:-}" ] && echo " and its PostgreSQL" ).

MSG
wait "${children[-1]}"
