#!/usr/bin/env bash
# bench/two_halves.sh SPBE LIST — the machine's own two-core scaling, for comparison with
# `spbe score --jobs 2`: two independent `--jobs 1` processes on the two halves of LIST, side by side.
set -euo pipefail
spbe=$1 list=$2
n=$(wc -l < "$list")
half=$(( (n + 1) / 2 ))
dir=$(dirname "$list")
head -n "$half" "$list" > "$dir/half-1.txt"
tail -n "+$((half + 1))" "$list" > "$dir/half-2.txt"
"$spbe" score "@$dir/half-1.txt" --jobs 1 --format csv > /dev/null &
"$spbe" score "@$dir/half-2.txt" --jobs 1 --format csv > /dev/null
wait $!
