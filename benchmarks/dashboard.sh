#!/usr/bin/env bash
# The history and the dashboard on a generated three-year, two-lane history (the one the browser tests use): the
# time of `lockstep record` (first and repeated), of `lockstep dashboard` for 90 days and for three years, the pages'
# sizes, and how long headless Chromium takes to open each page (median of 10 opens). Not run by CI.
# Usage: benchmarks/dashboard.sh [work-dir]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
rm -rf "$work/history" "$work/generated" "$work/site"
mkdir -p "$work/bin"

dotnet publish "$repo/src/Lockstep.Cli" -c Release -o "$work/bin/lockstep" -v quiet >&2
dotnet build "$repo/tests/Lockstep.Benchmarks" -c Release -v quiet >&2
lockstep() { dotnet "$work/bin/lockstep/lockstep.dll" "$@"; }
bench() { dotnet "$repo/tests/Lockstep.Benchmarks/bin/Release/net10.0/Lockstep.Benchmarks.dll" "$@"; }
seconds() { local start=$(date +%s%N); "$@" >/dev/null; awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'; }

policy="$repo/src/Lockstep.Cli/Demo/lockstep.yml"
bench dashboard-history "$work/generated" "$policy"
files=("$work/generated/events.jsonl" "$work/generated"/cards/*.json "$work/generated"/gates/*.json "$work/generated"/freshness/*.json)
as_of=2026-11-24T18:00:00Z

echo "| step | seconds |"
echo "|---|--:|"
echo "| record ${#files[@]} files into an empty history | $(seconds lockstep record --history "$work/history" "${files[@]}") |"
echo "| record the same files again (nothing added) | $(seconds lockstep record --history "$work/history" "${files[@]}") |"
echo "| dashboard, 90 days | $(seconds lockstep dashboard --history "$work/history" --policy "$policy" --as-of $as_of --out "$work/site/90.html") |"
echo "| dashboard, 1,095 days | $(seconds lockstep dashboard --history "$work/history" --policy "$policy" --as-of $as_of --window-days 1095 --out "$work/site/1095.html") |"
echo
echo "history: $(find "$work/history" -name '*.parquet' | wc -l) Parquet files, $(du -sh "$work/history" | cut -f1)"
bench dashboard-open "$work/site/90.html" --runs 10
bench dashboard-open "$work/site/1095.html" --runs 10
