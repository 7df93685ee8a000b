#!/usr/bin/env bash
# The analyzer precision study (docs/rules/precision.md): runs every Lockstep analyzer over three public corpora of
# .NET ML code at pinned commits, writes each diagnostic as a JSON line, and prints the per-rule precision of the
# hand-labelled sample (benchmarks/precision/labels.tsv). Not run by CI: it needs the corpora, which are never copied
# into this repository.
#
#   benchmarks/analyzer-precision.sh ML_SAMPLES_GIT ML_GIT TORCHSHARP_EXAMPLES_GIT [OUT_DIR]
#
# Each argument is a clone (or a bare mirror) of github.com/dotnet/machinelearning-samples, dotnet/machinelearning
# and dotnet/TorchSharpExamples holding the commits below; large data files may be missing from it, only the sources
# are read. dotnet/machinelearning gives its docs/samples as a corpus and its src/ for the packages the NuGet
# registry does not serve (Microsoft.Extensions.ML, the time-series, recommender and AutoML packages, …).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 3 ] || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
samples_git=$1 ml_git=$2 torch_git=$3
out=${4:-/tmp/lockstep-precision}

samples_commit=427ccb68ab1da8f0600bf7653b5158ec1f04c3cb
ml_commit=cd2fbd617c13bcb98ec8b6554bfa20ac603e4572
torch_commit=32e047a6d7bc3ea00bb02963128c317260f6d210

# The C# sources and project files of a commit, without the work tree's data files (some are LFS or absent).
extract() {
  local git=$1 commit=$2 target=$3
  rm -rf "$target" && mkdir -p "$target"
  git --git-dir="$(git -C "$git" rev-parse --absolute-git-dir 2>/dev/null || echo "$git")" ls-tree -r --name-only "$commit" \
    | grep -E '\.(cs|csproj|props|targets)$' \
    | while IFS= read -r file; do
        mkdir -p "$target/$(dirname "$file")"
        git --git-dir="$(git -C "$git" rev-parse --absolute-git-dir 2>/dev/null || echo "$git")" cat-file blob "$commit:$file" > "$target/$file"
      done
}

mkdir -p "$out"
echo "extracting the corpora into $out/corpora" >&2
extract "$samples_git" "$samples_commit" "$out/corpora/machinelearning-samples"
extract "$ml_git" "$ml_commit" "$out/corpora/machinelearning"
extract "$torch_git" "$torch_commit" "$out/corpora/TorchSharpExamples"

dotnet run -c Release --project "$repo/tests/Lockstep.Benchmarks" -- analyzer-study \
  --corpus "machinelearning-samples=$out/corpora/machinelearning-samples@$samples_commit" \
  --corpus "ml-docs-samples=$out/corpora/machinelearning/docs/samples@$ml_commit" \
  --corpus "TorchSharpExamples=$out/corpora/TorchSharpExamples@$torch_commit" \
  --package-sources "$out/corpora/machinelearning/src" \
  --out "$out/findings.jsonl" 2> "$out/study.log"
tail -n 1 "$out/study.log" >&2 || true

# The table of docs/rules/precision.md; a new finding in the sample is listed, to be labelled by hand.
dotnet run -c Release --no-build --project "$repo/tests/Lockstep.Benchmarks" -- analyzer-precision \
  --findings "$out/findings.jsonl" --labels "$repo/benchmarks/precision/labels.tsv"
