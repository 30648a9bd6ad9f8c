#!/usr/bin/env bash
# No line of src/ is wider than 120 characters (the .clang-format column limit), so a diff reads in a
# side-by-side view; names every line that is.
set -euo pipefail
root="${1:?usage: check_line_length.sh REPO_ROOT}"
cd "$root"
long=$(LC_ALL=C.UTF-8 awk 'length > 120 { printf "%s:%d: %d characters (limit 120)\n", FILENAME, FNR, length }' \
    $(find src -name '*.cpp' -o -name '*.hpp' | sort))
if [[ -n "$long" ]]; then
    echo "$long"
    echo "lines above 120 characters: run clang-format-14 -i on the files named above" >&2
    exit 1
fi
echo "no line of src/ above 120 characters"
