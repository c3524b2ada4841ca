/**
 * The shared store contract against a real Neo4j 5 server, whenever NEO4J_URI is set
 * (NEO4J_USER, NEO4J_PASSWORD, optionally NEO4J_DATABASE). Each run gets a fresh database where
 * the server allows CREATE DATABASE (Enterprise, Aura); otherwise the configured database is
 * emptied before each store opens, so point it at a database you can throw away.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { openNeo4jStore } from '../../src/store/neo4j/connection';
import type { InventoryStore } from '../../src/store/inventory-store';
import { describeStoreContract } from './contract';

const uri = process.env.NEO4J_URI;

if (!uri) {
  // Say so loudly: a skipped suite must not pass for a tested one.
  // eslint-disable-next-line no-console
  console.warn('Neo4j store contract: SKIPPED — set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to run it against a Neo4j 5 server.');
  test.skip('Neo4j store contract (set NEO4J_URI to run)', () => undefined);
} else {
  const auth = neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '');
  let admin: Driver;
  let database = process.env.NEO4J_DATABASE;
  let created = false;

  beforeAll(async () => {
    admin = neo4j.driver(uri, auth, { disableLosslessIntegers: true });
    const name = `fieldtrail${Date.now().toString(36)}`;
    try {
      await admin.executeQuery(`CREATE DATABASE ${name} WAIT`, {}, { database: 'system' });
      database = name;
      created = true;
    } catch {
      // Community edition: one database, emptied per store below.
    }
  });

  afterAll(async () => {
    if (created) await admin.executeQuery(`DROP DATABASE ${database} IF EXISTS`, {}, { database: 'system' }).catch(() => undefined);
    await admin.close();
  });

  const open = async (): Promise<InventoryStore> => {
    // Empty, in batches, everything FieldTrail keeps (snapshots included): each test starts clean.
    for (;;) {
      const { records } = await admin.executeQuery(
        'MATCH (n) WHERE n:PolicyDocument OR n:Clause OR n:DataCategory OR n:PersonalField OR n:Purpose OR n:Permission OR n:Party OR n:LegalBasis OR n:DataFlow OR n:InventoryVersion OR n:InventorySnapshot WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted',
        {},
        { database },
      );
      if (!records[0].get('deleted')) break;
    }
    return openNeo4jStore({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, database });
  };

  describeStoreContract('neo4j', open);
}
