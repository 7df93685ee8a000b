'use strict';

const tl = require('azure-pipelines-task-lib/task');
const { run } = require('./lockstep');

run(tl);
