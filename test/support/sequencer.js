// Longest test files first, so that no worker is left with a long file at the end of the run.
// Jest knows durations from its cache after a first run; a fresh clone (CI) has none, and jest
// would order by file size, which starts the M-scale Neo4j files last. These estimates (ms, from
// a run on the 2-core machine) stand in until the cache has its own figures.
'use strict';
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const ESTIMATED_MS = {
  'store/neo4j-plans.test.ts': 300_000,
  'store/copy-round-trip.test.ts': 200_000,
  'store/neo4j-cypher.test.ts': 110_000,
  'store/neo4j.contract.test.ts': 80_000,
  'cli/stores.test.ts': 65_000,
  'e2e/graphql-api.test.ts': 60_000,
  'domain/fast-manifest.test.ts': 45_000,
  'cli/cli.test.ts': 45_000,
};
/** Files with no figure at all: short, as most are. */
const DEFAULT_MS = 5_000;

class LongestFirstSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const rel = path.relative(path.join(__dirname, '..'), test.path).split(path.sep).join('/');
    return ESTIMATED_MS[rel] ?? DEFAULT_MS;
  }
}

module.exports = LongestFirstSequencer;
