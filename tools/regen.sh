#!/usr/bin/env bash
# Regenerates every derived file of the repository in dependency order, then names what changed:
#   1. rubrics/                        tools/gen_rubric_packs.py from ../shared/reference (skipped without it)
#   2. the spbe binary                 cmake --build BUILD_DIR --target spbe (embeds rubrics/)
#   3. tests/lint/                     tests/gen_lint_fixtures.py
#   4. tests/check/                    tests/gen_check_fixtures.py (copies a pack out of tests/lint/)
#   5. schemas/NAME.schema.json        spbe schema NAME, for every committed schema file
#   6. tests/golden/*/expected_*       tests/golden/run_case.sh with UPDATE_GOLDEN=1 (runs on 1-5)
#   7. docs/rules.md                   spbe rules --format markdown (its examples come from 6)
#   8. docs/RELIABILITY.md             tools/gen_reliability.sh (its table comes from 6)
# Usage:
#   tools/regen.sh [--spbe FILE] [BUILD_DIR]           regenerate in place (BUILD_DIR: build/), list the changes
#   tools/regen.sh --check [--spbe FILE] [BUILD_DIR]   regenerate in a temporary copy of the tree, builds
#                                                      nothing; exit 1 naming every stale file (ctest derived-files)
# --spbe FILE uses that binary and skips step 2. SPBE_SHARED=DIR stands for ../shared (a worktree elsewhere).
# JOBS (default nproc) golden cases run at once. Needs bash, coreutils, python3 (python3-yaml for step 1).
set -euo pipefail
export LC_ALL=C.UTF-8

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
check=false
spbe=""
build_dir=""
usage() { echo "usage: tools/regen.sh [--check] [--spbe FILE] [BUILD_DIR]" >&2; exit 2; }
while (($#)); do
  case "$1" in
    --check) check=true ;;
    --spbe) (($# >= 2)) || usage; spbe=$2; shift ;;
    -*) usage ;;
    *) [ -z "$build_dir" ] || usage; build_dir=$1 ;;
  esac
  shift
done
# Both relative to the current folder; the build folder defaults to the repository's build/.
build_dir=$(realpath -m "${build_dir:-$root/build}")
if [ -n "$spbe" ]; then spbe=$(realpath -m "$spbe"); fi
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
shared=${SPBE_SHARED:-$root/../shared}

say() { echo "regen: $*" >&2; }
fail() { say "$*"; exit 1; }

command -v python3 >/dev/null || fail "python3 is needed by the fixture generators (Debian: apt-get install python3)"
packs=false
if [ -d "$shared/reference" ]; then
  packs=true
  python3 -c 'import yaml' 2>/dev/null ||
    fail "tools/gen_rubric_packs.py needs PyYAML (Debian: apt-get install python3-yaml)"
else
  say "skipping rubrics/: $shared/reference does not exist"
fi

# "sha256  ./path" for every file of the tree in $1 except build folders and .git, sorted.
manifest() {
  (cd "$1" && find . \( -path ./.git -o -path ./build -o -path './build-*' -o -path ./bench/out \) -prune -o \
    \( -type f -o -type l \) -print0 | sort -z | xargs -0 -r sha256sum)
}

# The files whose content differs between two manifests (changed, new or gone), one path a line.
changed_files() {
  awk '{ h = $1; p = substr($0, 67) }
       NR == FNR { before[p] = h; next }
       { if (!(p in before) || before[p] != h) print p; delete before[p] }
       END { for (p in before) print p }' "$1" "$2" | sed 's|^\./||' | sort
}

