'use strict';

const { DOTNET, INSTALL, LOCKSTEP, taskRunner } = require('./agent');

const runner = taskRunner({});
runner.setAnswers({
  which: { dotnet: DOTNET },
  checkPath: { [DOTNET]: true },
  exist: { [LOCKSTEP]: false },
  exec: { [INSTALL]: { code: 1, stderr: 'error NU1101: Unable to find package Lockstep.Cli.' } },
});
runner.run();
