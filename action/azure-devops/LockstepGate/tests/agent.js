'use strict';

// What the mock runs share: a fake agent (tool cache, working directory, the job's access token) and the paths the
// task derives from it.

const os = require('os');
const path = require('path');
const { TaskMockRunner } = require('azure-pipelines-task-lib/mock-run');

const TOOLS = path.join(path.sep, 'agent', '_tool');
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJuYW1laWQiOiJidWlsZCJ9.bW9jay10b2tlbg';
const DOTNET = path.join(path.sep, 'usr', 'bin', 'dotnet');
const FOLDER = path.join(TOOLS, 'lockstep', '0.1.0', os.arch());
const LOCKSTEP = path.join(FOLDER, process.platform === 'win32' ? 'lockstep.exe' : 'lockstep');
const INSTALL = `${DOTNET} tool install Lockstep.Cli --version 0.1.0 --tool-path ${FOLDER}`;

/** A runner for the task's entry point with the agent's variables and the inputs of a PR validation build. */
function taskRunner(inputs) {
  process.env.AGENT_TOOLSDIRECTORY = TOOLS;
  process.env.SYSTEM_DEFAULTWORKINGDIRECTORY = path.join(path.sep, 'agent', '_work', '1', 's');
  process.env.ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN = TOKEN;
  const runner = new TaskMockRunner(path.join(__dirname, '..', 'index.js'));
  for (const [name, value] of Object.entries({ candidate: 'out/candidate.json', baseline: 'out/baseline.json', ...inputs })) {
    runner.setInput(name, value);
  }

  return runner;
}

module.exports = { DOTNET, FOLDER, INSTALL, LOCKSTEP, TOKEN, taskRunner };
