#!/usr/bin/env bash
# Runs one golden CLI case: tests/golden/<case>/args holds the arguments (shell words, run from the
# repository root), optional `stdin` is fed to spbe; stdout, stderr and the exit code are compared
# with expected_stdout, expected_stderr and expected_exit. UPDATE_GOLDEN=1 rewrites them instead.
# The args run under `pipefail`, so `spbe … | cat` keeps spbe's status; a case that chains commands
# must end with spbe's status too (`&&` chains, or `status=$?; …; exit $status`), never with a cleanup's.
# Scratch files go in $TMPDIR_GOLDEN, which this script removes.
set -uo pipefail
spbe=$1
case_dir=$2
args=$(cat "$case_dir/args")
input=/dev/null
[ -f "$case_dir/stdin" ] && input="$case_dir/stdin"
out=$(mktemp) err=$(mktemp)
TMPDIR_GOLDEN=$(mktemp -d) # scratch folder a case may write to (e.g. -o FILE)
export TMPDIR_GOLDEN
trap 'rm -rf "$out" "$err" "$TMPDIR_GOLDEN"' EXIT
# Deterministic environment: no colour, no CI-specific format selection, the default language (no SPBE_LANG,
# no English locale: a case asks for English with --lang en or sets SPBE_LANG itself) and no COLUMNS (a case that
# fits tables to a width sets it).
env -u GITHUB_ACTIONS -u SPBE_LANG -u LC_ALL -u LC_MESSAGES -u LANG -u COLUMNS NO_COLOR=1 SPBE_TODAY=2026-11-30 bash -o pipefail -c "\"\$0\" $args" "$spbe" <"$input" >"$out" 2>"$err"
code=$?
# golden-yamlcpp/<case> (SPBE_YAML_READER=yaml-cpp) checks against the files the default run writes.
if [ "${UPDATE_GOLDEN:-}" = 1 ] && [ "${SPBE_YAML_READER:-}" = yaml-cpp ]; then
  echo "not updated by the yaml-cpp run: $case_dir"
  exit 0
fi
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$out" "$case_dir/expected_stdout"
  cp "$err" "$case_dir/expected_stderr"
  echo "$code" >"$case_dir/expected_exit"
  echo "updated $case_dir"
  exit 0
fi
status=0
if ! diff -u "$case_dir/expected_stdout" "$out"; then echo "golden: stdout differs" >&2; status=1; fi
if ! diff -u "$case_dir/expected_stderr" "$err"; then echo "golden: stderr differs" >&2; status=1; fi
expected_code=$(cat "$case_dir/expected_exit")
if [ "$code" != "$expected_code" ]; then echo "golden: exit code $code, expected $expected_code" >&2; status=1; fi
exit $status
