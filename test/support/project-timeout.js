// Each jest project's timeout (jest.config.js): jest-circus reads only the run-wide testTimeout,
// so the project's value travels in `globals` and is applied here, before the file's own code.
'use strict';
jest.setTimeout(globalThis.FIELDTRAIL_PROJECT_TEST_TIMEOUT_MS);
