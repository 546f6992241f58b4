#!/usr/bin/env bash
# Runs the reader fuzzer (ReaderFuzzTests) for MINUTES minutes with a fresh random seed,
# then the extractor fuzzer (ExtractorFuzzTests) on as many mutated documents.
#
#   Scripts/fuzz.sh 30                          # half an hour, release build
#   KREMLINOLOGY_FUZZ_SEED=42 Scripts/fuzz.sh 5 # replay a seed it printed
#
# Every failing input (a crash, a hang, an error that is not an IngestError, a passage
# outside its text) is saved under Tests/Fixtures/crashes/, where `swift test` replays it.
# A crash or hang kills the test process, so the test writes each input to
# crashes/.current before reading it, and this script keeps that file when the run dies.
# Set KREMLINOLOGY_FUZZ_CASES to stop after a number of cases, KREMLINOLOGY_FUZZ_CONFIG=debug
# to fuzz a debug build, KREMLINOLOGY_FUZZ_CASE_SECONDS to change the hang bound (10 s).
set -uo pipefail
minutes=${1:?usage: Scripts/fuzz.sh MINUTES}
cd "$(dirname "$0")/.."
crashes=Tests/Fixtures/crashes
mkdir -p "$crashes"
seed=${KREMLINOLOGY_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
config=${KREMLINOLOGY_FUZZ_CONFIG:-release}
before=$(ls "$crashes" | wc -l)

swift build --build-tests -c "$config" || exit 1
echo "fuzzing the readers for $seconds s with seed $seed"
KREMLINOLOGY_FUZZ_SEED=$seed KREMLINOLOGY_FUZZ_SECONDS=$seconds KREMLINOLOGY_FUZZ_SAVE=1 \
KREMLINOLOGY_FUZZ_CASES=${KREMLINOLOGY_FUZZ_CASES:-1000000000} \
    timeout --signal=KILL $((seconds + 300)) \
    swift test -c "$config" --skip-build --filter mutatedInputsNeverCrashAndEveryPassageIndexesTheText 2>&1 \
    | grep -E "reader fuzz:|case [0-9]+ \(|Test run|error" | cut -c1-300
status=${PIPESTATUS[0]}

# Then the extractor on mutated documents (ExtractorFuzzTests), about 200 cases a minute.
echo "fuzzing the extractor with seed $seed"
KREMLINOLOGY_FUZZ_SEED=$seed KREMLINOLOGY_EXTRACT_FUZZ_CASES=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 200 + 1 }') \
    timeout --signal=KILL $((seconds + 300)) \
    swift test -c "$config" --skip-build --filter ExtractorFuzzTests 2>&1 | grep -E "seed|Test run|error" | cut -c1-300
[ "${PIPESTATUS[0]}" = 0 ] || status=1

if [ -f "$crashes/.current" ]; then
    # The process died (a crash) or was killed (a hang) while reading this input.
    name=$(cat "$crashes/.current.name" 2>/dev/null || echo input.txt)
    ext=${name##*.}
    hash=$(sha256sum "$crashes/.current" | cut -c1-16)
    mv "$crashes/.current" "$crashes/crash-$hash.$ext"
    rm -f "$crashes/.current.name"
    echo "the test process died on an input: saved as $crashes/crash-$hash.$ext"
fi
after=$(ls "$crashes" | wc -l)
echo "seed $seed: $((after - before)) new input(s) in $crashes (test exit status $status)"
[ "$after" -eq "$before" ] && [ "$status" -eq 0 ]
