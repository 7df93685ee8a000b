'use strict';

const path = require('path');
const { taskRunner } = require('./agent');

const lockstep = path.join(path.sep, 'usr', 'local', 'bin', 'lockstep');
const runner = taskRunner({ lockstepVersion: 'preinstalled' });
runner.setAnswers({
  which: { lockstep },
  checkPath: { [lockstep]: true },
  exec: {
    [`${lockstep} azure-task`]: {
      code: 134,
      stdout: '##vso[task.setvariable variable=verdict;isOutput=true;]fail',
      stderr: 'Unhandled exception. System.IO.IOException: No space left on device',
    },
  },
});
runner.run();
