#!/usr/bin/env bash
# The README's two Quick start commands:
#   tools/quickstart.sh examples   set up, build spbe, score every bundled example
#   tools/quickstart.sh test       set up, build everything, run every test through ctest
# Set-up installs the Debian 12 packages spbe needs (apt-get, as root) or, when not root, prints the
# exact apt-get line and stops. BUILD_DIR (default build) and JOBS (default nproc) can be overridden.
set -euo pipefail

mode=${1:-}
case "$mode" in
  examples|test) ;;
  *) echo "usage: tools/quickstart.sh examples|test" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

packages=(g++ cmake libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev locales)
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
# CI builds with -Werror; a developer's build only warns.
if [ "${CI:-}" = "true" ]; then cmake_args+=(-DSPBE_WERROR=ON); fi
cmake "${cmake_args[@]}" >/dev/null

if [ "$mode" = examples ]; then
  cmake --build "$build_dir" --target spbe -j "$jobs"
  "$build_dir/spbe" score examples/*.yaml
else
  cmake --build "$build_dir" -j "$jobs"
  ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
fi
