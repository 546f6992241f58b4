#!/usr/bin/env bash
# The analyst's corrections of issue 15, done through the web UI's forms as a browser posts them:
# the folders are ingested into a fresh store, then two spellings of one man are merged, a junk
# actor dismissed, a fact judged wrong and an outlet graded E; the dossier, brief and network
# are shown before and after; the curation is exported as a pack, and a second fresh store read
# with it is compared with the first (actors, mentions, claims and every relation).
#
#   Scripts/curation-walkthrough.sh BINARY CORPUS_DIR...
#   Scripts/curation-walkthrough.sh .build/release/kremlinology \
#       /tmp/corpus/tubegraph/bonus_professor /tmp/corpus/tubegraph/jameskerlindsay ../shared/seeds
set -euo pipefail
bin=$(realpath "$1"); shift
work=$(mktemp -d); server=; trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
export KREMLINOLOGY_DB="$work/store.sqlite"
"$bin" ingest "$@" > /dev/null 2>&1 || true
token=walkthrough
"$bin" serve --port 0 --token "$token" > "$work/serve.log" 2>&1 & server=$!
for _ in $(seq 1 300); do port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f2 || true); [ -n "$port" ] && break; sleep 0.2; done
base="http://127.0.0.1:$port"
form() { curl -s -o /dev/null -w "%{http_code} → %{redirect_url}\n" -X POST --data "$2&token=$token" "$base$1"; }
claims() { curl -s "$base/api/v1/$1" | python3 -c "import json,sys; d=json.load(sys.stdin); print($2)"; }
figures() {
  echo "  dossier Valery Solovey: $(claims 'dossier?actor=Valery%20Solovey' 'str(sum(g["count"] for g in d["relationsOut"]))+" claims out; also called: "+", ".join(d["profile"].get("aliases", []))')"
  echo "  brief Russia–China: $(claims 'brief?a=Russia&b=China' 'str(d["reliableSourcesOnly"]["claims"])+" claims; left out when only A–C sources count: "+", ".join(o["outlet"]+" ("+o["reliability"]+") "+str(o["claims"]) for o in d["reliableSourcesOnly"]["leftOut"])')"
  echo "  network of Russia: $(claims 'network?actor=Russia&limit=200' 'str(len(d["nodes"]))+" actors, "+str(len(d["edges"]))+" edges; Russias among them: "+str(any("Russias" in json.dumps(n) for n in d["nodes"]))')"
  echo "  dossier Russias: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/dossier?actor=Russias")"
}
echo "store: $* ingested, server $base"
echo "before:"; figures
echo "merge Valery Solovyov into Valery Solovey: $(form /actor/curate 'action=merge&actor=Valery+Solovyov&into=Valery+Solovey&note=one+professor,+two+spellings')"
echo "dismiss Russias (a possessive read as a name): $(form /actor/curate 'action=dismiss&actor=Russias&note=not+an+actor')"
fact=$(curl -s "$base/api/v1/relations?source=Russia&target=China&outlet=bonus_professor&limit=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['items'][0]['id'])")
echo "judge fact #$fact wrong: $(form /relations/judge "id=$fact&verdict=wrong&note=misread&back=/pair?a=Russia%26b=China")"
echo "grade RT E: $(form /outlets/grade 'outlet=RT&reliability=E&note=state+media')"
echo "after:"; figures
curl -s "$base/curation" | grep -o '<td>[a-z]* [^<]*</td>' | sed 's/<[^>]*>//g; s/^/  log: /'
mkdir -p "$work/pack/actors"
curl -s "$base/curation/pack/curation.yaml" > "$work/pack/actors/curation.yaml"
curl -s "$base/curation/pack/cues-curation.tsv" > "$work/pack/cues-curation.tsv"
echo "exported pack: $(grep -c '^- name' "$work/pack/actors/curation.yaml") actor entries, $(grep -c '^not-actor' "$work/pack/cues-curation.tsv") dismissed names"
"$bin" ingest "$@" --db "$work/fresh.sqlite" --pack "$work/pack" > /dev/null 2>&1 || true
view() { "$bin" actors --json --top 100000 --db "$1" | python3 -c "import json,sys; print(sorted((x['actor']['name'], x['actor']['reviewed'], x['mentions']) for x in json.load(sys.stdin)))" | md5sum; }
facts() { "$bin" export relations --db "$1" | md5sum; }
echo "a fresh store read with the pack: actors and mentions $([ "$(view "$KREMLINOLOGY_DB")" = "$(view "$work/fresh.sqlite")" ] && echo same || echo DIFFER); relations $([ "$(facts "$KREMLINOLOGY_DB")" = "$(facts "$work/fresh.sqlite")" ] && echo same || echo DIFFER)"
echo "(claims differ by the fact judged wrong: judgements and grades are the store's, not the pack's; copy carries them)"
