#!/usr/bin/env bash
# Builds the WAR and serves it with Payara Micro on PORT (default 8080).
# Configuration comes from the environment; see the README. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"

port="${PORT:-8080}"
mvn -B -q clean package -DskipTests

java -jar target/payara-micro.jar --deploy target/importer.war --port "$port" --nocluster &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server"' INT TERM

until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { echo "Payara Micro stopped before it was ready" >&2; exit 1; }
    sleep 1
done

cat <<MSG

  Importer is listening on http://localhost:$port/api/v1  (health: /health, metrics: /metrics, OpenAPI: /openapi)
  The console: http://localhost:$port/   The API docs: http://localhost:$port/api/docs/

  Log in:
    curl -s -X POST http://localhost:$port/api/v1/login -H 'Content-Type: application/json' \\
         -d '{"user":"${ADMIN_USERNAME:-<ADMIN_USERNAME>}","password":"<ADMIN_PASS>"}'
  then call the API with the userId and authToken it answers as X-User-Id and X-Auth-Token.
$( [ -n "${ADMIN_USERNAME:-}" ] && [ -n "${ADMIN_PASS:-}" ] || echo "
  ADMIN_USERNAME / ADMIN_PASS are not set: on a new database, start with them set to create the administrator." )

MSG
wait "$server"
