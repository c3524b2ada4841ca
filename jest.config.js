// Jest, split into projects that can run alone: `npx jest --selectProjects store`, or the npm
// scripts test:unit, test:store, test:api, test:process, test:browser. `npm test` runs them all.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { readNeo4jEnv, testNeo4jUris } = require('./test/support/neo4j-env.js');

const TEST_ROOT = path.join(__dirname, 'test');

/**
 * The projects, each by the test files it owns (paths under test/). Timeouts come from the
 * slowest test of each measured on this 2-core machine when quiet (docs/development.md), with
 * room for a machine loaded by other work: about 5× for tests that wait on servers or processes.
 */
const PROJECTS = [
  {
    name: 'unit',
    // No database, server or process: domain rules, the schema, Cypher text checked offline.
    files: [/^domain\//, /^bench\//, /^schema\.test\.ts$/, /^architecture\.test\.ts$/, /^compliance\/rules\.test\.ts$/, /^store\/neo4j-(cypher|records)\.test\.ts$/],
    testTimeout: 60_000,
  },
  {
    name: 'store',
    // The store contract and adapter tests, on SQLite and the test Neo4j.
    files: [/^store\/(?!copy-round-trip|neo4j-(cypher|records)\.test)/],
    testTimeout: 60_000,
  },
  {
    name: 'api',
    // GraphQL over a real HTTP server on a loopback port, and what it answers about the seed.
    files: [/^e2e\//, /^seeds\//, /^compliance\/(?!cli\.test|rules\.test)/, /^security\/(?!backup|crash-safety|concurrency)/],
    testTimeout: 60_000,
  },
  {
    name: 'process',
    // Tests that spawn the compiled CLI, a server process or the build (dist/ is built once by the
    // global setup).
    files: [/^cli\//, /^build\//, /^compliance\/cli\.test\.ts$/, /^security\/(backup|crash-safety|concurrency)\.test\.ts$/, /^store\/copy-round-trip\.test\.ts$/],
    testTimeout: 120_000,
  },
  {
    name: 'browser',
    // The dashboard in headless Chromium.
    files: [/^browser\//],
    testTimeout: 120_000,
    globalSetup: '<rootDir>/test/support/dashboard-setup.js',
  },
];

function listTests(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTests(full);
    return entry.name.endsWith('.test.ts') ? [path.relative(TEST_ROOT, full).split(path.sep).join('/')] : [];
  });
}

// Every test file in exactly one project: one in none would never run, one in two would run twice.
const owners = new Map(listTests(TEST_ROOT).map((file) => [file, PROJECTS.filter((p) => p.files.some((re) => re.test(file))).map((p) => p.name)]));
const misplaced = [...owners].filter(([, names]) => names.length !== 1);
if (misplaced.length > 0) {
  throw new Error(`jest.config.js: every test file belongs to exactly one project; ${misplaced.map(([file, names]) => `test/${file} is in ${names.length ? names.join(' and ') : 'none'}`).join('; ')}`);
}

/**
 * Workers: Neo4j Community has one database per server, and `npm run neo4j:start` starts one per
 * worker (FIELDTRAIL_TEST_NEO4J_URIS); with fewer databases than cores the workers are capped so
 * no test file waits on another's database past its hooks' timeouts.
 */
const neo4j = readNeo4jEnv(process.env);
const cores = Math.max(1, os.availableParallelism ? os.availableParallelism() : os.cpus().length);
const maxWorkers = neo4j ? Math.min(cores, testNeo4jUris(neo4j).length) : cores;

/** @type {import('jest').Config} */
module.exports = {
  // dist/ is built once (and type-checked) before any file; a configured Neo4j must answer.
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  maxWorkers,
  reporters: ['default', '<rootDir>/test/support/project-times-reporter.js'],
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: PROJECTS.map((project) => ({
    displayName: project.name,
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    testMatch: [...owners].filter(([, names]) => names[0] === project.name).map(([file]) => `<rootDir>/test/${file}`),
    transform: {
      // Type checking happened in the global setup's build; jest only transpiles (isolatedModules).
      '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    },
    setupFiles: ['reflect-metadata'],
    globals: { FIELDTRAIL_PROJECT_TEST_TIMEOUT_MS: project.testTimeout },
    setupFilesAfterEnv: ['<rootDir>/test/support/project-timeout.js'],
    ...(project.globalSetup ? { globalSetup: project.globalSetup } : {}),
  })),
};
