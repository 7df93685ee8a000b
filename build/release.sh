#!/usr/bin/env bash
# Releases everything a user installs, under the one version in Directory.Build.props:
#   NuGet:       Lockstep.Cli (the tool), Lockstep.Sdk, Lockstep.Analyzers, Lockstep.Templates
#   Marketplace: the Azure DevOps extension (.vsix, tfx extension create / publish)
#   ghcr.io:     the GitHub Action's image, built from action/ with the packed tool in its packages/ folder
# Every artifact is packed and checked before anything is pushed; --dry-run stops after the checks.
# docs/releasing.md describes the steps, the secrets and the options.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: build/release.sh [--dry-run] [--tag vX.Y.Z] [--out DIR] [--only nuget,vsix,image]
                        [--configuration Release] [--no-restore] [--image ghcr.io/OWNER/lockstep]

  --dry-run        pack and check every artifact; push nothing (needs no secret)
  --tag            the release tag; must be v<Version> of Directory.Build.props (default: $GITHUB_REF_NAME if it is a tag)
  --out            where the artifacts go (default: artifacts/release)
  --only           the artifacts to make (default: nuget,vsix,image)
  --configuration  the build configuration to pack (default: Release)
  --no-restore     pack without a restore (after a build or restore of the same projects)
  --image          the image repository to push (required without --dry-run when image is made)

Without --dry-run it pushes, after every check passed: each .nupkg with dotnet nuget push (NUGET_API_KEY), the .vsix
with tfx extension publish (MARKETPLACE_TOKEN), and the image as <version>, <major>.<minor> and <major> (a prior
docker login to the registry).

Example:
  build/release.sh --dry-run --out /tmp/lockstep-release
EOF
}

root=$(cd "$(dirname "$0")/.." && pwd)
dry_run=false
tag=""
out="$root/artifacts/release"
only="nuget,vsix,image"
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
  case "$part" in nuget|vsix|image) ;; *) fail "release.sh:1: --only: unknown artifact $part (nuget, vsix, image)" ;; esac
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
  done
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
  cp "$out/nuget/Lockstep.Cli.$version.nupkg" "$context/packages/"
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
  for entry in "${packages[@]}"; do
    # --skip-duplicate: a re-run of a release whose NuGet push already went through continues with the rest.
    dotnet nuget push "$out/nuget/${entry%%:*}.$version.nupkg" --source https://api.nuget.org/v3/index.json \
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
