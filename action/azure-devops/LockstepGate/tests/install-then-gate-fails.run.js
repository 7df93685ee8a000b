'use strict';

const { DOTNET, INSTALL, LOCKSTEP, taskRunner } = require('./agent');

const runner = taskRunner({ commentMode: 'changes', failOn: 'fail' });
runner.setAnswers({
  which: { dotnet: DOTNET },
  checkPath: { [DOTNET]: true, [LOCKSTEP]: true },
  exist: { [LOCKSTEP]: false },
  exec: {
    [INSTALL]: { code: 0, stdout: "Tool 'lockstep.cli' (version '0.1.0') was successfully installed." },
    [`${LOCKSTEP} azure-task`]: {
      code: 1,
      stdout: [
        '##vso[task.logissue type=error;sourcepath=lockstep.yml;linenumber=7;]Lockstep gate \'drift-rollback\' failed (rollback): PSI > 0.25? Roll back.',
        '##vso[task.setvariable variable=verdict;isOutput=true;]fail',
        'comment updated: https://dev.azure.com/fabrikam/Fabrikam-Fiber/_git/model-repo/pullrequest/22?discussionId=201',
        '##vso[task.complete result=Failed;]Lockstep gate: fail',
      ].join('\n'),
    },
  },
});
runner.run();
