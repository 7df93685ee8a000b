#!/usr/bin/env bash
# Times lockstep against the Python stack (pandas, NumPy, scikit-learn, SciPy) on the same generated data and prints
# a markdown table: job, tool, wall seconds, peak memory, speed-up and the largest difference between the values the
# two produced. See docs/benchmarks.md.
#
#   bash benchmarks/compare.sh
#
# Environment:
#   LOCKSTEP_BENCH_DATA        data, builds and results (default /tmp/lockstep-bench); nothing is written to the repo
#   LOCKSTEP_BENCH_ROWS        prediction rows when the data is generated (default 10000000)
#   LOCKSTEP_BENCH_DRIFT_ROWS  rows of the reference and of the current data when generated (default 5000000)
#   LOCKSTEP_BENCH_REPEAT      runs of each command (default 3): the table shows the median wall time and the
#                              largest peak memory of the runs
# Existing data in the folder is reused (generated again when preds.csv lacks the production score p_prod); delete it
# to generate again.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${LOCKSTEP_BENCH_DATA:-/tmp/lockstep-bench}
python=/usr/bin/python3 # Debian's interpreter, where apt installs pandas, scikit-learn and SciPy
tolerance=1e-9
repeat=${LOCKSTEP_BENCH_REPEAT:-3}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# --- Tools -------------------------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || apt_install time
if ! "$python" -c 'import pandas, sklearn, scipy' 2>/dev/null; then
  apt_install python3-pandas python3-sklearn python3-scipy
fi

mkdir -p "$data"
data=$(cd "$data" && pwd)
build="$data/build"
results="$data/results"
rm -rf "$results"
mkdir -p "$build" "$results"

echo "building lockstep and the data generator (Release) into $build" >&2
publish() { # project output-folder
  dotnet publish "$repo/$1" -c Release -o "$build/$2" --artifacts-path "$build/artifacts" --nologo -v quiet -clp:ErrorsOnly >"$build/$2.log" 2>&1 ||
    { cat "$build/$2.log" >&2; exit 1; }
}
publish src/Lockstep.Cli lockstep
publish tests/Lockstep.Benchmarks generator
lockstep=("$build/lockstep/lockstep")

# --- Data --------------------------------------------------------------------------------------------------------
have_data=1
for file in preds.csv preds.parquet ref.csv ref.parquet cur.csv cur.parquet; do
  [ -f "$data/$file" ] || have_data=
done
# Data from before the paired job has no production score: generate it again.
header=$([ -z "$have_data" ] || head -n 1 "$data/preds.csv")
if [ -n "$have_data" ] && [[ ",${header%$'\r'}," != *,p_prod,* ]]; then
  echo "$data/preds.csv has no p_prod column (data from an older generator)" >&2
  have_data=
fi
if [ -z "$have_data" ]; then
  echo "generating the data into $data (once; reused by later runs)" >&2
  dotnet "$build/generator/Lockstep.Benchmarks.dll" generate --out "$data" \
    --rows "${LOCKSTEP_BENCH_ROWS:-10000000}" --drift-rows "${LOCKSTEP_BENCH_DRIFT_ROWS:-5000000}" --features 20 >&2
fi

