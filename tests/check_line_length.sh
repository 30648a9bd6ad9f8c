#!/usr/bin/env bash
# No line of src/ is wider than 120 characters (the .clang-format column limit), so a diff reads in a
# side-by-side view; names every line that is.
set -euo pipefail
root="${1:?usage: check_line_length.sh REPO_ROOT}"
cd "$root"
# perl counts characters of UTF-8 text (Debian's awk, mawk, counts bytes), as clang-format counts columns.
long=$(perl -CSD -ne 'printf "%s:%d: %d characters (limit 120)\n", $ARGV, $., length($_) - 1 if length($_) - 1 > 120;
    close ARGV if eof' $(find src -name '*.cpp' -o -name '*.hpp' | sort))
if [[ -n "$long" ]]; then
    echo "$long"
    echo "lines above 120 characters: run clang-format-14 -i on the files named above" >&2
    exit 1
fi
echo "no line of src/ above 120 characters"
