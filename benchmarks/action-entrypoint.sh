# Sourced by the benchmarks that time the action's entrypoint. action_entrypoint WORK COMMAND... runs
# `COMMAND github-action` as a GitHub runner starts the action: a clean environment of GITHUB_* and INPUT_* variables
# (the demo's candidate, baseline and events; no token, so no network), WORK/github/workspace as the working
# directory, the event file and file commands under WORK/github.
action_entrypoint() {
  local work=$1
  shift
  (cd "$work/github/workspace" && env -i PATH="$PATH" HOME="$work/github/home" DOTNET_ROOT="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}" \
    GITHUB_ACTIONS=true CI=true GITHUB_WORKSPACE="$work/github/workspace" GITHUB_EVENT_PATH="$work/github/workflow/event.json" \
    GITHUB_OUTPUT="$work/github/file_commands/set_output" GITHUB_STEP_SUMMARY="$work/github/file_commands/step_summary" \
    GITHUB_REPOSITORY=octo-org/model-repo INPUT_CANDIDATE=candidate.json INPUT_BASELINE=baseline.json INPUT_EVENTS=events.jsonl \
    "$@" github-action)
}
