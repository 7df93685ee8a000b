#!/usr/bin/env bash
# Releases everything a user installs, under the one version in Directory.Build.props:
#   NuGet:       Lockstep.Cli (the tool: the package naming one Native AOT package per RID, those packages and the
#                framework-dependent Lockstep.Cli.any), Lockstep.Sdk, Lockstep.Analyzers, Lockstep.Templates
#   Marketplace: the Azure DevOps extension (.vsix, tfx extension create / publish)
#   ghcr.io:     the GitHub Action's image, built from action/ with the packed tool in its packages/ folder
# Every artifact is packed and checked before anything is pushed; --dry-run stops after the checks.
# docs/releasing.md describes the steps, the secrets and the options.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: build/release.sh [--dry-run] [--tag vX.Y.Z] [--out DIR] [--only nuget,native,vsix,image]
                        [--native-from DIR] [--configuration Release] [--no-restore] [--image ghcr.io/OWNER/lockstep]

  --dry-run        pack and check every artifact; push nothing (needs no secret)
  --tag            the release tag; must be v<Version> of Directory.Build.props (default: $GITHUB_REF_NAME if it is a tag)
  --out            where the artifacts go (default: artifacts/release)
  --only           the artifacts to make (default: nuget,native,vsix,image); native is the tool's Native AOT
                   package for this machine's RID (Native AOT compiles for the OS it runs on)
  --native-from    a folder of Native AOT tool packages packed elsewhere (the release workflow's native jobs)
  --configuration  the build configuration to pack (default: Release)
  --no-restore     pack without a restore (after a build or restore of the same projects; native packs restore anyway)
  --image          the image repository to push (required without --dry-run when image is made)

Without --dry-run it needs a Native AOT package for every RID the tool names, and pushes, after every check passed:
each .nupkg with dotnet nuget push (NUGET_API_KEY; the RID packages before the one naming them), the .vsix
with tfx extension publish (MARKETPLACE_TOKEN), and the image as <version>, <major>.<minor> and <major> (a prior
docker login to the registry).

Example:
  build/release.sh --dry-run --out /tmp/lockstep-release
  build/release.sh --dry-run --only native --out /tmp/lockstep-native
EOF
}

root=$(cd "$(dirname "$0")/.." && pwd)
dry_run=false
tag=""
out="$root/artifacts/release"
only="nuget,native,vsix,image"
native_from=""
configuration=Release
no_restore=()
image=""

fail() { echo "error: $1" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=true ;;
    --tag) tag=${2:?--tag needs a value}; shift ;;
    --out) out=${2:?--out needs a value}; shift ;;
    --only) only=${2:?--only needs a value}; shift ;;
    --native-from) native_from=${2:?--native-from needs a value}; shift ;;
    --configuration) configuration=${2:?--configuration needs a value}; shift ;;
    --no-restore) no_restore=(--no-restore) ;;
    --image) image=${2:?--image needs a value}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) fail "release.sh:1: arguments: unknown option $1 (see --help)" ;;
  esac
  shift
done

makes() { [[ ",$only," == *",$1,"* ]]; }
for part in ${only//,/ }; do
  case "$part" in nuget|native|vsix|image) ;; *) fail "release.sh:1: --only: unknown artifact $part (nuget, native, vsix, image)" ;; esac
done

# The one version.
props="$root/Directory.Build.props"
version_line=$(grep -n '<Version>' "$props" | head -1 | cut -d: -f1)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$props" | head -1)
[ -n "$version" ] || fail "Directory.Build.props:1: Version: no <Version> element"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "Directory.Build.props:$version_line: Version: $version is not major.minor.patch"
if [ -z "$tag" ] && [ "${GITHUB_REF_TYPE:-}" = tag ]; then
  tag=$GITHUB_REF_NAME
fi
if [ -n "$tag" ] && [ "$tag" != "v$version" ]; then
  fail "Directory.Build.props:$version_line: Version: the tag $tag is not v$version"
fi
major=${version%%.*}
minor_rest=${version#*.}
minor=$major.${minor_rest%%.*}

# The RIDs the tool is packed for (ToolPackageRuntimeIdentifiers of src/Lockstep.Cli), and this machine's.
cli_project="$root/src/Lockstep.Cli/Lockstep.Cli.csproj"
read -r -a tool_rids <<<"$(sed -n 's:.*<ToolPackageRuntimeIdentifiers>\(.*\)</ToolPackageRuntimeIdentifiers>.*:\1:p' "$cli_project" | tr ';' ' ')"
[ ${#tool_rids[@]} -gt 0 ] || fail "src/Lockstep.Cli/Lockstep.Cli.csproj:1: ToolPackageRuntimeIdentifiers: not found"
native_rids=()
for rid in "${tool_rids[@]}"; do [ "$rid" = any ] || native_rids+=("$rid"); done
case "$(uname -s)" in Linux) host_os=linux ;; Darwin) host_os=osx ;; MINGW*|MSYS*|CYGWIN*) host_os=win ;; *) host_os=unknown ;; esac
case "$(uname -m)" in x86_64|amd64) host_arch=x64 ;; aarch64|arm64) host_arch=arm64 ;; *) host_arch=unknown ;; esac
host_rid=$host_os-$host_arch
# Native AOT warnings of referenced assemblies that were reviewed (src/Lockstep.Cli/Lockstep.Cli.csproj says why).
reviewed_aot_warnings="DuckDB.NET.Data Octokit Parquet"

