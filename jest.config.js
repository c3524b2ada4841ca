const { readNeo4jEnv } = require('./test/support/neo4j-env.js');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking runs once in `npm test` (tsc --noEmit); jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  setupFiles: ['reflect-metadata'],
  // A configured Neo4j must answer (and CI must have one); a skip is announced at the very end.
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 30000,
  // Neo4j Community has one database, which test files take in turn (test/support/neo4j.ts); a
  // file waiting its turn in a parallel worker would run out its hooks' timeouts, so with a
  // Neo4j configured the files run one after another.
  ...(readNeo4jEnv(process.env) ? { maxWorkers: 1 } : {}),
};
