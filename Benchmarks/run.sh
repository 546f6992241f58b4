#!/usr/bin/env bash
# Prints the benchmark figures of README.md: ingest of the tubegraph corpus (files/s, MB/s),
# search latency (p50, p99 over 1,000 queries), reader and extractor throughput, tagging + parsing
# throughput on one core and on all.
# Usage: Benchmarks/run.sh [CORPUS_DIR]   (default: unpacks ../shared/corpus/tubegraph-notes.tar.gz to /tmp/tg)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-}
if [[ -z $corpus ]]; then
    corpus=/tmp/tg
    if [[ ! -d $corpus/tubegraph ]]; then
        mkdir -p "$corpus"
        tar xzf ../shared/corpus/tubegraph-notes.tar.gz -C "$corpus"
    fi
    corpus=$corpus/tubegraph
fi
swift build -c release --product kremlinology >/dev/null
swift build -c release --product KremlinologyBenchmarks >/dev/null
bin=$(swift build -c release --show-bin-path)
db=$(mktemp -d)/bench.sqlite
echo "corpus: $corpus ($(find "$corpus" -type f | wc -l) files, $(du -sh "$corpus" | cut -f1)); $(nproc) cores"
"$bin/KremlinologyBenchmarks" read "$corpus"
"$bin/KremlinologyBenchmarks" extract "$corpus" 1
"$bin/KremlinologyBenchmarks" extract "$corpus" "$(nproc)"
"$bin/KremlinologyBenchmarks" parse "$corpus" 4
start=$(date +%s.%N)
"$bin/kremlinology" ingest "$corpus" --db "$db" | tail -1
end=$(date +%s.%N)
echo "ingest wall time: $(echo "$end - $start" | bc) s; database $(du -h "$db" | cut -f1)"
# Store size beside the corpus's bytes and gzip -6 of the same bytes (issue 14, item 5).
corpus_bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
gzip_bytes=$(find "$corpus" -type f -print0 | sort -z | xargs -0 cat | gzip -6 | wc -c)
store_bytes=$(cat "$db" "$db-wal" 2>/dev/null | wc -c)
awk -v s="$store_bytes" -v c="$corpus_bytes" -v g="$gzip_bytes" 'BEGIN {
    printf "store: %.1f MB for %.1f MB of notes (%.2fx; gzip -6 of the notes: %.1f MB, %.2fx)\n", s / 1e6, c / 1e6, s / c, g / 1e6, g / c }'
if command -v sqlite3 >/dev/null; then
    sqlite3 "$db" "SELECT printf('  %-28s %7.1f MB', name, SUM(pgsize) / 1e6) FROM dbstat GROUP BY name ORDER BY SUM(pgsize) DESC LIMIT 12"
fi
"$bin/KremlinologyBenchmarks" search "$db" 1000
rm -rf "$(dirname "$db")"
