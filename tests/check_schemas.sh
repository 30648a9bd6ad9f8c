#!/usr/bin/env bash
# The committed schemas/NAME.schema.json must be exactly what `spbe schema NAME` prints (editors and
# other repositories use the committed files). UPDATE_GOLDEN=1 rewrites them from the command.
set -uo pipefail
spbe=$1
dir=$2
status=0
for name in evidence rubric crosswalk; do
  file="$dir/$name.schema.json"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    "$spbe" schema "$name" -o "$file" && echo "updated $file"
    continue
  fi
  if ! "$spbe" schema "$name" | diff -u "$file" -; then
    echo "FAIL $file differs from 'spbe schema $name' (regenerate: UPDATE_GOLDEN=1 ctest -R schemas)"
    status=1
  else
    echo "ok   $file"
  fi
done
exit $status