if ! $dry_run; then
  makes nuget && { [ -n "${NUGET_API_KEY:-}" ] || fail "release.sh:1: NUGET_API_KEY: not set (the NuGet push needs it; --dry-run does not)"; }
  makes vsix && { [ -n "${MARKETPLACE_TOKEN:-}" ] || fail "release.sh:1: MARKETPLACE_TOKEN: not set (tfx extension publish needs it; --dry-run does not)"; }
  makes image && { [ -n "$image" ] || fail "release.sh:1: --image: required to push the image (ghcr.io/OWNER/lockstep)"; }
fi

# Only the folders this script writes: --out may name a folder that holds other things.
rm -rf "$out/nuget" "$out/nuspec" "$out/vsix" "$out/image"
mkdir -p "$out"
out=$(cd "$out" && pwd)
checked=()

# ---- NuGet packages -------------------------------------------------------------------------------------------
packages=(
  "Lockstep.Cli:src/Lockstep.Cli/Lockstep.Cli.csproj"
  "Lockstep.Sdk:src/Lockstep.Sdk/Lockstep.Sdk.csproj"
  "Lockstep.Analyzers:analyzers/Lockstep.Analyzers/Lockstep.Analyzers.csproj"
  "Lockstep.Templates:templates/Lockstep.Templates.csproj"
)

# nuspec_value FILE ELEMENT: the text of the first <ELEMENT ...>text</ELEMENT> in the nuspec.
nuspec_value() { sed -n "s:.*<$2[^>]*>\\([^<]*\\)</$2>.*:\\1:p" "$1" | head -1; }

