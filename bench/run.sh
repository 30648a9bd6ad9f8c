#!/usr/bin/env bash
# bench/run.sh — the benchmarks of issue 4: `spbe score` throughput and peak memory against a
# parse-only floor (bench/parse_floor.cpp), a PyYAML peer (bench/peer_pyyaml.py) and an awk peer
# (bench/peer_awk.sh), plus one-file start-up. Prints a table and the ratios against the targets,
# and writes the same as Markdown to bench/out/results.md. Not a test: numbers depend on the machine
# and on whatever else runs on it.
#
# Environment (defaults in brackets):
#   BUILD     build directory, configured Release if new [build-bench]
#   N_SPEED   files in the throughput runs [1000]      N_SMALL / N_LARGE  RSS runs [1000 / 20000]
#   N_CSV     rows of the wide levels CSV [100000]     ROUNDS  repetitions, best kept [3]
#   JOBS_ROUNDS  repetitions of the 1-job / 2-job runs on the large set [5]
#   CALLGRIND 1 = also count instructions with valgrind (noise-free ratios) [1 if valgrind exists]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-$ROOT/build-bench}
OUT=$ROOT/bench/out
N_SPEED=${N_SPEED:-1000}
N_SMALL=${N_SMALL:-1000}
N_LARGE=${N_LARGE:-20000}
N_CSV=${N_CSV:-100000}
ROUNDS=${ROUNDS:-3}
JOBS_ROUNDS=${JOBS_ROUNDS:-5}
SEED=2024
if [ -z "${CALLGRIND:-}" ]; then command -v valgrind >/dev/null && CALLGRIND=1 || CALLGRIND=0; fi

die() { echo "bench/run.sh: $*" >&2; exit 2; }
command -v hyperfine >/dev/null || die "needs hyperfine (apt-get install -y hyperfine)"
[ -x /usr/bin/time ] || die "needs GNU time at /usr/bin/time (apt-get install -y time)"
python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || die "needs PyYAML with libyaml (apt-get install -y python3-yaml)"

# --- build -----------------------------------------------------------------------------------
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DSPBE_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$BUILD" -j2 --target spbe spbe_parse_floor >/dev/null
SPBE=$BUILD/spbe
FLOOR=$BUILD/spbe_parse_floor

# --- data (generated once, reused while N and the seed stay the same) -------------------------
mkdir -p "$OUT"
EV=$OUT/evidence
if [ "$(cat "$OUT/evidence.stamp" 2>/dev/null)" != "$N_LARGE $SEED" ]; then
    echo "generating $N_LARGE evidence files in bench/out/evidence ..." >&2
    rm -rf "$EV"
    python3 bench/gen_evidence.py evidence "$N_LARGE" "$EV" --seed "$SEED"
    echo "$N_LARGE $SEED" > "$OUT/evidence.stamp"
fi
CSV=$OUT/levels-$N_CSV.csv
if [ "$(cat "$OUT/csv.stamp" 2>/dev/null)" != "$N_CSV $SEED" ]; then
    echo "generating a levels CSV of $N_CSV rows ..." >&2
    python3 bench/gen_evidence.py csv "$N_CSV" "$CSV" --seed "$SEED"
    echo "$N_CSV $SEED" > "$OUT/csv.stamp"
fi
find "$EV" -name '*.yaml' | LC_ALL=C sort > "$OUT/all.txt"
: > "$OUT/rounds.tsv"
head -n "$N_SPEED" "$OUT/all.txt" > "$OUT/speed.txt"
head -n "$N_SMALL" "$OUT/all.txt" > "$OUT/small.txt"
head -n "$N_LARGE" "$OUT/all.txt" > "$OUT/large.txt"
ONE=$(head -n 1 "$OUT/all.txt")
AVG_KB=$(xargs -a "$OUT/speed.txt" du -cb | tail -n 1 | awk -v n="$N_SPEED" '{printf "%.1f", $1 / n / 1024}')

