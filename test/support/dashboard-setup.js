// Before the browser tests (their project's global setup, so other projects never pay for it):
// the dashboard type-checked and built by Vite, skipped when its inputs are those of the last build.
'use strict';
const path = require('node:path');
const { buildPart, DASHBOARD } = require('../../scripts/build.js');

module.exports = async function dashboardSetup() {
  buildPart(path.join(__dirname, '..', '..'), DASHBOARD);
};
