#!/usr/bin/env bash
# Renders the visual reports in headless Chromium as a reader would see and print them: the agency
# report of a bundled example (spbe-2020 and pemdi-2026) and the cohort of all bundled examples, each to
# PNG (screen) and to PDF (--print-to-pdf, A4), and checks that none is blank: the PNG has more than a
# handful of distinct byte values, the PDF has pages that draw text. Without chromium (Debian's
# `chromium` package, not a build dependency) it says so and exits 77: ctest reports it skipped.
set -uo pipefail
spbe=$1
root=$2
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "check_render: chromium not installed (apt-get install chromium); skipped"; exit 77; }
command -v python3 >/dev/null || { echo "check_render: python3 not found; skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SPBE_TODAY=2026-11-30 NO_COLOR=1 SPBE_LANG=id
"$spbe" report "$root/examples/kab-contoh-2024.yaml" -o "$work/agency.html" || exit 1
"$spbe" report "$root/examples/kab-contoh-2026.yaml" -o "$work/pemdi.html" || exit 1
"$spbe" report "$root/examples" --group-by province -o "$work/cohort.html" || exit 1
status=0
for name in agency pemdi cohort; do
  flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" --no-first-run)
  timeout 120 "$browser" "${flags[@]}" --window-size=900,1400 --screenshot="$work/$name.png" \
    "file://$work/$name.html" >/dev/null 2>&1
  timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/$name.pdf" \
    "file://$work/$name.html" >/dev/null 2>&1
  python3 - "$work/$name.png" "$work/$name.pdf" <<'PY' || status=1
import re, struct, sys, zlib
png, pdf = sys.argv[1], sys.argv[2]
ok = True
try:
    data = open(png, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', "not a PNG"
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        if kind == b'IDAT': idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    distinct = len(set(zlib.decompress(idat)))
    print(f"check_render: {png.split('/')[-1]}: {len(data)} bytes, {distinct} distinct byte values")
    if distinct < 16: print("check_render: the screenshot is blank"); ok = False
except Exception as e:
    print(f"check_render: {png}: {e}"); ok = False
try:
    data = open(pdf, 'rb').read()
    assert data[:5] == b'%PDF-', "not a PDF"
    pages = len(re.findall(rb'/Type\s*/Page[^s]', data))
    text_ops = 0
    for m in re.finditer(rb'stream\r?\n(.*?)endstream', data, re.S):
        try: text_ops += len(re.findall(rb'\bT[Jj]\b', zlib.decompress(m.group(1))))
        except zlib.error: pass
    print(f"check_render: {pdf.split('/')[-1]}: {len(data)} bytes, {pages} pages, {text_ops} text operations")
    if pages < 1 or text_ops < 50: print("check_render: the PDF is blank"); ok = False
except Exception as e:
    print(f"check_render: {pdf}: {e}"); ok = False
sys.exit(0 if ok else 1)
PY
done
exit $status
