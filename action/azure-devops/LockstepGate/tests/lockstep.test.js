'use strict';

// The task's own logic without a runner: how inputs reach the lockstep process, where the tool is cached, and that
// task.json, package.json, vss-extension.json and the CLI agree.

const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test } = require('node:test');
const { CLI_INPUTS, lockstepEnvironment, toolFolder } = require('../lockstep');

const root = path.join(__dirname, '..');
const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function fakeTaskLib(inputs, variables = {}) {
  return { getInput: (name) => inputs[name], getVariable: (name) => variables[name] };
}

test('inputs reach lockstep as INPUT_ variables named as task-lib names them, and stale ones are removed', () => {
  const tl = fakeTaskLib({ candidate: 'out/candidate.json', commentMode: 'changes', codeEnvironments: 'production\nproduction-eu' });

  const environment = lockstepEnvironment(tl, { PATH: '/usr/bin', INPUT_BASELINE: 'stale.json' }, 'the-token');

  assert.equal(environment.INPUT_CANDIDATE, 'out/candidate.json');
  assert.equal(environment.INPUT_COMMENTMODE, 'changes');
  assert.equal(environment.INPUT_CODEENVIRONMENTS, 'production\nproduction-eu');
  assert.equal(environment.INPUT_TOKEN, 'the-token');
  assert.equal(environment.PATH, '/usr/bin');
  assert.ok(!('INPUT_BASELINE' in environment));
});

test('the tool is cached per version and architecture under the agent tools directory', () => {
  const folder = toolFolder(fakeTaskLib({}, { 'Agent.ToolsDirectory': '/agent/_tool' }), '0.1.0');

  assert.equal(folder, path.join('/agent/_tool', 'lockstep', '0.1.0', os.arch()));
});

test('every input lockstep reads is a task.json input, and the only other one picks the version', () => {
  const names = read('task.json').inputs.map((input) => input.name);

  assert.deepEqual(names.filter((name) => !CLI_INPUTS.includes(name)), ['lockstepVersion']);
  assert.deepEqual(CLI_INPUTS.filter((name) => !names.includes(name)), []);
});

test('task.json, package.json, vss-extension.json and the default tool version agree', () => {
  const task = read('task.json');
  const taskVersion = `${task.version.Major}.${task.version.Minor}.${task.version.Patch}`;
  const extension = JSON.parse(fs.readFileSync(path.join(root, '..', 'vss-extension.json'), 'utf8'));

  assert.equal(read('package.json').version, taskVersion);
  assert.equal(extension.version, taskVersion);
  assert.equal(task.inputs.find((input) => input.name === 'lockstepVersion').defaultValue, taskVersion);
  assert.equal(Object.keys(task.execution)[0], 'Node20_1');
  assert.deepEqual(extension.files.map((file) => file.path), ['LockstepGate']);
  assert.equal(extension.contributions[0].properties.name, 'LockstepGate');
});
