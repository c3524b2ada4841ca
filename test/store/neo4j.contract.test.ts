/**
 * The shared store contract against the project's real Neo4j 5 server (`npm run neo4j:start`,
 * or NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD). Every store opens on an emptied database and empties
 * it again when closed. Without a configured Neo4j the suite is skipped (CI fails instead).
 */
import { describeStoreContract } from './contract';
import { expectNeo4jLeftEmpty, neo4jTestSettings } from '../support/neo4j';
import { openTestStore, testStoreKinds } from '../support/stores';

if (testStoreKinds().includes('neo4j')) {
  // Every store the contract opened is closed by now: the test database must hold nothing at all
  // (inventory, version nodes, audit entries, API keys, snapshots).
  afterAll(expectNeo4jLeftEmpty);
  describeStoreContract('neo4j', () => openTestStore('neo4j'));
} else {
  test.skip(`Neo4j store contract (no Neo4j configured: ${neo4jTestSettings() ? '' : 'run npm run neo4j:start'})`, () => undefined);
}
