#!/usr/bin/env bash
# Redraws docs/img/report-*.png, the pictures of `spbe report` that README shows: the agency report of
# two bundled examples, a 615-agency cohort (bench/gen_evidence.py, seed 2024) and page 1 of the
# agency report printed to A4. Needs Debian's chromium, and poppler-utils (pdftoppm);
# not part of the tests (tests/check_render.sh checks rendering without comparing pictures).
#   tools/screenshots.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
spbe=${1:-$root/build}/spbe
out=$root/docs/img
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SPBE_TODAY=2026-11-30 NO_COLOR=1 SPBE_LANG=id
mkdir -p "$out"
shot() { # shot HTML PNG HEIGHT: the top HEIGHT pixels of the page at 900 pixels wide
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=900,"$3" --screenshot="$2" "file://$1" >/dev/null 2>&1
}
"$spbe" report "$root/examples/kab-contoh-2024.yaml" --as-of 2025-03-01 --target Baik -o "$work/agency.html"
"$spbe" report "$root/examples/kab-contoh-2026.yaml" -o "$work/pemdi.html"
python3 "$root/bench/gen_evidence.py" evidence 615 "$work/cohort" --seed 2024
"$spbe" report "$work/cohort" --group-by province -o "$work/cohort.html"
shot "$work/agency.html" "$out/report-agency.png" 1250
shot "$work/pemdi.html" "$out/report-agency-pemdi.png" 1250
shot "$work/cohort.html" "$out/report-cohort.png" 1200
# The small multiples: the page's head and its grid section alone, so the picture starts at the grid.
python3 - "$work/cohort.html" "$work/grid.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
head = page[:page.index('<body>') + len('<body>')]
grid = re.search(r'<section class="page" id="profiles-.*?</section>', page, re.S).group(0)
open(sys.argv[2], 'w', encoding='utf-8').write(head + '\n' + grid + '\n</body>\n</html>\n')
PY
shot "$work/grid.html" "$out/report-cohort-grid.png" 1000
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --no-pdf-header-footer \
  --print-to-pdf="$work/agency.pdf" "file://$work/agency.html" >/dev/null 2>&1
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/agency.pdf" "$out/report-print-page1"
ls -l "$out"/report-*.png
