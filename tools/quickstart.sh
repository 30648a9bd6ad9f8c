#!/usr/bin/env bash
# The README's two Quick start commands:
#   tools/quickstart.sh examples   set up, build spbe, score every bundled example
#   tools/quickstart.sh test       set up, build everything, run every test through ctest
# and, for CI (.ci/run) and before a release:
#   tools/quickstart.sh sanitize   the same tests with spbe and the tests built under ASan+UBSan
#                                  (in build-sanitize; any leak, memory error or undefined behaviour fails)
# Set-up installs the Debian 12 packages spbe needs (apt-get, as root) or, when not root, prints the
# exact apt-get line and stops. BUILD_DIR (default build, build-sanitize for sanitize) and JOBS (default
# nproc) can be overridden; SPBE_WERROR=ON (or CI=true) turns compiler warnings into errors.
set -euo pipefail

mode=${1:-}
case "$mode" in
  examples|test|sanitize) ;;
  *) echo "usage: tools/quickstart.sh examples|test|sanitize" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ "$mode" = sanitize ]; then build_dir=${BUILD_DIR:-build-sanitize}; else build_dir=${BUILD_DIR:-build}; fi
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

# python3 (and python3-yaml for the packs) run the generators that the derived-files test replays.
packages=(g++ cmake libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev locales python3 python3-yaml)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then
    echo "quickstart: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "quickstart: missing packages; install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

cmake_args=(-S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo)
# CI builds with -Werror (.ci/run sets SPBE_WERROR=ON); a developer's build only warns.
if [ "${SPBE_WERROR:-}" = ON ] || [ "${CI:-}" = "true" ]; then cmake_args+=(-DSPBE_WERROR=ON); fi
if [ "$mode" = sanitize ]; then
  # -O1 keeps the sanitized suite fast enough for CI while the stack traces stay readable.
  cmake_args+=(-DSPBE_SANITIZE="address;undefined" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g")
  asan=detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
  export ASAN_OPTIONS=${ASAN_OPTIONS:-$asan}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
fi
cmake "${cmake_args[@]}" >/dev/null

if [ "$mode" = examples ]; then
  cmake --build "$build_dir" --target spbe -j "$jobs"
  "$build_dir/spbe" score examples/*.yaml
else
  cmake --build "$build_dir" -j "$jobs"
  ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
fi
