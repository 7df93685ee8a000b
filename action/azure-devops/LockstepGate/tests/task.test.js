'use strict';

// The task run under azure-pipelines-task-lib's mock-test runner: each *.run.js plays one agent situation with
// answers for which/exist/exec, and these tests read the logging commands the task wrote.

const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { after, test } = require('node:test');

// The mock runner starts each *.run.js with the Node of the task's handler (Node20_1), fetched into
// $HOME/azure-pipelines-task-lib/_download unless already there. Offline, this Node 20 stands in for it.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lockstep-task-'));
process.env.HOME = home;
const download = path.join(home, 'azure-pipelines-task-lib', '_download', 'node20');
fs.mkdirSync(path.join(download, 'node-v20.13.1-linux-x64', 'bin'), { recursive: true });
fs.symlinkSync(process.execPath, path.join(download, 'node-v20.13.1-linux-x64', 'bin', 'node'));
fs.writeFileSync(`${download}.completed`, '');
after(() => fs.rmSync(home, { recursive: true, force: true }));

const { MockTestRunner } = require('azure-pipelines-task-lib/mock-test');
const { INSTALL, LOCKSTEP, TOKEN } = require('./agent');

const taskJson = path.join(__dirname, '..', 'task.json');

/** The task results in the log: every path must end with exactly one. */
function taskResults(tr) {
  return tr.stdout.replace(/\r\n/g, '\n').split('\n').filter((line) => line.includes('##vso[task.complete'));
}

async function run(name) {
  const runner = new MockTestRunner(path.join(__dirname, `${name}.run.js`), taskJson);
  await runner.runAsync();
  return runner;
}

test('the first run installs the tool into the tool cache, runs the gate and fails with it', async () => {
  const tr = await run('install-then-gate-fails');

  assert.ok(tr.ran(INSTALL), tr.stdout);
  assert.ok(tr.ran(`${LOCKSTEP} azure-task`), tr.stdout);
  assert.equal(tr.invokedToolCount, 2);
  assert.ok(tr.failed);
  assert.deepEqual(taskResults(tr), ['##vso[task.complete result=Failed;]Lockstep gate: fail'], 'lockstep\'s own result is the only one');
  assert.ok(tr.stdout.includes('##vso[task.setvariable variable=verdict;isOutput=true;]fail'), tr.stdout);
  assert.ok(tr.stdout.includes(`##vso[task.setsecret]${TOKEN}`), 'the job token is masked');
});

test('a cached tool is used as it is and a passing gate passes the task', async () => {
  const tr = await run('cached-gate-passes');

  assert.ok(tr.succeeded, tr.stdout);
  assert.equal(taskResults(tr).length, 1, tr.stdout);
  assert.equal(tr.invokedToolCount, 1);
  assert.ok(!tr.ran(INSTALL));
  assert.equal(tr.errorIssues.length, 0);
});

test('without the .NET SDK the task says to add UseDotNet@2', async () => {
  const tr = await run('no-dotnet');

  assert.ok(tr.failed);
  assert.equal(tr.invokedToolCount, 0);
  assert.match(tr.errorIssues.join('\n'), /^Lockstep: the \.NET SDK is not on this agent: add the UseDotNet@2 task/);
});

test('a failed install fails the task and names the feed', async () => {
  const tr = await run('install-fails');

  assert.ok(tr.failed);
  assert.ok(tr.createdErrorIssue('Lockstep: dotnet tool install Lockstep.Cli --version 0.1.0 failed with exit code 1; check that the agent can reach the NuGet feed that serves Lockstep.Cli'), tr.errorIssues.join('\n'));
});

test('a preinstalled lockstep is taken from PATH and an undecided gate fails the task', async () => {
  const tr = await run('preinstalled-undecided');

  assert.ok(tr.failed);
  assert.equal(tr.invokedToolCount, 1);
  assert.ok(tr.createdErrorIssue('Lockstep could not decide (exit code 2): see the error above'), tr.errorIssues.join('\n'));
  assert.equal(taskResults(tr).length, 1, tr.stdout);
  assert.ok(tr.stdout.includes('##vso[task.setsecret]pat-from-a-secret-variable'), 'a token input is masked');
});

test('a lockstep that stops before its result (a crash) gets one from the task', async () => {
  const tr = await run('lockstep-crashes');

  assert.ok(tr.failed);
  assert.equal(taskResults(tr).length, 1, tr.stdout);
  assert.ok(tr.createdErrorIssue('Lockstep could not decide (exit code 134): see the error above'), tr.errorIssues.join('\n'));
});

test('a task result quoted inside another line is not taken for lockstep\'s own', () => {
  const { isTaskResult } = require('../lockstep');

  assert.ok(isTaskResult('##vso[task.complete result=Failed;]Lockstep gate: fail'));
  assert.ok(!isTaskResult('what to do: # #vso[task.complete result=Succeeded]'));
  assert.ok(!isTaskResult('##vso[task.logissue type=error;]x ##vso[task.complete result=Succeeded]'));
});
