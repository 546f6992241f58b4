#!/usr/bin/env bash
# Load test of `kremlinology serve`: wrk with 64 connections for ~10 s on loopback against
# the search API and an actor page, over a store of the full tubegraph corpus.
# Prints requests/s, p99 latency and errors for each URL.
# Usage: Benchmarks/load.sh [DB]   (default /tmp/kremlinology-load/tubegraph.sqlite; built once,
#        from ../shared/corpus/tubegraph-notes.tar.gz unpacked to /tmp/tg, with the release build)
# Environment: DURATION (default 10s), CONNECTIONS (default 64), PORT (default 18080),
#              QUERY (default Lukashenko), ACTOR (default Vladimir Putin).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-/tmp/kremlinology-load/tubegraph.sqlite}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
port=${PORT:-18080}
query=${QUERY:-Lukashenko}
actor=${ACTOR:-Vladimir%20Putin}

command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
swift build -c release --scratch-path .build-server --product kremlinology >/dev/null
bin=$(swift build -c release --scratch-path .build-server --show-bin-path)/kremlinology

if [[ ! -f $db ]]; then
    corpus=/tmp/tg/tubegraph
    if [[ ! -d $corpus ]]; then
        mkdir -p /tmp/tg
        tar xzf ../shared/corpus/tubegraph-notes.tar.gz -C /tmp/tg
    fi
    mkdir -p "$(dirname "$db")"
    echo "ingesting $corpus into $db (once; a few minutes)…"
    "$bin" ingest "$corpus" --db "$db" | tail -1
fi

"$bin" serve --db "$db" --host 127.0.0.1 --port "$port" > /tmp/kremlinology-load-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/stats" >/dev/null 2>&1 && break
    sleep 0.2
done
echo "store: $db ($(du -h "$db" | cut -f1)): $(curl -fs "http://127.0.0.1:$port/api/v1/stats" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["documents"], "documents,", s["relations"], "relations")')"
echo "wrk: $connections connections, $duration, $(nproc) cores shared by client and server"

run() {
    local label=$1 url=$2
    local cold
    cold=$(curl -fs -o /dev/null -w '%{time_total}' "$url")  # the first request fills the caches
    local out
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$url")
    local rps p99 requests errors non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    printf '%-36s %9s req/s   p99 %8s   requests %7s   socket errors %s   non-2xx %s   first request %ss\n' \
        "$label" "$rps" "$p99" "$requests" "${errors:-0}" "${non2xx:-0}" "$cold"
}

run "GET /api/v1/search?q=$query" "http://127.0.0.1:$port/api/v1/search?q=$query&limit=10"
run "GET /actor?name=$actor" "http://127.0.0.1:$port/actor?name=$actor"
