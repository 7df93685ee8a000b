'use strict';

// The task's work, apart from its entry point: obtain the lockstep .NET tool, then run `lockstep azure-task` with the
// task's inputs passed on as INPUT_* variables (the names task-lib itself uses), so the CLI reads them as it would
// when the agent runs it directly.

const os = require('os');
const path = require('path');

/** The inputs `lockstep azure-task` reads (AzureTaskInputs.Names in Lockstep.AzureDevOps); a test keeps them in step. */
const CLI_INPUTS = [
  'policy', 'candidate', 'baseline', 'drift', 'events', 'doraSource', 'codeEnvironments', 'modelEnvironments',
  'codePipelines', 'modelPipelines', 'incidentType', 'codeIncidentTag', 'modelIncidentTag', 'doraDays',
  'token', 'commentMode', 'reportId', 'lane', 'failOn', 'workingDirectory', 'dashboardUrl',
];

const PREINSTALLED = 'preinstalled';

/** The environment for the lockstep process: the task's, with every input under the name task-lib gives it. */
function lockstepEnvironment(tl, baseEnvironment, token) {
  const environment = { ...baseEnvironment };
  for (const name of CLI_INPUTS) {
    const key = `INPUT_${name.toUpperCase()}`;
    const value = name === 'token' ? token : tl.getInput(name, false);
    if (value) {
      environment[key] = value;
    } else {
      delete environment[key];
    }
  }

  return environment;
}

/** The tool cache folder for a version: <Agent.ToolsDirectory>/lockstep/<version>/<arch>, as the tool installers lay it out. */
function toolFolder(tl, version) {
  const root = tl.getVariable('Agent.ToolsDirectory') || tl.getVariable('Agent.TempDirectory') || os.tmpdir();
  return path.join(root, 'lockstep', version, os.arch());
}

/** The lockstep executable: the one on PATH, the one already cached, or one installed now with `dotnet tool install`. */
async function obtainLockstep(tl, version) {
  if (version === PREINSTALLED) {
    return tl.which('lockstep', true);
  }

  const folder = toolFolder(tl, version);
  const executable = path.join(folder, process.platform === 'win32' ? 'lockstep.exe' : 'lockstep');
  if (tl.exist(executable)) {
    console.log(`Using lockstep ${version} from the tool cache: ${executable}`);
    return executable;
  }

  const dotnet = tl.which('dotnet', false);
  if (!dotnet) {
    throw new Error('the .NET SDK is not on this agent: add the UseDotNet@2 task before this one (packageType: sdk, version: 10.x), or install lockstep yourself and set lockstepVersion: preinstalled');
  }

  const code = await tl.tool(dotnet).arg(['tool', 'install', 'Lockstep.Cli', '--version', version, '--tool-path', folder]).exec({ ignoreReturnCode: true });
  if (code !== 0) {
    throw new Error(`dotnet tool install Lockstep.Cli --version ${version} failed with exit code ${code}; check that the agent can reach the NuGet feed that serves Lockstep.Cli`);
  }

  return executable;
}

/**
 * Whether a line of lockstep's output is the task result it sends (`##vso[task.complete …]`). Text from the inputs
 * cannot pose as one: lockstep neutralises `##vso[` in everything it prints but its own commands.
 */
function isTaskResult(line) {
  return line.startsWith('##vso[task.complete ');
}

/**
 * Runs the task; the lockstep process writes the issues, variables, summary and result itself. The task sets a result
 * only when lockstep could not send one (it was not installed, or it stopped before the end), so a run has one.
 */
async function run(tl) {
  try {
    const token = tl.getInput('token', false) || tl.getEndpointAuthorizationParameter('SystemVssConnection', 'AccessToken', true);
    if (token) {
      tl.setSecret(token);
    }

    const lockstep = await obtainLockstep(tl, tl.getInput('lockstepVersion', false) || '0.1.0');
    const tool = tl.tool(lockstep).arg('azure-task');
    let completed = false;
    tool.on('stdline', (line) => {
      completed = completed || isTaskResult(line);
    });
    const code = await tool.exec({
      cwd: tl.getVariable('System.DefaultWorkingDirectory') || process.cwd(),
      env: lockstepEnvironment(tl, process.env, token),
      ignoreReturnCode: true,
    });
    if (completed) {
      // lockstep ended the task itself, with failOn applied: a second result would contradict it.
      return;
    }

    if (code === 1) {
      tl.setResult(tl.TaskResult.Failed, 'Lockstep: a gate failed');
    } else if (code !== 0) {
      tl.setResult(tl.TaskResult.Failed, `Lockstep could not decide (exit code ${code}): see the error above`);
    }
  } catch (error) {
    tl.setResult(tl.TaskResult.Failed, `Lockstep: ${error.message}`);
  }
}

module.exports = { CLI_INPUTS, PREINSTALLED, isTaskResult, lockstepEnvironment, obtainLockstep, run, toolFolder };