# --- cross-check: spbe, the PyYAML peer and the awk peer agree on every index ------------------
"$SPBE" score "@$OUT/speed.txt" --format csv > "$OUT/spbe-speed.csv"
python3 bench/peer_pyyaml.py "@$OUT/speed.txt" > "$OUT/peer-speed.csv"
"$SPBE" score --levels-csv "$CSV" --format csv > "$OUT/spbe-levels.csv"
bench/peer_awk.sh "$CSV" > "$OUT/awk-levels.csv"
python3 - "$OUT" <<'EOF'
import csv, sys
out = sys.argv[1]
spbe = [(r["file"], r["index"], r["predicate"]) for r in csv.DictReader(open(f"{out}/spbe-speed.csv"))]
peer = [(r[0], r[1], r[3]) for r in csv.reader(open(f"{out}/peer-speed.csv"))]
assert spbe == peer, "spbe and the PyYAML peer disagree"
spbe = [(r["index"], r["predicate"]) for r in csv.DictReader(open(f"{out}/spbe-levels.csv"))]
awk = [(r[-2], r[-1]) for r in csv.reader(open(f"{out}/awk-levels.csv"))]
assert spbe == awk, "spbe and the awk peer disagree"
print(f"cross-check: {len(peer)} files and {len(awk)} CSV rows, same index and predicate from spbe and the peers", file=sys.stderr)
EOF

# --- timing -------------------------------------------------------------------------------------
# Every command runs ROUNDS times, interleaved with the others so that a burst of load from other
# processes hits all of them alike; the fastest wall time and the largest peak RSS are kept.
declare -A BEST RSS CPU N CMD
ORDER=()
add() { # label files command...
    local label=$1 n=$2; shift 2
    ORDER+=("$label"); N[$label]=$n; CMD[$label]="$*"; BEST[$label]=""; CPU[$label]=""; RSS[$label]=0
}
run_all() {
    local round label
    for round in $(seq "$ROUNDS"); do
        for label in "$@"; do
            # shellcheck disable=SC2086
            /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" ${CMD[$label]} > /dev/null 2> "$OUT/stderr.txt" \
                || { cat "$OUT/stderr.txt" >&2; die "failed: ${CMD[$label]}"; }
            read -r wall user sys rss < <(tail -n 1 "$OUT/time.txt")
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
            if [ -z "${BEST[$label]}" ] || awk -v a="$wall" -v b="${BEST[$label]}" 'BEGIN { exit !(a < b) }'; then BEST[$label]=$wall; fi
            if [ -z "${CPU[$label]}" ] || awk -v a="$cpu" -v b="${CPU[$label]}" 'BEGIN { exit !(a < b) }'; then CPU[$label]=$cpu; fi
            if [ "$rss" -gt "${RSS[$label]}" ]; then RSS[$label]=$rss; fi
            printf '%s\t%s\t%s\n' "$label" "$round" "$wall" >> "$OUT/rounds.tsv"
        done
    done
}

add floor "$N_SPEED" "$FLOOR @$OUT/speed.txt"
add floor-events "$N_SPEED" "$FLOOR --events @$OUT/speed.txt"
add spbe-1 "$N_SPEED" "$SPBE score @$OUT/speed.txt --jobs 1 --format csv"
add spbe-2 "$N_SPEED" "$SPBE score @$OUT/speed.txt --jobs 2 --format csv"
add pyyaml "$N_SPEED" "python3 bench/peer_pyyaml.py @$OUT/speed.txt"
echo "throughput: $N_SPEED files x $ROUNDS rounds ..." >&2
run_all floor floor-events spbe-1 spbe-2 pyyaml

# The jobs ratio on the large set: at ~0.15 ms a file, 1,000 files are over in a tenth of a second,
# too short to tell two workers from one against process start-up and timer noise.
add jobs-1 "$N_LARGE" "$SPBE score @$OUT/large.txt --jobs 1 --format csv"
add jobs-2 "$N_LARGE" "$SPBE score @$OUT/large.txt --jobs 2 --format csv"
add halves "$N_LARGE" "bench/two_halves.sh $SPBE $OUT/large.txt"
# This VM's speed drifts by up to a third over minutes, so a ratio of two best times depends on
# which run met a quiet moment. Each round runs 1 job, 2 jobs and two independent 1-job processes
# back to back; the verdict uses the median of the per-round ratios (runs seconds apart see the
# same machine), and the two-process ratio shows what the machine itself gives two workers.
echo "jobs: $N_LARGE files x $JOBS_ROUNDS rounds ..." >&2
ROUNDS_SAVED=$ROUNDS; ROUNDS=$JOBS_ROUNDS
run_all jobs-1 jobs-2 halves
ROUNDS=$ROUNDS_SAVED

