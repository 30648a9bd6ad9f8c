#!/usr/bin/env bash
# A batch with -o that is killed by a signal while it writes the report leaves the previous -o file
# byte for byte and no temporary file in its folder, with the nameless temporary file (O_TMPFILE)
# and with the named fallback (SPBE_NO_O_TMPFILE=1). Each run is signalled only once its output
# file is open (seen in /proc/PID/fd or as the named temporary file); a run that ends first fails
# the test instead of passing it vacuously.
# Usage: check_interrupt.sh SPBE [SIGNAL...]   (default: INT TERM HUP); job-control notices go to stderr.
set -uo pipefail
set -m # job control: a background job must not start with SIGINT ignored
spbe=$1
shift
signals=("${@:-INT}")
[ $# -eq 0 ] && signals=(INT TERM HUP)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/out" "$work/in" "$work/spool"
# 2,500 agencies with --detail as JSON: about 50 MB, scored in a moment and written for most of the
# run, so the signal lands while the report is written.
row='Pemerintah Kabupaten Alfa,Jawa Barat,kabupaten,2024,spbe-2020'
header='code,name,province,type,year,rubric'
for i in $(seq 1 47); do row+=",3"; header+=",$i"; done
{ echo "$header"; seq 1 2500 | sed "s/\$/,$row/"; } >"$work/in/levels.csv" # one code per row: no duplicate agencies
printf '{\n  "schema": "spbe.batch/1",\n  "the previous report": true\n}\n' >"$work/out/hasil.json"
cp "$work/out/hasil.json" "$work/previous.json"

# True once PID has its output open: the named temporary file, or a nameless one in the out folder
# (one `ls` per call: on a busy machine a readlink per descriptor is too slow to poll with).
output_open() {
    local pid=$1
    [ -e "$work/out/.hasil.json.spbe-$pid.tmp" ] && return 0
    [[ $(ls -l /proc/"$pid"/fd 2>/dev/null) == *"$work/out/#"*"(deleted)"* ]]
}

# The complete report, to tell "signalled after it was committed" (too late: retry) from damage.
"$spbe" score --levels-csv "$work/in/levels.csv" -f json --detail -o "$work/complete.json" 2>/dev/null

# One signalled run; prints its verdict; returns 0 ok, 1 failed, 2 too late (retry).
attempt() {
    local mode=$1 sig=$2 env_mode=() pid code caught=0 label="$1 SIG$2" bad=0
    [ "$mode" = named ] && env_mode=(SPBE_NO_O_TMPFILE=1)
    cp "$work/previous.json" "$work/out/hasil.json"
    env "${env_mode[@]}" TMPDIR="$work/spool" "$spbe" score --levels-csv "$work/in/levels.csv" -f json --detail -o "$work/out/hasil.json" 2>"$work/stderr" &
    pid=$!
    for _ in $(seq 1 2000); do
        if output_open "$pid"; then caught=1; break; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.01
    done
    [ $caught = 1 ] && kill -"$sig" "$pid"
    wait "$pid"
    code=$?
    [ -n "$(ls -A "$work/spool")" ] && { echo "FAIL $label: left in TMPDIR: $(ls -A "$work/spool")"; bad=1; }
    [ "$(ls -A "$work/out")" = hasil.json ] || { echo "FAIL $label: left in the output folder: $(ls -A "$work/out" | tr '\n' ' ')"; bad=1; }
    [ -s "$work/stderr" ] && { echo "FAIL $label: stderr: $(cat "$work/stderr")"; bad=1; }
    if cmp -s "$work/complete.json" "$work/out/hasil.json"; then
        [ $bad = 0 ] && return 2 # finished (or committed) before the signal: not a test of anything
        return 1
    fi
    cmp -s "$work/previous.json" "$work/out/hasil.json" || { echo "FAIL $label: the -o file is neither the previous nor the complete report"; bad=1; }
    [ $code = $((128 + $(kill -l "$sig"))) ] || { echo "FAIL $label: exit $code, expected death by SIG$sig"; bad=1; }
    [ $bad = 0 ] && echo "ok $label: killed while writing; previous file intact; no temporary file"
    return $bad
}

status=0
for mode in nameless named; do
    for sig in "${signals[@]}"; do
        for try in 1 2 3 4 5; do
            attempt "$mode" "$sig"
            result=$?
            [ $result != 2 ] && break
        done
        if [ $result = 2 ]; then echo "FAIL $mode SIG$sig: every run finished before the signal reached it"; status=1; fi
        [ $result = 1 ] && status=1
    done
done
exit $status
