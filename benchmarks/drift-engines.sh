#!/usr/bin/env bash
# Peak memory (max RSS from /usr/bin/time -v) and wall time of `lockstep drift` on the 2 × 5,000,000 rows × 20
# features benchmark data, read into memory (--engine memory) and by embedded DuckDB out of core (--engine duckdb),
# for the CSV and the Parquet files; and the largest difference between the two engines' statistics (PSI, KS
# statistic and p-value, normed Wasserstein, Jensen–Shannon). Prints a markdown table. See docs/benchmarks.md.
#
#   bash benchmarks/drift-engines.sh
#
# Environment:
#   LOCKSTEP_BENCH_DATA        data, builds and results (default /tmp/lockstep-bench-engines); nothing is written to the repo
#   LOCKSTEP_BENCH_DRIFT_ROWS  rows of the reference and of the current data when generated (default 5000000)
#   LOCKSTEP_BENCH_MEMORY      DuckDB's --memory-limit (default 1GB)
# Existing data in the folder is reused; delete it to generate again. Run it on a quiet machine: nothing else building.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${LOCKSTEP_BENCH_DATA:-/tmp/lockstep-bench-engines}
limit=${LOCKSTEP_BENCH_MEMORY:-1GB}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

mkdir -p "$data/build" "$data/results"
data=$(cd "$data" && pwd)
rm -rf "$data/results"/*
results="$data/results"

# lockstep and the data generator, Release builds in the data folder (nothing is written to the repository)
for project in src/Lockstep.Cli:lockstep tests/Lockstep.Benchmarks:generator; do
  echo "publishing ${project%%:*} (Release)" >&2
  dotnet publish "$repo/${project%%:*}" -c Release -o "$data/build/${project##*:}" --artifacts-path "$data/build/artifacts" \
    --nologo -v quiet -clp:ErrorsOnly >"$data/build/publish.log" 2>&1 || { cat "$data/build/publish.log" >&2; exit 1; }
done
build="$data/build"

if [ ! -f "$data/ref.csv" ] || [ ! -f "$data/cur.csv" ] || [ ! -f "$data/ref.parquet" ] || [ ! -f "$data/cur.parquet" ]; then
  echo "generating the data into $data (once; reused by later runs)" >&2
  dotnet "$build/generator/Lockstep.Benchmarks.dll" generate --out "$data" \
    --rows 1000 --drift-rows "${LOCKSTEP_BENCH_DRIFT_ROWS:-5000000}" --features 20 >&2
fi

# measure NAME ARGS...: one run of lockstep drift under /usr/bin/time -v; NAME.time holds "wall-seconds peak-KiB".
measure() {
  local name=$1
  shift
  echo "running $name" >&2
  cat "$data"/ref.* "$data"/cur.* >/dev/null # both engines read the files from the page cache
  if ! (cd "$results" && /usr/bin/time -v -o "$results/$name.timev" "$build/lockstep/lockstep" drift "$@" --out "$results/$name.json" \
    >"$results/$name.out" 2>"$results/$name.err"); then
    echo "error: $name failed:" >&2
    cat "$results/$name.err" >&2
    exit 1
  fi
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
              /Maximum resident set size/ { peak = $2 }
              END { printf "%.2f %d\n", wall, peak }' "$results/$name.timev" >"$results/$name.time"
}

measure csv-memory --reference "$data/ref.csv" --current "$data/cur.csv"
measure csv-duckdb --reference "$data/ref.csv" --current "$data/cur.csv" --engine duckdb --memory-limit "$limit"
measure parquet-memory --reference "$data/ref.parquet" --current "$data/cur.parquet"
measure parquet-duckdb --reference "$data/ref.parquet" --current "$data/cur.parquet" --engine duckdb --memory-limit "$limit"

# diff A B: the largest absolute difference between the statistics of two drift reports, and how many were compared.
diff() {
  python3 - "$results/$1.json" "$results/$2.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
worst, n = 0.0, 0
for fa, fb in zip(a["features"], b["features"]):
    assert fa["feature"] == fb["feature"]
    for key in ("psi", "ks_statistic", "ks_p_value", "wasserstein_normed", "jensen_shannon"):
        if fa.get(key) is not None:
            worst, n = max(worst, abs(float(fa[key]) - float(fb[key]))), n + 1
print(f"{worst:.3g} ({n} values)")
PY
}
row() { read -r wall peak <"$results/$2.time"; printf '| %s | %s | %s | %.0f | %s |\n' "$1" "$3" "$wall" "$((peak / 1024))" "$4"; }

rows=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("{:,} vs {:,}, {} features".format(d["reference_rows"], d["current_rows"], len(d["features"])))' "$results/csv-memory.json")
echo
echo "| drift ($rows) | engine | wall s | peak MiB | largest difference vs memory |"
echo "|---|---|---|---|---|"
row "CSV" csv-memory "memory" "reference"
row "CSV" csv-duckdb "duckdb (--memory-limit $limit)" "$(diff csv-memory csv-duckdb)"
row "Parquet" parquet-memory "memory" "reference"
row "Parquet" parquet-duckdb "duckdb (--memory-limit $limit)" "$(diff parquet-memory parquet-duckdb)"