check_package() {
  local id=$1 nupkg=$2 nuspec entries
  [ -f "$nupkg" ] || fail "$nupkg:1: package: $id $version was not packed"
  nuspec=$(mktemp)
  unzip -p "$nupkg" "$id.nuspec" >"$nuspec" || fail "$nupkg:1: nuspec: $id.nuspec is missing"
  entries=$(unzip -Z1 "$nupkg")
  [ "$(nuspec_value "$nuspec" id)" = "$id" ] || fail "$nupkg:1: id: expected $id"
  [ "$(nuspec_value "$nuspec" version)" = "$version" ] || fail "$nupkg:1: version: expected $version"
  [ -n "$(nuspec_value "$nuspec" description)" ] || fail "$nupkg:1: description: empty"
  [ "$(nuspec_value "$nuspec" authors)" = Lockstep ] || fail "$nupkg:1: authors: expected Lockstep"
  grep -q '<license type="expression">MIT</license>' "$nuspec" || fail "$nupkg:1: license: expected the expression MIT"
  grep -q '<repository type="git" url="https://github.com/lockstep-ml/lockstep"' "$nuspec" || fail "$nupkg:1: repository: expected https://github.com/lockstep-ml/lockstep"
  [ "$(nuspec_value "$nuspec" projectUrl)" = https://github.com/lockstep-ml/lockstep ] || fail "$nupkg:1: projectUrl: expected https://github.com/lockstep-ml/lockstep"
  local readme icon
  readme=$(nuspec_value "$nuspec" readme)
  icon=$(nuspec_value "$nuspec" icon)
  [ -n "$readme" ] && grep -qxF "$readme" <<<"$entries" || fail "$nupkg:1: readme: ${readme:-none} is not in the package"
  [ -n "$icon" ] && grep -qxF "$icon" <<<"$entries" || fail "$nupkg:1: icon: ${icon:-none} is not in the package"
  rm -f "$nuspec"
  checked+=("$nupkg")
}

if makes nuget || makes image; then
  mkdir -p "$out/nuget"
  for entry in "${packages[@]}"; do
    id=${entry%%:*}
    project=${entry#*:}
    # The image needs the tool only.
    if ! makes nuget && [ "$id" != Lockstep.Cli ]; then continue; fi
    echo "pack $id $version"
    # The nuspec goes beside the artifacts, not into obj/, where another pack of the same project may be writing.
    dotnet pack "$root/$project" -c "$configuration" "${no_restore[@]}" -o "$out/nuget" -p:NuspecOutputPath="$out/nuspec/" \
      -nologo -v:q -nodeReuse:false >"$out/pack-$id.log" 2>&1 \
      || { cat "$out/pack-$id.log" >&2; fail "$project:1: pack: dotnet pack failed (log above)"; }
    check_package "$id" "$out/nuget/$id.$version.nupkg"
    if [ "$id" = Lockstep.Cli ] && makes nuget; then
      echo "pack Lockstep.Cli.any $version (framework-dependent)"
      # A restore for RID any, which the build-wide restore does not make: never --no-restore here.
      dotnet pack "$root/$project" -c "$configuration" -r any -o "$out/nuget" -p:NuspecOutputPath="$out/nuspec/any/" \
        -nologo -v:q -nodeReuse:false >"$out/pack-$id.any.log" 2>&1 \
        || { cat "$out/pack-$id.any.log" >&2; fail "$project:1: pack: dotnet pack -r any failed (log above)"; }
      check_package Lockstep.Cli.any "$out/nuget/Lockstep.Cli.any.$version.nupkg"
    fi
  done
fi

# ---- Native AOT tool packages ---------------------------------------------------------------------------------
# check_native RID: the package runs its executable directly, and exists for a RID the tool names.
check_native() {
  local rid=$1 nupkg="$out/nuget/Lockstep.Cli.$1.$version.nupkg"
  printf '%s\n' "${native_rids[@]}" | grep -qxF "$rid" \
    || fail "$nupkg:1: RID: $rid is not in ToolPackageRuntimeIdentifiers of src/Lockstep.Cli/Lockstep.Cli.csproj"
  check_package "Lockstep.Cli.$rid" "$nupkg"
  unzip -p "$nupkg" "tools/any/$rid/DotnetToolSettings.xml" | grep -q 'Runner="executable"' \
    || fail "$nupkg:1: DotnetToolSettings.xml: not a native executable tool"
}

if makes native; then
  printf '%s\n' "${native_rids[@]}" | grep -qxF "$host_rid" \
    || fail "src/Lockstep.Cli/Lockstep.Cli.csproj:1: ToolPackageRuntimeIdentifiers: this machine's RID $host_rid is not listed"
  mkdir -p "$out/nuget"
  echo "pack Lockstep.Cli.$host_rid $version (Native AOT)"
  dotnet pack "$cli_project" -c "$configuration" -r "$host_rid" -o "$out/nuget" -p:NuspecOutputPath="$out/nuspec/$host_rid/" \
    -nologo -v:q -nodeReuse:false >"$out/pack-Lockstep.Cli.$host_rid.log" 2>&1 \
    || { cat "$out/pack-Lockstep.Cli.$host_rid.log" >&2; fail "src/Lockstep.Cli/Lockstep.Cli.csproj:1: pack: dotnet pack -r $host_rid failed (log above)"; }
  # A referenced assembly with trim or AOT warnings that nobody reviewed stops the release.
  for assembly in $(sed -n "s/.*warning IL\(2104\|3053\): Assembly '\([^']*\)'.*/\2/p" "$out/pack-Lockstep.Cli.$host_rid.log" | sort -u); do
    [[ " $reviewed_aot_warnings " == *" $assembly "* ]] \
      || fail "src/Lockstep.Cli/Lockstep.Cli.csproj:1: Native AOT: $assembly has trim or AOT warnings that were not reviewed"
  done
  check_native "$host_rid"
fi

if [ -n "$native_from" ]; then
  mkdir -p "$out/nuget"
  found=false
  for nupkg in "$native_from"/Lockstep.Cli.*."$version".nupkg; do
    [ -f "$nupkg" ] || continue
    rid=$(basename "$nupkg" ".$version.nupkg")
    rid=${rid#Lockstep.Cli.}
    [ "$rid" = any ] && continue
    found=true
    cp "$nupkg" "$out/nuget/"
    check_native "$rid"
  done
  $found || fail "$native_from:1: --native-from: no Lockstep.Cli.<rid>.$version.nupkg"
fi

if makes nuget; then
  missing=()
  for rid in "${native_rids[@]}"; do
    [ -f "$out/nuget/Lockstep.Cli.$rid.$version.nupkg" ] || missing+=("$rid")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    $dry_run || fail "src/Lockstep.Cli/Lockstep.Cli.csproj:1: ToolPackageRuntimeIdentifiers: no Native AOT package for ${missing[*]} (pack each on its OS with --only native; pass them with --native-from)"
    echo "not packed here (each is packed on its own OS): ${missing[*]/#/Lockstep.Cli.}"
  fi
fi

# ---- Azure DevOps extension -----------------------------------------------------------------------------------
if makes vsix; then
  extension="$root/action/azure-devops"
  manifest_version=$(jq -r .version "$extension/vss-extension.json")
  [ "$manifest_version" = "$version" ] || fail "action/azure-devops/vss-extension.json:1: version: $manifest_version is not $version"
  task_version=$(jq -r '"\(.version.Major).\(.version.Minor).\(.version.Patch)"' "$extension/LockstepGate/task.json")
  [ "$task_version" = "$version" ] || fail "action/azure-devops/LockstepGate/task.json:1: version: $task_version is not $version"
  echo "package the Azure DevOps extension $version"
  # The task ships its production dependencies only; tfx-cli comes from the extension's own lock file.
  npm ci --prefix "$extension/LockstepGate" --omit=dev --no-audit --no-fund >"$out/npm-task.log" 2>&1 \
    || { cat "$out/npm-task.log" >&2; fail "action/azure-devops/LockstepGate/package-lock.json:1: npm ci: failed (log above)"; }
  npm ci --prefix "$extension" --no-audit --no-fund >"$out/npm-tfx.log" 2>&1 \
    || { cat "$out/npm-tfx.log" >&2; fail "action/azure-devops/package-lock.json:1: npm ci: failed (log above)"; }
  mkdir -p "$out/vsix"
  (cd "$extension" && node_modules/.bin/tfx extension create --manifest-globs vss-extension.json \
    --output-path "$out/vsix" --no-prompt --no-color >"$out/tfx-create.log" 2>&1) \
    || { cat "$out/tfx-create.log" >&2; fail "action/azure-devops/vss-extension.json:1: tfx extension create: failed (log above)"; }
  vsix="$out/vsix/lockstep-ml.lockstep-$version.vsix"
  [ -f "$vsix" ] || fail "action/azure-devops/vss-extension.json:1: vsix: lockstep-ml.lockstep-$version.vsix was not created"
  unzip -p "$vsix" extension.vsixmanifest | grep -q "Version=\"$version\"" \
    || fail "$vsix:1: extension.vsixmanifest: does not name version $version"
  unzip -p "$vsix" LockstepGate/task.json | jq -e ".version.Major == $major" >/dev/null \
    || fail "$vsix:1: LockstepGate/task.json: not in the vsix or of another version"
  checked+=("$vsix")
fi

# ---- The action's image build context -------------------------------------------------------------------------
if makes image; then
  context="$out/image"
  mkdir -p "$context/packages"
  cp "$root/action/Dockerfile" "$root/action/.dockerignore" "$context/"
  # The image runs the linux-x64 Native AOT executable; the package naming it comes along for dotnet tool install.
  [ -f "$out/nuget/Lockstep.Cli.linux-x64.$version.nupkg" ] \
    || fail "action/Dockerfile:1: image: needs Lockstep.Cli.linux-x64.$version.nupkg (--only native on linux-x64, or --native-from)"
  cp "$out/nuget/Lockstep.Cli.$version.nupkg" "$out/nuget/Lockstep.Cli.linux-x64.$version.nupkg" "$context/packages/"
  grep -qx "ARG LOCKSTEP_VERSION=$version" "$context/Dockerfile" \
    || fail "action/Dockerfile:1: LOCKSTEP_VERSION: the default is not $version"
  checked+=("$context")
fi

echo "checked (version $version):"
printf '  %s\n' "${checked[@]}"

if $dry_run; then
  echo "dry run: nothing pushed"
  exit 0
fi

# ---- Push, only once everything above passed ------------------------------------------------------------------
if makes nuget; then
  # The RID packages first: the package naming them must never be installable before they are.
  pushes=("${native_rids[@]/#/Lockstep.Cli.}" Lockstep.Cli.any)
  for entry in "${packages[@]}"; do pushes+=("${entry%%:*}"); done
  for id in "${pushes[@]}"; do
    # --skip-duplicate: a re-run of a release whose NuGet push already went through continues with the rest.
    dotnet nuget push "$out/nuget/$id.$version.nupkg" --source https://api.nuget.org/v3/index.json \
      --api-key "$NUGET_API_KEY" --skip-duplicate
  done
fi
if makes vsix; then
  (cd "$root/action/azure-devops" && node_modules/.bin/tfx extension publish --vsix "$out/vsix/lockstep-ml.lockstep-$version.vsix" \
    --token "$MARKETPLACE_TOKEN" --no-prompt --no-color)
fi
if makes image; then
  docker build --build-arg "LOCKSTEP_VERSION=$version" --tag "$image:$version" "$out/image"
  docker run --rm --entrypoint /lockstep/lockstep "$image:$version" github-action --help >/dev/null
  for t in "$version" "$minor" "$major"; do
    docker tag "$image:$version" "$image:$t"
    docker push "$image:$t"
  done
fi
echo "released $version"
