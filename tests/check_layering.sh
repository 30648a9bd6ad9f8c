#!/usr/bin/env bash
# check_layering.sh REPO: every #include "<folder>/…" in src/<layer>/ names a folder that src/layers.txt
# lets <layer> use (directly or through a layer it uses), only loader includes <yaml-cpp/…>, every folder
# of src/ is a layer of the table, and docs/ARCHITECTURE.md's diagram shows the table's edges.
# Prints "file:line: <layer> may not include <other layer>" per violation; exits 1 when there is one.
set -euo pipefail
repo=${1:?usage: check_layering.sh REPO}
cd "$repo"
table=src/layers.txt

# The folders of src/ (the layers); a file directly in src/ (main.cpp) is the executable, not a layer.
mapfile -t layers < <(find src -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
mapfile -t files < <(find src -mindepth 2 -type f \( -name '*.cpp' -o -name '*.hpp' \) | sort)

status=0
awk -v layer_list="${layers[*]}" -v table="$table" '
  BEGIN {
    n = split(layer_list, names, " ")
    for (i = 1; i <= n; ++i) is_layer[names[i]] = 1
    while ((getline line < table) > 0) {
      if (line ~ /^#/ || line ~ /^[ \t]*$/) continue
      split(line, f, /[ \t]+/)
      uses[f[1], f[2]] = 1
      in_table[f[1]] = 1
      in_table[f[2]] = 1
    }
    # Transitive closure: a layer may use what the layers it uses may use.
    do {
      changed = 0
      for (a in is_layer) for (b in is_layer) if ((a, b) in uses)
        for (c in is_layer) if (((b, c) in uses) && !((a, c) in uses)) { uses[a, c] = 1; changed = 1 }
    } while (changed)
    for (i = 1; i <= n; ++i)
      if (!(names[i] in in_table)) { print "src/" names[i] "/: not a layer of " table; bad = 1 }
  }
  FNR == 1 { split(FILENAME, p, "/"); layer = p[2] }
  /^[ \t]*#[ \t]*include[ \t]*"/ {
    target = $0
    sub(/^[^"]*"/, "", target)
    sub(/".*/, "", target)
    if (target !~ /\//) next # the file'"'"'s own folder
    split(target, t, "/")
    other = t[1]
    if (other == ".." || (other in is_layer && other != layer && !((layer, other) in uses))) {
      print FILENAME ":" FNR ": " layer " may not include " (other == ".." ? target : other)
      bad = 1
    }
  }
  /^[ \t]*#[ \t]*include[ \t]*<yaml-cpp\// && layer != "loader" {
    print FILENAME ":" FNR ": " layer " may not include yaml-cpp (only loader may)"
    bad = 1
  }
  END { exit bad ? 1 : 0 }
' "${files[@]}" || status=1

# The diagram in docs/ARCHITECTURE.md: one "a → b" line per edge of the table, in any order.
diagram=$(grep -E '^[a-z_]+ → [a-z_]+$' docs/ARCHITECTURE.md | sed 's/ → / /' | sort || true)
edges=$(grep -Ev '^(#|[[:space:]]*$)' "$table" | awk '{ print $1, $2 }' | sort)
if [ "$diagram" != "$edges" ]; then
  echo "docs/ARCHITECTURE.md: the dependency diagram does not show the edges of $table"
  comm -23 <(printf '%s\n' "$edges") <(printf '%s\n' "$diagram") | grep . | sed 's/^/  missing: /' || true
  comm -13 <(printf '%s\n' "$edges") <(printf '%s\n' "$diagram") | grep . | sed 's/^/  not in the table: /' || true
  status=1
fi
exit $status
