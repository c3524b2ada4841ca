// The test Neo4j's settings for jest's global hooks (plain JS: they run before any transform).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ENV_FILE = path.resolve(__dirname, '..', '..', '.neo4j', 'env');

const skipNotice =
  'Neo4j suites SKIPPED: no Neo4j configured. Run `npm run neo4j:start` (needs Java 17 and Maven), then `npm test`; `npm run neo4j:stop` afterwards.';

function readNeo4jEnv(env) {
  if (env.NEO4J_URI) return { ...env, from: 'NEO4J_URI' };
  if (!fs.existsSync(ENV_FILE)) return null;
  const values = { from: '.neo4j/env' };
  for (const line of fs.readFileSync(ENV_FILE, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) values[m[1]] = m[2];
  }
  return values.NEO4J_URI ? values : null;
}

/**
 * The databases test files may use, one per jest worker: FIELDTRAIL_TEST_NEO4J_URIS (written by
 * `npm run neo4j:start`, one per server it started), else the one NEO4J_URI.
 */
function testNeo4jUris(values) {
  if (!values) return [];
  const listed = (values.FIELDTRAIL_TEST_NEO4J_URIS || '').split(',').map((u) => u.trim()).filter(Boolean);
  return listed.length > 0 ? listed : [values.NEO4J_URI];
}

module.exports = { readNeo4jEnv, testNeo4jUris, skipNotice, ENV_FILE };
