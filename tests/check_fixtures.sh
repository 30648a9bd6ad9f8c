#!/usr/bin/env bash
# Reproduces published SPBE results: for every row of <dir>/expected.csv, scores the file with spbe
# (CSV output) and compares rubric, index, predicate and every domain value exactly.
set -euo pipefail
spbe=$1
dir=$2
fail=0 count=0
while IFS=, read -r file rubric index predicate domains; do
  [ "$file" = file ] && continue
  count=$((count + 1))
  row=$("$spbe" score --format csv "$dir/$file" | tail -n 1)
  got_rubric=$(echo "$row" | cut -d, -f7)
  got_index=$(echo "$row" | cut -d, -f8)
  got_predicate=$(echo "$row" | cut -d, -f10)
  header=$("$spbe" score --format csv "$dir/$file" | head -n 1)
  got_domains=""
  IFS=, read -ra names <<<"$header"
  IFS=, read -ra values <<<"$row"
  for ((i = 10; i < ${#names[@]}; i++)); do got_domains+="${got_domains:+ }${names[$i]}=${values[$i]}"; done
  if [ "$got_rubric $got_index $got_predicate $got_domains" != "$rubric $index $predicate $domains" ]; then
    echo "FAIL $file: expected '$rubric $index $predicate $domains', got '$got_rubric $got_index $got_predicate $got_domains'"
    fail=$((fail + 1))
  else
    echo "ok   $file: $got_index $got_predicate $got_domains"
  fi
done <"$dir/expected.csv"
[ "$count" -gt 0 ] || { echo "no fixtures in $dir/expected.csv"; exit 1; }
echo "$((count - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
