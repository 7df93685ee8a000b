#!/usr/bin/env bash
# What the composite action (composite/action.yml) pays before and during the gate, on this machine: its check for
# the .NET 10 runtime and SDK, `dotnet tool install` of the packed tool from a local feed into an empty tool path
# with an empty NuGet package folder (a new runner; nuget.org's download is not part of it), and the installed tool's
# entrypoint (`lockstep github-action`) on the
# demo's failing candidate with no token (no network). A cache hit (actions/cache restoring the tool path) skips the
# install: its cost is the download of the tool folder, whose size (as installed, as cached) is printed. Median and fastest of N runs each.
# Not run by CI.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${LOCKSTEP_BENCH_RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props")
# The tool's package and this machine's Native AOT package, which dotnet tool install picks, as from nuget.org.
dotnet pack "$repo/src/Lockstep.Cli" -c Release -v quiet -o "$work/feed" >&2
"$repo/build/release.sh" --dry-run --only native --out "$work/release" >&2
cp "$work"/release/nuget/*.nupkg "$work/feed/"
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /></packageSources></configuration>
CONFIG

# Milliseconds of a command that must succeed (a failure stops the script).
ms() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
row() { sort -n | awk -v what="$1" '{ a[NR] = $1 } END { printf "| %s | %d | %d |\n", what, a[int((NR + 1) / 2)], a[1] }'; }
install() { dotnet tool install Lockstep.Cli --version "$version" --tool-path "$1" --configfile "$work/nuget.config"; }
check() { dotnet --list-runtimes | grep -q '^Microsoft.NETCore.App 10\.'; dotnet --list-sdks | grep -q '^10\.'; }

# The runner's layout for the entrypoint: the workspace, the event file, the file commands.
ws="$work/github/workspace"
mkdir -p "$ws" "$work/github/workflow" "$work/github/file_commands"
cp "$repo/src/Lockstep.Cli/Demo/pull_request.json" "$work/github/workflow/event.json"
# shellcheck source=action-entrypoint.sh
source "$repo/benchmarks/action-entrypoint.sh"
gate() { action_entrypoint "$work" "$work/tool/lockstep"; }
gated() { gate || [ $? -eq 1 ]; } # the demo's candidate fails its gate: exit 1

echo "| step | median ms | fastest ms |"
echo "|---|--:|--:|"
for _ in $(seq "$runs"); do ms check; done | row "check for the .NET 10 runtime and SDK"
for i in $(seq "$runs"); do NUGET_PACKAGES="$work/packages-$i" ms install "$work/empty-$i"; rm -rf "$work/empty-$i" "$work/packages-$i"; done | row "dotnet tool install into an empty tool path (a cache miss)"
install "$work/tool" >/dev/null
"$work/tool/lockstep" demo --scenario fail --out-dir "$ws" >/dev/null 2>&1 || true
gated >/dev/null 2>&1 # warm the page cache, as a restored tool folder is
for _ in $(seq "$runs"); do ms gated; done | row "entrypoint (lockstep github-action, demo input, no token)"
echo
echo "entrypoint $(grep '^verdict=' "$work/github/file_commands/set_output" | tail -1) (the demo's failing candidate)"
echo "tool folder as installed: $(du -sh "$work/tool" | cut -f1)"
find "$work/tool/.store" -name '*.nupkg' -delete
echo "tool folder as cached (without the store's .nupkg copies): $(du -sh "$work/tool" | cut -f1), $(tar -C "$work/tool" -cf - . | zstd -q -3 | wc -c | awk '{ printf "%.0f MB", $1 / 1e6 }') as actions/cache compresses it (zstd)"
"$work/tool/lockstep" --version >/dev/null # the tool still runs from the cached files