add rss-small "$N_SMALL" "$SPBE score @$OUT/small.txt --jobs 1 --format csv"
add rss-large "$N_LARGE" "$SPBE score @$OUT/large.txt --jobs 1 --format csv"
echo "peak RSS: $N_SMALL and $N_LARGE files ..." >&2
ROUNDS_SAVED=$ROUNDS; ROUNDS=1
run_all rss-small rss-large
ROUNDS=$ROUNDS_SAVED

add csv-spbe "$N_CSV" "$SPBE score --levels-csv $CSV --format csv"
add csv-spbe-1 "$N_CSV" "$SPBE score --levels-csv $CSV --format csv --jobs 1"
add csv-awk "$N_CSV" "bench/peer_awk.sh $CSV"
echo "levels CSV: $N_CSV rows x $ROUNDS rounds ..." >&2
run_all csv-spbe csv-spbe-1 csv-awk

echo "one file: hyperfine ..." >&2
hyperfine -N --warmup 5 --runs 40 --export-json "$OUT/one-file.json" \
    "$SPBE score $ONE" "$FLOOR $ONE" "$SPBE score tests/fixtures/asmat-2024.yaml" "$FLOOR tests/fixtures/asmat-2024.yaml" > /dev/null 2>&1

# --- instruction counts (valgrind): the same ratios without the noise of a shared machine -------
IR_NOTE="(valgrind not run)"
if [ "$CALLGRIND" = 1 ]; then
    echo "instruction counts: callgrind ..." >&2
    head -n 20 "$OUT/all.txt" > "$OUT/ir.txt"
    ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $NF); print $NF }'; }
    IR_FLOOR20=$(ir "$FLOOR" "@$OUT/ir.txt")
    IR_SPBE20=$(ir "$SPBE" score "@$OUT/ir.txt" --jobs 1 --format csv)
    IR_FLOOR1=$(ir "$FLOOR" "$ONE")
    IR_SPBE1=$(ir "$SPBE" score "$ONE")
fi

# --- report -------------------------------------------------------------------------------------
export OUT N_SPEED N_SMALL N_LARGE N_CSV ROUNDS JOBS_ROUNDS AVG_KB CALLGRIND IR_FLOOR20 IR_SPBE20 IR_FLOOR1 IR_SPBE1 ONE
for label in "${ORDER[@]}"; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "${N[$label]}" "${BEST[$label]}" "${CPU[$label]}" "${RSS[$label]}" "${CMD[$label]}"
done > "$OUT/results.tsv"
python3 - <<'EOF'
import json, os
E = os.environ
out = E["OUT"]
rows = {}
for line in open(f"{out}/results.tsv"):
    label, n, wall, cpu, rss, cmd = line.rstrip("\n").split("\t")
    rows[label] = dict(n=int(n), wall=float(wall), cpu=float(cpu), rss=int(rss), cmd=cmd.replace(out, "bench/out").replace(os.getcwd() + "/", ""))
rate = lambda l: rows[l]["n"] / max(rows[l]["wall"], 1e-9)
cpu_rate = lambda l: rows[l]["n"] / max(rows[l]["cpu"], 1e-9)
hf = json.load(open(f"{out}/one-file.json"))["results"]
walls = {}
for line in open(f"{out}/rounds.tsv"):
    label, rnd, wall = line.split("\t")
    walls.setdefault(label, {})[rnd] = float(wall)
