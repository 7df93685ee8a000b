#!/usr/bin/env bash
# Cold start of the action's entrypoint (`lockstep github-action`) on the small demo input, with the environment a
# GitHub runner gives the container and no token (no network): JIT (the framework-dependent tool, Lockstep.Cli.any)
# vs ReadyToRun vs Native AOT (Lockstep.Cli.linux-x64, whose executable is the image's content). Prints the verdict
# each build reached (the demo's failing candidate: fail), the median and fastest of 15 runs each, and the size of
# what the image adds to its base. Not run by CI.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${LOCKSTEP_BENCH_RUNS:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

publish() { dotnet publish "$repo/src/Lockstep.Cli" -c Release -v quiet -o "$work/$1" "${@:2}" >&2; }
publish jit -p:PublishAot=false
publish r2r -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:PublishAot=false
publish aot -r linux-x64

# The runner's container layout: the workspace, the event file, the file commands.
ws="$work/github/workspace"
mkdir -p "$ws" "$work/github/workflow" "$work/github/file_commands"
dotnet "$work/jit/lockstep.dll" demo --scenario fail --out-dir "$ws" >/dev/null || true
cp "$repo/src/Lockstep.Cli/Demo/pull_request.json" "$work/github/workflow/event.json"

# shellcheck source=action-entrypoint.sh
source "$repo/benchmarks/action-entrypoint.sh"
run_once() { action_entrypoint "$work" "$@" >/dev/null 2>&1 || true; }

echo "| build | size MiB | verdict | median ms | fastest ms |"
echo "|---|--:|---|--:|--:|"
for variant in jit r2r aot; do
  case $variant in
    jit) cmd=(dotnet "$work/jit/lockstep.dll") ;;
    *) cmd=("$work/$variant/lockstep") ;;
  esac
  rm -f "$work/github/file_commands/set_output"
  run_once "${cmd[@]}" # warm the page cache, as a pulled image is
  verdict=$(sed -n 's/^verdict=//p' "$work/github/file_commands/set_output" 2>/dev/null | tail -1 || true)
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N); run_once "${cmd[@]}"; end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  # Lockstep's own files: DuckDB's native libraries, which only the drift engine loads, are left out.
  size=$(du -sm --exclude='*.pdb' --exclude='*.xml' --exclude='*.dbg' --exclude='libduckdb*' --exclude='runtimes' "$work/$variant" | cut -f1)
  printf '%s\n' "${times[@]}" | sort -n | awk -v v="$variant" -v s="$size" -v verdict="${verdict:-none}" '{ a[NR] = $1 } END { printf "| %s | %s | %s | %d | %d |\n", v, s, verdict, a[int((NR + 1) / 2)], a[1] }'
done

# The image's content: action/Dockerfile copies the Native AOT executable alone onto the chiseled runtime-deps base.
bytes=$(stat -c %s "$work/aot/lockstep")
echo
echo "image content added to the base (/lockstep/lockstep): $bytes bytes ($(( bytes / 1048576 )) MiB)"
