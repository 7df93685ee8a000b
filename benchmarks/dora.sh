#!/usr/bin/env bash
# Times `lockstep dora` on a generated three-year, two-lane history of one million events (wall time and peak RSS).
# Target: all metrics in under 2 s and under 500 MB on the 2-core reference machine. Not run by CI.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${LOCKSTEP_BENCH_DATA:-/tmp/lockstep-bench}
events=${LOCKSTEP_BENCH_EVENTS:-1000000}
mkdir -p "$data"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
dotnet publish "$repo/src/Lockstep.Cli" -c Release -o "$bin/lockstep" -v quiet >&2
if [ ! -s "$data/events.jsonl" ]; then
  dotnet run -c Release --project "$repo/tests/Lockstep.Benchmarks" -- generate-events --out "$data/events.jsonl" --events "$events" >&2
fi

cat "$data/events.jsonl" >/dev/null # from the page cache, as a CI runner reads a fresh artifact
echo "| run | wall s | peak MiB |"
echo "|---|--:|--:|"
for run in 1 2 3; do
  /usr/bin/time -f '%e %M' -o "$bin/time" dotnet "$bin/lockstep/lockstep.dll" dora --events "$data/events.jsonl" \
    --as-of 2026-11-26T00:00:00Z --json "$bin/dora.json" >/dev/null 2>&1
  awk -v run="$run" '{ printf "| %d | %s | %.0f |\n", run, $1, $2 / 1024 }' "$bin/time"
done
