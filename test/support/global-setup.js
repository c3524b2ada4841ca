// Before any test file: dist/ is built (and type-checked) once, a configured Neo4j must answer,
// and CI must have one.
'use strict';
const { readNeo4jEnv, testNeo4jUris, skipNotice } = require('./neo4j-env.js');
const path = require('node:path');
const { buildPart, TESTS } = require('../../scripts/build.js');

module.exports = async function globalSetup() {
  // Compile once: src, tests, scripts and bench into dist/ (the type check too), skipped when
  // unchanged since the last build that passed; process tests spawn the compiled CLI.
  buildPart(path.join(__dirname, '..', '..'), TESTS);
  const settings = readNeo4jEnv(process.env);
  const required = process.env.CI === 'true' || process.env.FIELDTRAIL_REQUIRE_NEO4J === '1';
  if (!settings) {
    if (required) throw new Error(`CI must run the Neo4j suites, and no Neo4j is configured. ${skipNotice}`);
    return;
  }
  const neo4j = require('neo4j-driver');
  for (const uri of testNeo4jUris(settings)) {
    const driver = neo4j.driver(uri, neo4j.auth.basic(settings.NEO4J_USER || 'neo4j', settings.NEO4J_PASSWORD || ''));
    try {
      await driver.verifyConnectivity({ database: settings.NEO4J_DATABASE });
    } catch (err) {
      throw new Error(`Neo4j at ${uri} (from ${settings.from}) does not answer: ${String(err.message).split('\n')[0]}. Start it with \`npm run neo4j:start\`, or remove the stale settings.`);
    } finally {
      await driver.close();
    }
  }
};
