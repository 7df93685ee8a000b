#!/usr/bin/env bash
# Cold start of the action's entrypoint (`lockstep github-action`) on the small demo input, with the environment a
# GitHub runner gives the container and no token (no network): JIT (the packed tool, as the image runs it) vs
# ReadyToRun vs Native AOT. Prints the median and fastest of 15 runs each. Not run by CI.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${LOCKSTEP_BENCH_RUNS:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

publish() { dotnet publish "$repo/src/Lockstep.Cli" -c Release -v quiet -o "$work/$1" "${@:2}" >&2; }
publish jit
publish r2r -r linux-x64 --self-contained false -p:PublishReadyToRun=true
publish aot -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false

# The runner's container layout: the workspace, the event file, the file commands.
ws="$work/github/workspace"
mkdir -p "$ws" "$work/github/workflow" "$work/github/file_commands"
dotnet "$work/jit/lockstep.dll" demo --scenario fail --out-dir "$ws" >/dev/null || true
cp "$repo/src/Lockstep.Cli/Demo/pull_request.json" "$work/github/workflow/event.json"

# shellcheck source=action-entrypoint.sh
source "$repo/benchmarks/action-entrypoint.sh"
run_once() { action_entrypoint "$work" "$@" >/dev/null 2>&1 || true; }

echo "| build | size MiB | median ms | fastest ms |"
echo "|---|--:|--:|--:|"
for variant in jit r2r aot; do
  case $variant in
    jit) cmd=(dotnet "$work/jit/lockstep.dll") ;;
    *) cmd=("$work/$variant/lockstep") ;;
  esac
  run_once "${cmd[@]}" # warm the page cache, as a pulled image is
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N); run_once "${cmd[@]}"; end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  size=$(du -sm --exclude='*.pdb' --exclude='*.xml' --exclude='*.dbg' "$work/$variant" | cut -f1)
  printf '%s\n' "${times[@]}" | sort -n | awk -v v="$variant" -v s="$size" '{ a[NR] = $1 } END { printf "| %s | %s | %d | %d |\n", v, s, a[int((NR + 1) / 2)], a[1] }'
done
