#!/usr/bin/env bash
# SQLite against PostgreSQL on the tubegraph corpus: ingest (SQLite with `ingest`, PostgreSQL
# with `enqueue` then 1, 2 and 4 `worker` processes), then search and actor-page latency on
# both. Prints one table; docs/POSTGRES.md holds the figures measured on this machine.
# Usage: Benchmarks/postgres.sh [CORPUS_DIR] [MAX_FILES]
#   CORPUS_DIR default: unpacks ../shared/corpus/tubegraph-notes.tar.gz to /tmp/tg
#   MAX_FILES: measure on about N files (every k-th in path order) instead of the whole corpus
#   $KREMLINOLOGY_BENCH_POSTGRES: a server URL to use (a database the script may drop and
#     create databases beside); otherwise a throwaway server is started on port 55434.
#   $SCRATCH: the build folder (default .build)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-}
max_files=${2:-0}
if [[ -z $corpus ]]; then
    corpus=/tmp/tg
    if [[ ! -d $corpus/tubegraph ]]; then
        mkdir -p "$corpus"
        tar xzf ../shared/corpus/tubegraph-notes.tar.gz -C "$corpus"
    fi
    corpus=$corpus/tubegraph
fi
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product kremlinology >/dev/null
swift build -c release --scratch-path "$scratch" --product KremlinologyBenchmarks >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -n ${KREMLINOLOGY_BENCH_POSTGRES:-} ]]; then
    server=$KREMLINOLOGY_BENCH_POSTGRES
else
    trap 'Scripts/postgres-server.sh stop 55434; rm -rf "$work"' EXIT
    server=$(Scripts/postgres-server.sh start 55434 kremlinology_bench)
fi
base=${server%/*}

# The input: the whole corpus, or a stated subset: every k-th file in path order, so that
# every channel is represented.
input=$corpus
if (( max_files > 0 )); then
    input=$work/subset
    mkdir -p "$input"
    mapfile -t all < <(find "$corpus" -type f | sort)
    step=$(( (${#all[@]} + max_files - 1) / max_files ))
    for ((i = 0; i < ${#all[@]}; i += step)); do
        rel=${all[i]#"$corpus"/}
        mkdir -p "$input/$(dirname "$rel")"
        cp "${all[i]}" "$input/$rel"
    done
fi
files=$(find "$input" -type f | wc -l)
echo "corpus: $input ($files files, $(du -sh "$input" | cut -f1)); $(nproc) cores; PostgreSQL at ${base}/…"

# Wall-clock seconds of a command, one decimal; its output goes to a log shown on failure.
seconds() { shift; local t0 t1; t0=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; t1=$(date +%s.%N); printf '%.1f' "$(echo "$t1 - $t0" | bc)"; }
rate() { printf '%.0f' "$(echo "$files / $1" | bc -l)"; }
fresh_db() { PGOPTIONS='-c client_min_messages=warning' psql "$server" -q -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }

declare -a rows
sqlite=$work/bench.sqlite
t=$(seconds sqlite "$bin/kremlinology" ingest "$input" --db "$sqlite")
rows+=("SQLite, ingest --workers $(nproc)|$t|$(rate "$t")")

db=kremlinology_bench_ingest
fresh_db "$db"
t=$(seconds pg-ingest "$bin/kremlinology" ingest "$input" --db "$base/$db")
rows+=("PostgreSQL, ingest --workers $(nproc) (one process)|$t|$(rate "$t")")

pg_last=""
for workers in 1 2 4; do
    db=kremlinology_bench_w$workers
    fresh_db "$db"
    url=$base/$db
    te=$(seconds enqueue "$bin/kremlinology" enqueue "$input" --db "$url")
    t0=$(date +%s.%N)
    pids=()
    for ((i = 0; i < workers; i++)); do
        "$bin/kremlinology" worker --db "$url" --exit-when-empty --poll 0.2 >"$work/worker-$i.log" 2>&1 & pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    tw=$(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)")
    rows+=("PostgreSQL, enqueue + $workers worker(s)|$tw (+ enqueue $te)|$(rate "$tw")")
    pg_last=$url
done

echo
printf '%-46s %-24s %s\n' "ingest" "seconds" "files/s"
for row in "${rows[@]}"; do IFS='|' read -r a b c <<<"$row"; printf '%-46s %-24s %s\n' "$a" "$b" "$c"; done
echo
echo "what one core does alone (no database):"
"$bin/KremlinologyBenchmarks" read "$input"
"$bin/KremlinologyBenchmarks" extract "$input" 1
echo
for store in "$sqlite" "$pg_last"; do
    name=SQLite; [[ $store == postgres* ]] && name=PostgreSQL
    echo "$name: $("$bin/KremlinologyBenchmarks" search "$store" 1000)"
    echo "$name: $("$bin/KremlinologyBenchmarks" actors "$store" 50)"
done
echo "stores: SQLite $(du -h "$sqlite" | cut -f1); PostgreSQL $(psql "$pg_last" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