def paired(slow, fast):
    ratios = sorted(walls[slow][r] / walls[fast][r] for r in walls[slow] if r in walls[fast])
    return ratios[len(ratios) // 2] if len(ratios) % 2 else (ratios[len(ratios) // 2 - 1] + ratios[len(ratios) // 2]) / 2
med = [r["median"] * 1000 for r in hf]
lines = []
p = lines.append
p(f"Inputs: {rows['floor']['n']} synthetic long-form evidence files (average {E['AVG_KB']} KB); {E['N_CSV']} levels-CSV rows. "
  f"Best wall time and best CPU time (user + sys) of {E['ROUNDS']} interleaved rounds ({E['JOBS_ROUNDS']} for the 1-/2-job runs "
  f"on {E['N_LARGE']} files); peak RSS from /usr/bin/time.")
p("")
p("| run | inputs | wall s | inputs/s (wall) | CPU s | inputs per CPU s | peak RSS MB |")
p("|---|---:|---:|---:|---:|---:|---:|")
for label, r in rows.items():
    p(f"| `{r['cmd']}` | {r['n']} | {r['wall']:.2f} | {rate(label):,.0f} | {r['cpu']:.2f} | {cpu_rate(label):,.0f} | {r['rss'] / 1024:.1f} |")
p("")
p("| one file (hyperfine, 40 runs) | median ms | mean ms | min ms |")
p("|---|---:|---:|---:|")
for r in hf:
    p(f"| `{r['command'].replace(out, 'bench/out').replace(os.getcwd() + '/', '')}` | {r['median'] * 1000:.1f} | {r['mean'] * 1000:.1f} | {r['min'] * 1000:.1f} |")
p("")
# Each target by wall time (what the issue asks) and by CPU time (what other load distorts least;
# for 2 jobs it shows the parallel overhead: 1.00 = no extra CPU for the second worker).
targets = [
    ("1 job >= 0.9x parse-only floor (files/s)", rate("spbe-1") / rate("floor"), cpu_rate("spbe-1") / cpu_rate("floor"), ">=", 0.9),
    (f"2 jobs >= 1.8x 1 job ({E['N_LARGE']} files, median of per-round ratios)", paired("jobs-1", "jobs-2"), cpu_rate("jobs-2") / cpu_rate("jobs-1"), ">=", 1.8),
    ("1 job >= 3x PyYAML peer", rate("spbe-1") / rate("pyyaml"), cpu_rate("spbe-1") / cpu_rate("pyyaml"), ">=", 3.0),
    (f"peak RSS {E['N_LARGE']} files <= 1.2x {E['N_SMALL']} files", rows["rss-large"]["rss"] / rows["rss-small"]["rss"], None, "<=", 1.2),
    ("levels CSV >= awk (rows/s, default jobs)", rate("csv-spbe") / rate("csv-awk"), cpu_rate("csv-spbe") / cpu_rate("csv-awk"), ">=", 1.0),
    ("one file end to end <= 3x floor (median wall)", med[0] / med[1], None, "<=", 3.0),
]
p("| target | by wall time | verdict | by CPU time |")
p("|---|---:|---|---:|")
for name, value, cpu_value, op, goal in targets:
    ok = value >= goal if op == ">=" else value <= goal
    p(f"| {name} | {value:.2f}x | {'PASS' if ok else 'MISS'} | {'' if cpu_value is None else f'{cpu_value:.2f}x'} |")
p(f"| (info) 1 job vs yaml-cpp's bare event parser (`--events` floor) | {rate('spbe-1') / rate('floor-events'):.2f}x | | {cpu_rate('spbe-1') / cpu_rate('floor-events'):.2f}x |")
p(f"| (info) 2 jobs vs 1 job ({E['N_LARGE']} files), ratio of best times | {rate('jobs-2') / rate('jobs-1'):.2f}x | | |")
p(f"| (info) this machine's own scaling: two independent 1-job processes on the halves vs 1 job, median of per-round ratios | {paired('jobs-1', 'halves'):.2f}x | | |")
per_round = ", ".join("%.2f" % (walls["jobs-1"][r] / walls["jobs-2"][r]) for r in sorted(walls["jobs-2"], key=int))
p(f"| (info) per-round ratios, 1 job / 2 jobs | {per_round} | | |")
p(f"| (info) 2 jobs vs 1 job on {E['N_SPEED']} files | {rate('spbe-2') / rate('spbe-1'):.2f}x | | {cpu_rate('spbe-2') / cpu_rate('spbe-1'):.2f}x |")
p(f"| (info) one tiny file (asmat-2024, 1 KB) vs floor, median | {med[2] / med[3]:.2f}x | |")
p(f"| (info) levels CSV, 1 job vs awk | {rate('csv-spbe-1') / rate('csv-awk'):.2f}x | |")
if E.get("CALLGRIND") == "1":
    f20, s20, f1, s1 = (int(E[k]) for k in ("IR_FLOOR20", "IR_SPBE20", "IR_FLOOR1", "IR_SPBE1"))
    p("")
    p("Instruction counts (valgrind --tool=callgrind; unaffected by other load):")
    p("")
    p("| | floor | spbe | floor / spbe |")
    p("|---|---:|---:|---:|")
    p(f"| 20 files, 1 job | {f20:,} | {s20:,} | {f20 / s20:.2f}x (the 1-job target as a throughput ratio) |")
    p(f"| one file | {f1:,} | {s1:,} | spbe = {s1 / f1:.2f}x floor |")
text = "\n".join(lines) + "\n"
open(f"{out}/results.md", "w").write(text)
print(text)
EOF
