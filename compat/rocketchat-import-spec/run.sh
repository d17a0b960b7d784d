#!/usr/bin/env bash
# Runs Rocket.Chat's own end-to-end test of its import endpoints, unchanged, against a running
# service: the spec is copied from a checkout of Rocket.Chat (it is Rocket.Chat's code, so it is
# not kept here); tests/data holds this project's stand-ins for the test data modules it imports
# (log in as the administrator, make and delete a user), written against this service's API.
#   TEST_API_URL=http://127.0.0.1:8080 ADMIN_USER=admin ADMIN_PASSWORD=... \
#       bash compat/rocketchat-import-spec/run.sh /path/to/Rocket.Chat
set -euo pipefail
cd "$(dirname "$0")"
rocketchat="${1:?the path of a Rocket.Chat checkout}"
: "${TEST_API_URL:?the service, e.g. http://127.0.0.1:8080}" "${ADMIN_USER:?}" "${ADMIN_PASSWORD:?}"
mkdir -p tests/end-to-end/api
cp "$rocketchat/apps/meteor/tests/end-to-end/api/import.spec.ts" tests/end-to-end/api/
npm install --no-audit --no-fund --silent
npx mocha --import=tsx tests/end-to-end/api/import.spec.ts