# Steps 1 and 3-8 in $tmp/repo (the tree, or a link to it) with the binary $1; step 2 when $2 is "build".
# The packs' generator runs as $tmp/repo/tools/… beside the $tmp/shared link, so that the source paths
# it writes into the packs are ../shared/… whichever folder SPBE_SHARED names.
regenerate() {
  local bin=$1 build=$2 name
  cd "$tmp/repo"
  if $packs; then
    say "rubrics/ (tools/gen_rubric_packs.py)"
    python3 "$tmp/repo/tools/gen_rubric_packs.py" >/dev/null
  fi
  if [ "$build" = build ]; then
    say "spbe (cmake --build $build_dir --target spbe)"
    cmake --build "$build_dir" --target spbe -j "$jobs" >/dev/null
  fi
  say "tests/lint/, tests/check/ (tests/gen_lint_fixtures.py, tests/gen_check_fixtures.py)"
  python3 tests/gen_lint_fixtures.py
  python3 tests/gen_check_fixtures.py
  say "schemas/ (spbe schema)"
  for name in schemas/*.schema.json; do
    name=${name#schemas/}
    "$bin" schema "${name%.schema.json}" -o "schemas/$name" --force
  done
  say "tests/golden/*/expected_* (UPDATE_GOLDEN=1 tests/golden/run_case.sh, $jobs at a time)"
  find tests/golden -mindepth 2 -maxdepth 2 -name args -printf '%h\0' | sort -z |
    env -u SPBE_YAML_READER UPDATE_GOLDEN=1 xargs -0 -r -n1 -P "$jobs" bash tests/golden/run_case.sh "$bin" >/dev/null
  say "docs/rules.md (spbe rules --format markdown)"
  "$bin" rules --format markdown --golden tests/golden -o docs/rules.md --force
  say "docs/RELIABILITY.md (tools/gen_reliability.sh)"
  bash tools/gen_reliability.sh
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if $packs; then ln -s "$(cd "$shared" && pwd)" "$tmp/shared"; fi

if ! $check; then
  ln -s "$root" "$tmp/repo"
  mode=nobuild
  if [ -z "$spbe" ]; then
    [ -f "$build_dir/CMakeCache.txt" ] ||
      fail "$build_dir is not a configured build folder (cmake -S . -B $build_dir), or give --spbe FILE"
    spbe=$build_dir/spbe
    mode=build
  fi
  manifest "$root" >"$tmp/before"
  regenerate "$spbe" "$mode"
  manifest "$root" >"$tmp/after"
  changed=$(changed_files "$tmp/before" "$tmp/after")
  if [ -z "$changed" ]; then
    say "no derived file changed"
  else
    say "changed by this run:"
    sed 's/^/  /' <<<"$changed" >&2
  fi
  if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    say "git status of the derived paths:"
    git -C "$root" status --short -- rubrics tests/lint tests/check schemas tests/golden docs/rules.md \
      docs/RELIABILITY.md >&2
  fi
  exit 0
fi

# --check: a copy of the tree (git's files when it is a work tree, else everything but build folders),
# with ../shared beside it so that the packs' generator writes the same relative source paths.
if [ -z "$spbe" ]; then spbe=$build_dir/spbe; fi
[ -x "$spbe" ] || fail "$spbe is not an executable; build it first or give --spbe FILE"
copy=$tmp/repo
mkdir "$copy"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$root" && git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi; done |
    tar --null -T - -cf -) | tar -C "$copy" -xf -
else
  tar -C "$root" --exclude=./.git --exclude=./build --exclude='./build-*' --exclude=./bench/out -cf - . |
    tar -C "$copy" -xf -
fi
manifest "$copy" >"$tmp/before"
(regenerate "$spbe" nobuild) 2>"$tmp/log" || { cat "$tmp/log" >&2; fail "a generator failed (above)"; }
manifest "$copy" >"$tmp/after"
stale=$(changed_files "$tmp/before" "$tmp/after")
if [ -z "$stale" ]; then
  say "every derived file is up to date"
  exit 0
fi
while IFS= read -r f; do
  say "stale: $f"
  if [ -e "$root/$f" ] && [ -e "$copy/$f" ]; then diff -u "$root/$f" "$copy/$f" | head -n 20 || true
  elif [ -e "$copy/$f" ]; then echo "  (not committed: the generators write it)"
  else echo "  (the generators no longer write it: delete it)"
  fi
done <<<"$stale"
fail "$(wc -l <<<"$stale") stale derived file(s); regenerate with tools/regen.sh [BUILD_DIR] and commit"
