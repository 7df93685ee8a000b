'use strict';

const { LOCKSTEP, taskRunner } = require('./agent');

const runner = taskRunner({});
runner.setAnswers({ which: {}, checkPath: {}, exist: { [LOCKSTEP]: false }, exec: {} });
runner.run();