# --- Measuring ---------------------------------------------------------------------------------------------------
# measure NAME COMMAND...: runs COMMAND $repeat times in $results under /usr/bin/time; NAME.time gets one line
# "wall-seconds peak-KiB user-seconds system-seconds" per run, NAME.out and NAME.err the last run's output, and
# NAME.other the CPU seconds the rest of the machine used meanwhile (0 on a quiet machine).
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
measure() {
  local name=$1 run before after
  shift
  : >"$results/$name.time"
  : >"$results/$name.other"
  for ((run = 1; run <= repeat; run++)); do
    echo "running $name ($run/$repeat)" >&2
    before=$(busy_ticks)
    if ! (cd "$results" && /usr/bin/time -f '%e %M %U %S' -a -o "$results/$name.time" "$@" >"$results/$name.out" 2>"$results/$name.err"); then
      echo "error: $name failed:" >&2
      cat "$results/$name.err" >&2
      exit 1
    fi
    after=$(busy_ticks)
    tail -n 1 "$results/$name.time" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
      '{ other = ticks / hz - $3 - $4; printf "%.1f\n", (other > 0 ? other : 0) }' >>"$results/$name.other"
  done
}
wall() { sort -g -k1,1 "$results/$1.time" | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }'; } # median
peak_mib() { awk '$2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$results/$1.time"; }     # largest
ratio() { awk -v a="$(wall "$1")" -v b="$(wall "$2")" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }
# compare KIND LOCKSTEP-JSON PYTHON-JSON NAME: "max-diff worst compared over missing" into NAME.diff
compare() { "$python" "$repo/benchmarks/compare_values.py" "$1" "$results/$2" "$results/$3" --tolerance "$tolerance" --details "$results/$4.details" >"$results/$4.diff"; }
diff_cell() {
  read -r max worst compared over missing <"$results/$1.diff"
  local cell="$max ($compared values"
  [ "$over" = 0 ] || cell+=", $over over $tolerance: worst $worst"
  [ "$missing" = 0 ] || cell+=", $missing missing"
  echo "$cell)"
}
warm() { cat "$@" >/dev/null; } # both tools read the files from the page cache

eval_args=(--label y --score p --latency-ms latency_ms --slice region --model-name bench --model-version 1)

warm "$data/preds.csv"
measure eval-lockstep "${lockstep[@]}" eval --predictions "$data/preds.csv" "${eval_args[@]}" --out card.json
cp "$results/card.json" "$results/eval-lockstep.json"
measure eval-python "$python" "$repo/benchmarks/reference_eval.py" "$data/preds.csv"
cp "$results/eval-python.out" "$results/eval-python.json"
compare eval eval-lockstep.json eval-python.json eval

warm "$data/preds.parquet"
measure eval-parquet-lockstep "${lockstep[@]}" eval --predictions "$data/preds.parquet" "${eval_args[@]}" --out card-parquet.json
compare eval card-parquet.json eval-python.json eval-parquet

# The same eval with the production model's score of the same rows: DeLong's test of the two AUCs, overall and per region.
measure eval-paired-lockstep "${lockstep[@]}" eval --predictions "$data/preds.csv" "${eval_args[@]}" --baseline-score p_prod --out card-paired.json
cp "$results/card-paired.json" "$results/eval-paired-lockstep.json"
measure eval-paired-python "$python" "$repo/benchmarks/reference_eval.py" "$data/preds.csv" --baseline-score p_prod
cp "$results/eval-paired-python.out" "$results/eval-paired-python.json"
compare eval-paired eval-paired-lockstep.json eval-paired-python.json eval-paired

warm "$data/ref.csv" "$data/cur.csv"
measure drift-lockstep "${lockstep[@]}" drift --reference "$data/ref.csv" --current "$data/cur.csv" --out drift.json
measure drift-python "$python" "$repo/benchmarks/reference_drift.py" "$data/ref.csv" "$data/cur.csv"
cp "$results/drift-python.out" "$results/drift-python.json"
compare drift drift.json drift-python.json drift

warm "$data/ref.parquet" "$data/cur.parquet"
measure drift-parquet-lockstep "${lockstep[@]}" drift --reference "$data/ref.parquet" --current "$data/cur.parquet" --out drift-parquet.json
compare drift drift-parquet.json drift-python.json drift-parquet

# --- Table -------------------------------------------------------------------------------------------------------
rows=$("$python" -c 'import json,sys; d=json.load(open(sys.argv[1])); print("{:,}".format(d["rows"]))' "$results/eval-python.json")
drift_rows=$("$python" -c 'import json,sys; d=json.load(open(sys.argv[1])); print("{:,} vs {:,}, {} features".format(d["reference_rows"], d["current_rows"], len(d["features"])))' "$results/drift-python.json")
no_parquet="n/a: the Python stack here has no Parquet reader (no pyarrow); $(ratio eval-python eval-parquet-lockstep)× vs Python on the CSV"
no_parquet_drift="n/a: no Parquet reader in the Python stack; $(ratio drift-python drift-parquet-lockstep)× vs Python on the CSV"

{
  echo "| job | tool | wall s (median of $repeat) | peak MiB (max of $repeat) | speed-up | max abs difference |"
  echo "|---|---|---:|---:|---|---|"
  echo "| eval, CSV ($rows rows) | lockstep | $(wall eval-lockstep) | $(peak_mib eval-lockstep) | $(ratio eval-python eval-lockstep)× | $(diff_cell eval) |"
  echo "| eval, CSV ($rows rows) | pandas + scikit-learn | $(wall eval-python) | $(peak_mib eval-python) | 1× | reference |"
  echo "| eval, Parquet ($rows rows) | lockstep | $(wall eval-parquet-lockstep) | $(peak_mib eval-parquet-lockstep) | $no_parquet | $(diff_cell eval-parquet) vs Python on the CSV |"
  echo "| eval, CSV, paired ($rows rows) | lockstep | $(wall eval-paired-lockstep) | $(peak_mib eval-paired-lockstep) | $(ratio eval-paired-python eval-paired-lockstep)× | $(diff_cell eval-paired) |"
  echo "| eval, CSV, paired ($rows rows) | pandas + scikit-learn + SciPy (fast DeLong) | $(wall eval-paired-python) | $(peak_mib eval-paired-python) | 1× | reference |"
  echo "| drift, CSV ($drift_rows) | lockstep | $(wall drift-lockstep) | $(peak_mib drift-lockstep) | $(ratio drift-python drift-lockstep)× | $(diff_cell drift) |"
  echo "| drift, CSV ($drift_rows) | pandas + SciPy | $(wall drift-python) | $(peak_mib drift-python) | 1× | reference |"
  echo "| drift, Parquet ($drift_rows) | lockstep | $(wall drift-parquet-lockstep) | $(peak_mib drift-parquet-lockstep) | $no_parquet_drift | $(diff_cell drift-parquet) vs Python on the CSV |"
} >"$results/table.md"

# Targets: at least 3× faster than Python, lower peak memory, values within the tolerance.
{
  echo
  for job in eval eval-paired drift; do
    speedup=$(ratio "$job-python" "$job-lockstep")
    read -r _ _ _ over missing <"$results/$job.diff"
    verdicts=()
    awk -v s="$speedup" 'BEGIN { exit !(s >= 3) }' && verdicts+=("${speedup}× faster: met") || verdicts+=("${speedup}× faster: MISSED (target 3×)")
    if [ "$(peak_mib "$job-lockstep")" -lt "$(peak_mib "$job-python")" ]; then
      verdicts+=("lower peak memory: met")
    else
      verdicts+=("lower peak memory: MISSED ($(peak_mib "$job-lockstep") vs $(peak_mib "$job-python") MiB)")
    fi
    if [ "$over" = 0 ] && [ "$missing" = 0 ]; then verdicts+=("values within $tolerance: met"); else verdicts+=("values within $tolerance: MISSED"); fi
    line="- $job (CSV): ${verdicts[0]}"
    for verdict in "${verdicts[@]:1}"; do line+="; $verdict"; done
    echo "$line"
  done
  printf -- "- machine: %s cores; CPU seconds other processes used during a run (largest of the runs; 0 on a quiet machine):" "$(nproc)"
  sep=" "
  for name in eval-lockstep eval-python eval-parquet-lockstep eval-paired-lockstep eval-paired-python drift-lockstep drift-python drift-parquet-lockstep; do
    printf "%s%s %s" "$sep" "$name" "$(sort -g "$results/$name.other" | tail -n 1)"
    sep=", "
  done
  echo
} >>"$results/table.md"

cat "$results/table.md"
echo >&2
echo "results, outputs and per-value differences (*.details) are in $results" >&2
