#!/usr/bin/env bash
# Rocket.Chat's file path beside the bulk API, same users, same server, alternating rounds:
#   file: uploadImportFile of a CSV zip (users.csv: username,email,name), getImportFileData
#         (the whole selection, as the import screen reads it), startImport of all, until done;
#   api:  import.new, import.addUsers in requests of 10,000, import.run, until done.
# Each time is from the first call to the moment the service recorded the end. The server
# runs with a 256 MiB heap (-Xmx256m) unless BENCH_JAVA_OPTS says otherwise; during each
# upload the heap in use (garbage not yet collected included) is read every ~0.2 s with
# `jcmd <pid> GC.heap_info`, and the peak is printed.
#   bash bench/file-import.sh [ROUNDS=3] [USERS=100000]
set -euo pipefail

rounds="${1:-3}"
users="${2:-100000}"
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx256m}"
source "$(dirname "$0")/server.sh"
source "$(dirname "$0")/imports.sh"

# upload_body FILE PREFIX: the uploadImportFile body of a zip of USERS users PREFIX-<n>
upload_body() {
    python3 - "$1" "$2" "$users" <<'PY'
import base64, io, json, sys, zipfile
path, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
csv = "".join(f"{prefix}-{i},{prefix}-{i}@example.com,User {i}\n" for i in range(1, n + 1))
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("users.csv", csv)
with open(path, "w") as f:
    json.dump({"binaryContent": base64.b64encode(buffer.getvalue()).decode(), "contentType": "application/zip",
               "fileName": "users.zip", "importerKey": "csv"}, f)
PY
}

# peak_heap_during PID: the largest "used" heap jcmd reports while process PID runs, in MiB
peak_heap_during() {
    local peak=0 used
    while kill -0 "$1" 2>/dev/null; do
        used=$(jcmd "$server" GC.heap_info 2>/dev/null | awk '/used/ {for (i = 1; i < NF; i++) if ($i == "used") {print $(i+1); exit}}' | tr -dc 0-9)
        [ -n "$used" ] && [ "$used" -gt "$peak" ] && peak=$used
        sleep 0.2
    done
    echo $(( peak / 1024 ))
}

end_of_latest() {
    psql_db -c "SELECT round(extract(epoch FROM updated_at) - $1, 3) FROM import_operations ORDER BY ts DESC LIMIT 1"
}

wait_done() {
    until call GET getCurrentImportOperation | grep -q '"status":"importer_done"'; do
        call GET getCurrentImportOperation | grep -q '"status":"importer_import_\(failed\|cancelled\)' && { echo "import failed" >&2; exit 1; }
        sleep 0.1
    done
}

file_seconds() { # the peak heap during the upload goes to target/bench-heap
    local started; started=$(date +%s.%N)
    call POST uploadImportFile --data-binary @"$1" -o target/bench-upload.out &
    local upload=$!
    peak_heap_during "$upload" > target/bench-heap
    wait "$upload"
    call GET getImportFileData -o target/bench-selection.json
    grep -q "\"user_id\": *\"$2-$users\"" target/bench-selection.json || { echo "selection incomplete" >&2; exit 1; }
    call POST startImport -d '{"input":{"users":{"all":true}}}' -o /dev/null
    wait_done
    end_of_latest "$started"
}

api_seconds() {
    local started; started=$(date +%s.%N)
    call POST import.new -o /dev/null
    stage_in_requests "$1" "$users"
    call POST import.run -o /dev/null
    wait_done
    end_of_latest "$started"
}

files=() apis=() heaps=()
for round in $(seq 1 "$rounds"); do
    upload_body target/bench-upload.json "r$round-f"
    if (( round % 2 )); then
        f=$(file_seconds target/bench-upload.json "r$round-f"); a=$(api_seconds "r$round-a")
    else
        a=$(api_seconds "r$round-a"); f=$(file_seconds target/bench-upload.json "r$round-f")
    fi
    heap=$(cat target/bench-heap)
    files+=("$f"); apis+=("$a"); heaps+=("$heap")
    echo "round $round: file path $f s (peak heap during the upload ${heap} MiB), api path $a s"
done
created=$(psql_db -c "SELECT count(*) FROM users WHERE username ~ '^r[0-9]+-[fa]-'")
m_file=$(median "${files[@]}"); m_api=$(median "${apis[@]}")
echo
awk -v n="$users" -v r="$rounds" -v f="$m_file" -v a="$m_api" -v c="$created" -v h="$(printf '%s\n' "${heaps[@]}" | sort -n | tail -1)" \
    -v zip="$(stat -c %s target/bench-upload.json)" -v opts="$BENCH_JAVA_OPTS" 'BEGIN {
    printf "medians of %d rounds, %d users each (%d users created), server JVM %s:\n", r, n, c, opts
    printf "  api:  import.new + import.addUsers x %d + import.run        %.3f s = %.0f users/s\n", (n + 9999) / 10000, a, n / a
    printf "  file: uploadImportFile (%.1f MB body) + getImportFileData + startImport   %.3f s = %.0f users/s; ratio %.2f\n", zip / 1e6, f, n / f, f / a
    printf "  peak heap in use during an upload: %d MiB\n", h
}'
