#!/usr/bin/env bash
# bench/report.sh — the cost of `spbe report` (issue 13): the cohort report over 615 agencies (the
# number KemenPANRB evaluates) as HTML and Markdown, and the agency report of one bundled example;
# time (hyperfine, best of the runs), peak memory (GNU time) and output size. Prints a Markdown table
# for docs/PERFORMANCE.md. Not a test: numbers depend on the machine.
#   BUILD  build directory, configured Release if new [build-bench]   N  cohort size [615]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-$ROOT/build-bench}
N=${N:-615}
OUT=$ROOT/bench/out/report
command -v hyperfine >/dev/null || { echo "bench/report.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/report.sh: needs GNU time (apt-get install -y time)" >&2; exit 2; }
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DSPBE_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$BUILD" -j2 --target spbe >/dev/null
SPBE=$BUILD/spbe
mkdir -p "$OUT"
if [ "$(cat "$OUT/stamp" 2>/dev/null)" != "$N" ]; then
    rm -rf "$OUT/evidence"
    python3 bench/gen_evidence.py evidence "$N" "$OUT/evidence" --seed 2024
    echo "$N" > "$OUT/stamp"
fi
export SPBE_TODAY=2026-11-30
row() { # row LABEL OUTPUT ARGS...: time, peak RSS and size of one report
    local label=$1 output=$2
    shift 2
    hyperfine --warmup 2 --runs 10 --export-json "$OUT/h.json" "$SPBE report $* -o $output --force" >/dev/null 2>&1
    local ms
    ms=$(python3 -c "import json; r=json.load(open('$OUT/h.json'))['results'][0]; print(f\"{min(r['times'])*1000:.0f}\")")
    local rss
    rss=$(/usr/bin/time -f %M "$SPBE" report "$@" -o "$output" --force 2>&1 >/dev/null | tail -1)
    local bytes
    bytes=$(wc -c < "$output")
    printf '| %s | %s ms | %s MB | %s |\n' "$label" "$ms" "$(python3 -c "print(f'{$rss/1024:.1f}')")" \
        "$(python3 -c "print(f'{$bytes/1e6:.2f} MB' if $bytes > 1e5 else f'{$bytes/1e3:.0f} KB')")"
}
echo "| report | time (best of 10) | peak RSS | output |"
echo "|---|---:|---:|---:|"
row "cohort of $N agencies, HTML (--group-by province)" "$OUT/cohort.html" "$OUT/evidence" --group-by province
row "cohort of $N agencies, Markdown" "$OUT/cohort.md" "$OUT/evidence" -f markdown
row "one agency (examples/kab-contoh-2024.yaml), HTML" "$OUT/agency.html" examples/kab-contoh-2024.yaml
