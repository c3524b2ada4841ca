// Before any test file: a configured Neo4j must answer, and CI must have one.
'use strict';
const { readNeo4jEnv, skipNotice } = require('./neo4j-env.js');

module.exports = async function globalSetup() {
  const settings = readNeo4jEnv(process.env);
  const required = process.env.CI === 'true' || process.env.FIELDTRAIL_REQUIRE_NEO4J === '1';
  if (!settings) {
    if (required) throw new Error(`CI must run the Neo4j suites, and no Neo4j is configured. ${skipNotice}`);
    return;
  }
  const neo4j = require('neo4j-driver');
  const driver = neo4j.driver(settings.NEO4J_URI, neo4j.auth.basic(settings.NEO4J_USER || 'neo4j', settings.NEO4J_PASSWORD || ''));
  try {
    await driver.verifyConnectivity({ database: settings.NEO4J_DATABASE });
  } catch (err) {
    throw new Error(`Neo4j at ${settings.NEO4J_URI} (from ${settings.from}) does not answer: ${String(err.message).split('\n')[0]}. Start it with \`npm run neo4j:start\`, or remove the stale settings.`);
  } finally {
    await driver.close();
  }
};
