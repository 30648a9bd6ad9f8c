#!/usr/bin/env bash
# --jobs must not change anything: scores a generated batch (120 evidence files with varied levels in
# a temporary folder, plus a 300-row levels CSV with some invalid rows) with 1 and 2 workers in every
# format and compares stdout, stderr and the exit code byte for byte.
set -uo pipefail
spbe=$1
fixture=$2
tmp=$(mktemp -d)
trap "" EXIT
mkdir -p "$tmp/in/a" "$tmp/in/b"
for i in $(seq 1 120); do
  sub=a; [ $((i % 3)) = 0 ] && sub=b
  # Vary the levels deterministically: indicator k gets 1 + (i*k mod 5); one file in 40 is invalid.
  awk -v i="$i" '/^  [0-9]+: [0-9]+$/ { split($1, a, ":"); k = a[1]; lv = 1 + (i * k) % 5; if (i % 40 == 0 && k == 7) lv = 9; print "  " k ": " lv; next }
                 /^  province:/ { print "  province: P" (i % 4); next } { print }' "$fixture" >"$tmp/in/$sub/agency-$i.yaml"
done
{
  printf 'name;province;year'
  for k in $(seq 1 47); do printf ';%s' "$k"; done
  printf '\n'
  for i in $(seq 1 300); do
    printf 'Agency %s;P%s;2024' "$i" $((i % 5))
    for k in $(seq 1 47); do lv=$((1 + (i * k + k) % 5)); [ $((i % 97)) = 0 ] && [ "$k" = 3 ] && lv=x; printf ';%s' "$lv"; done
    printf '\n'
  done
} >"$tmp/levels.csv"
status=0
for args in "" "--format json" "--format jsonl --sort index" "--format csv --sort index" "--format markdown --group-by province" "--group-by province --sort index --detail"; do
  for j in 1 2; do
    # shellcheck disable=SC2086
    env -u CI NO_COLOR=1 "$spbe" score "$tmp/in" --levels-csv "$tmp/levels.csv" $args --jobs $j >"$tmp/out$j" 2>"$tmp/err$j"
    echo $? >"$tmp/code$j"
  done
  for f in out err code; do
    if ! cmp -s "$tmp/${f}1" "$tmp/${f}2"; then
      echo "batch-jobs: $f differs between --jobs 1 and --jobs 2 for: score DIR --levels-csv CSV $args" >&2
      diff "$tmp/${f}1" "$tmp/${f}2" | head -20 >&2
      status=1
    fi
  done
  [ -s "$tmp/out1" ] || { echo "batch-jobs: no output for $args" >&2; status=1; }
  [ "$(cat "$tmp/code1")" = 3 ] || { echo "batch-jobs: exit $(cat "$tmp/code1"), expected 3 for $args" >&2; status=1; }
done
exit $status
