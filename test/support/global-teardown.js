// After every test file: say once, where it cannot be missed, that the Neo4j suites were skipped.
'use strict';
const { readNeo4jEnv, skipNotice } = require('./neo4j-env.js');

module.exports = async function globalTeardown() {
  if (!readNeo4jEnv(process.env)) process.stdout.write(`\n${skipNotice}\n`);
};
