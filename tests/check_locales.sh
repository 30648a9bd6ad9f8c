#!/usr/bin/env bash
# Outputs are byte-identical under LC_ALL=C, id_ID.UTF-8 and de_DE.UTF-8 (decimal comma, other
# collation). The two real locales are built privately with localedef into a temporary LOCPATH, and
# the script proves each one took effect (printf '%.2f' 1,5 gives 1,50, not an error) before it
# compares anything: a locale that silently fell back to C would make the test pass on nothing.
set -uo pipefail
spbe=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v localedef >/dev/null || { echo "check_locales: localedef not found (Debian package 'locales')" >&2; exit 1; }
mkdir -p "$work/locales"
for loc in de_DE id_ID; do
  if ! localedef -i "$loc" -f UTF-8 "$work/locales/$loc.UTF-8" 2>"$work/localedef.err"; then
    # localedef exits 1 on warnings while still writing the locale; only a missing locale is fatal.
    [ -f "$work/locales/$loc.UTF-8/LC_NUMERIC" ] || { cat "$work/localedef.err" >&2; echo "check_locales: cannot build $loc.UTF-8" >&2; exit 1; }
  fi
done
export LOCPATH=$work/locales
# The locales must really be in force, for the shell and for C++ programs alike.
got=$(LC_ALL=de_DE.UTF-8 bash -c "printf '%.2f' 1,5" 2>&1)
[ "$got" = "1,50" ] || { echo "check_locales: de_DE.UTF-8 did not take effect (printf gives '$got')" >&2; exit 1; }
got=$(LC_ALL=id_ID.UTF-8 bash -c "printf '%.2f' 1,5" 2>&1)
[ "$got" = "1,50" ] || { echo "check_locales: id_ID.UTF-8 did not take effect (printf gives '$got')" >&2; exit 1; }
got=$(LC_ALL=de_DE.UTF-8 locale decimal_point 2>&1)
[ "$got" = "," ] || { echo "check_locales: locale decimal_point is '$got' under de_DE.UTF-8" >&2; exit 1; }

cd "$root"
H=tests/hostile
commands=(
  "score examples/kota-contoh-2024.yaml"
  "score examples/kab-contoh-2024.yaml -f json --detail"
  "score examples/kab-contoh-2024.yaml -f csv"
  "score examples/kab-contoh-2024.yaml -f markdown"
  "score examples/kab-contoh-2023.yaml examples/kab-contoh-2024.yaml examples/kota-contoh-2024.yaml examples/prov-contoh-2024.yaml --sort index --summary"
  "score examples -f json"
  "score examples -f csv --lang en"
  "score --levels-csv tests/golden/batch-levels-csv-semicolon/levels.csv --group-by province"
  "gaps examples/kab-contoh-2024.yaml --as-of 2026-11-30"
  "gaps examples/kab-contoh-2024.yaml --as-of 2026-11-30 -f json"
  "plan examples/kab-contoh-2024.yaml -t 3.5"
  "plan examples/kab-contoh-2024.yaml -t 3.5 -f csv"
  "whatif examples/kota-contoh-2024.yaml -s 14=4 -f markdown"
  "diff examples/kab-contoh-2023.yaml examples/kab-contoh-2024.yaml --as-of 2026-11-30"
  "explain 14"
  "explain 14 -f json"
  "score -r $H/pack $H/a.yaml $H/b.yaml -f markdown"
)
status=0 n=0
for c in "${commands[@]}"; do
  n=$((n + 1))
  # shellcheck disable=SC2086 # each entry is a list of words
  for loc in C de_DE.UTF-8 id_ID.UTF-8; do
    env -u GITHUB_ACTIONS NO_COLOR=1 SPBE_TODAY=2026-11-30 LANG= LANGUAGE= LC_ALL=$loc "$spbe" $c >"$work/$n.$loc.out" 2>"$work/$n.$loc.err"
    echo $? >>"$work/$n.$loc.err"
  done
  for loc in de_DE.UTF-8 id_ID.UTF-8; do
    if ! cmp -s "$work/$n.C.out" "$work/$n.$loc.out" || ! cmp -s "$work/$n.C.err" "$work/$n.$loc.err"; then
      echo "check_locales: 'spbe $c' differs under LC_ALL=$loc:" >&2
      diff -u "$work/$n.C.out" "$work/$n.$loc.out" | head -20 >&2
      diff -u "$work/$n.C.err" "$work/$n.$loc.err" | head -10 >&2
      status=1
    fi
  done
  code=$(tail -n 1 "$work/$n.C.err")
  [ "$code" = 0 ] && [ -s "$work/$n.C.out" ] || { echo "check_locales: 'spbe $c' failed (exit $code)" >&2; status=1; }
done
[ $status = 0 ] && echo "check_locales: $n commands byte-identical under C, de_DE.UTF-8 and id_ID.UTF-8"
exit $status
