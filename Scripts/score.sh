#!/bin/bash
# Scores the extract branch's dev CLI on the shared gold sets (seeds and PLOVER dev).
#   Scripts/score.sh [BINARY] [VERBOSE]
set -u
B=${1:-.build-extract/release/kremlinology}
V=${2:+--verbose}
S=${SHARED:-../shared}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
$B dev-seeds "$S/seeds" "$tmp/rel.jsonl" "$tmp/act.jsonl" >/dev/null
echo "== seeds"
python3 "$S/eval/score.py" "$S/eval/gold-seeds.json" "$tmp/rel.jsonl" --actors "$tmp/act.jsonl" $V
echo "== PLOVER dev"
$B extract --jsonl "$S/eval/plover-dev.jsonl" > "$tmp/plover.jsonl"
python3 "$S/eval/score_plover.py" "$S/eval/plover-dev.jsonl" "$tmp/plover.jsonl" $V
