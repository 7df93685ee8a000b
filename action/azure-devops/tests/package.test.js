'use strict';

// Packages the extension with tfx-cli, offline, and checks the .vsix: the manifest, the task with its production
// dependencies, and a size far under the 25 MiB older Azure DevOps Servers accept.

const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test } = require('node:test');

const root = path.join(__dirname, '..');
const limit = 25 * 1024 * 1024;

test('tfx extension create packages the task and its dependencies into a small vsix', () => {
  assert.ok(fs.existsSync(path.join(root, 'LockstepGate', 'node_modules', 'azure-pipelines-task-lib')), 'run npm ci in LockstepGate first');
  const output = fs.mkdtempSync(path.join(os.tmpdir(), 'lockstep-vsix-'));
  try {
    execFileSync(
      process.execPath,
      [require.resolve('tfx-cli/_build/tfx-cli.js'), 'extension', 'create', '--manifest-globs', 'vss-extension.json', '--output-path', output, '--no-prompt', '--no-color'],
      { cwd: root, stdio: 'pipe' });

    const vsix = path.join(output, 'lockstep-ml.lockstep-0.1.0.vsix');
    const bytes = fs.readFileSync(vsix);
    // Entry names are stored as plain text in a zip's headers.
    for (const entry of ['extension.vsixmanifest', 'LockstepGate/task.json', 'LockstepGate/index.js', 'LockstepGate/lockstep.js', 'LockstepGate/node_modules/azure-pipelines-task-lib/task.js', 'overview.md']) {
      assert.ok(bytes.includes(Buffer.from(entry)), `${entry} is in the vsix`);
    }

    assert.ok(bytes.length < limit / 10, `the vsix is ${bytes.length} bytes`);
  } finally {
    fs.rmSync(output, { recursive: true, force: true });
  }
});
