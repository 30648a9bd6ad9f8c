#!/usr/bin/env bash
# Rebuilds the hostile-input table of docs/RELIABILITY.md (between <!-- hostile-table:begin --> and
# <!-- hostile-table:end -->) from the golden cases tests/golden/hostile-*/: each folder's `about`
# (`<input> | <behaviour>`), expected_exit and the first line of expected_stderr.
#   tools/gen_reliability.sh           rewrite the table in place
#   tools/gen_reliability.sh --check   exit 1 with a diff when the committed table is out of date (ctest)
# Plain bash and coreutils, so that it runs wherever the tests run.
set -euo pipefail
export LC_ALL=C.UTF-8 # character-wise truncation; the glob order below is fixed by sort

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
doc="$root/docs/RELIABILITY.md"
begin='<!-- hostile-table:begin -->'
end='<!-- hostile-table:end -->'
check=false
case "${1:-}" in
  "") ;;
  --check) check=true ;;
  *) echo "usage: tools/gen_reliability.sh [--check]" >&2; exit 2 ;;
esac

fail() { echo "gen_reliability: $*" >&2; exit 1; }

# A table cell: `|` escaped so that it does not end the cell.
cell() { printf '%s' "${1//|/\\|}"; }

# The first stderr line as inline code (longer delimiters when it holds a backtick), cut at 100 characters.
code_cell() {
  local s=$1
  [ -z "$s" ] && { printf '(none)'; return; }
  ((${#s} > 100)) && s="${s:0:100}…"
  s=${s//|/\\|}
  if [[ $s == *'`'* ]]; then printf '`` %s ``' "$s"; else printf '`%s`' "$s"; fi
}

table() {
  echo "| case | input | behaviour | exit | first line of stderr |"
  echo "| --- | --- | --- | --- | --- |"
  local dir name about input behaviour code first
  while IFS= read -r dir; do
    name=${dir##*/}
    [ -f "$dir/about" ] || fail "tests/golden/$name has no 'about' file (one line: <input> | <behaviour>)"
    [ "$(wc -l <"$dir/about")" -le 1 ] || fail "tests/golden/$name/about must be one line"
    IFS= read -r about <"$dir/about" || true
    [[ $about == *' | '* ]] || fail "tests/golden/$name/about: expected '<input> | <behaviour>', got '$about'"
    input=${about%% | *}
    behaviour=${about#* | }
    [[ $behaviour == *' | '* ]] && fail "tests/golden/$name/about: exactly one ' | ' separates input and behaviour"
    [ -f "$dir/expected_exit" ] || fail "tests/golden/$name has no expected_exit"
    code=$(tr -d '[:space:]' <"$dir/expected_exit")
    first=""
    [ -f "$dir/expected_stderr" ] && { IFS= read -r first <"$dir/expected_stderr" || true; }
    printf '| [%s](../tests/golden/%s/) | %s | %s | %s | %s |\n' "$name" "$name" "$(cell "$input")" \
      "$(cell "$behaviour")" "$code" "$(code_cell "$first")"
  done < <(find "$root/tests/golden" -mindepth 1 -maxdepth 1 -type d -name 'hostile-*' | sort)
}

[ -f "$doc" ] || fail "docs/RELIABILITY.md not found"
[ "$(grep -cxF "$begin" "$doc")" = 1 ] && [ "$(grep -cxF "$end" "$doc")" = 1 ] ||
  fail "docs/RELIABILITY.md must hold the lines '$begin' and '$end' once each"

new=$(mktemp)
trap 'rm -f "$new"' EXIT
{
  sed -n "1,/^${begin}\$/p" "$doc"
  table
  sed -n "/^${end}\$/,\$p" "$doc"
} >"$new"

if $check; then
  if ! diff -u "$doc" "$new"; then
    echo "gen_reliability: docs/RELIABILITY.md's hostile-input table is out of date; regenerate it with" >&2
    echo "  tools/gen_reliability.sh" >&2
    exit 1
  fi
  exit 0
fi
cp "$new" "$doc"
