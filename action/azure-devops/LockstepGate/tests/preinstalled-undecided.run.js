'use strict';

const path = require('path');
const { taskRunner } = require('./agent');

const lockstep = path.join(path.sep, 'usr', 'local', 'bin', 'lockstep');
const runner = taskRunner({ lockstepVersion: 'preinstalled', token: 'pat-from-a-secret-variable' });
runner.setAnswers({
  which: { lockstep },
  checkPath: { [lockstep]: true },
  exec: { [`${lockstep} azure-task`]: { code: 2, stderr: 'error: out/candidate.json: file not found' } },
});
runner.run();
