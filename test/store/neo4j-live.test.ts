/**
 * What only the Neo4j adapter has, on the project's live server: inventory versions that are
 * cleaned up (after a REPLACE, and after a writer died mid-REPLACE), several processes migrating
 * and writing one database at once, and uniqueness races reported as conflicts.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ConflictError } from '../../src/domain/problems';
import { parseManifest } from '../../src/domain/validate';
import { newApiKey } from '../../src/services/access/api-keys';
import { openNeo4jStore } from '../../src/store/neo4j/connection';
import type { InventoryStore } from '../../src/store/inventory-store';
import { closeNeo4jAdmin, emptyNeo4j, neo4jNodeCount, neo4jTestSettings, openTestNeo4jStore } from '../support/neo4j';
import { testStoreKinds } from '../support/stores';
import { inventory, nodeCount } from './fixtures';

const settings = neo4jTestSettings();

if (!testStoreKinds().includes('neo4j') || !settings) {
  test.skip('Neo4j live checks (no Neo4j configured: run npm run neo4j:start)', () => undefined);
} else {
  let driver: Driver;
  let store: InventoryStore;
  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params, { database: settings.database })).records[0].get(0) as number;

  beforeAll(() => {
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), { disableLosslessIntegers: true });
  });
  beforeEach(async () => {
    store = await openTestNeo4jStore({ batchSize: 50, stagingBatchSize: 7 });
  });
  afterEach(async () => {
    await store.close();
  });
  afterAll(async () => {
    // Every test's store emptied the database when it closed: nothing leaks into the next run.
    expect(await neo4jNodeCount()).toBe(0);
    await driver.close();
    await closeNeo4jAdmin();
  });

  test('after REPLACEs only the active version is left: no staged, retired or version nodes of other versions', async () => {
    await store.write(inventory(), 'REPLACE');
    await store.write(parseManifest({ parties: [{ ...inventory().parties[0], name: 'changed' }] }), 'MERGE');
    await store.write(inventory(), 'REPLACE');
    await store.write(inventory(), 'REPLACE');
    const active = await count('MATCH (c:InventoryControl {id: 1}) RETURN c.activeVersion');
    expect(await count('MATCH (i:InventoryVersion) RETURN count(i)')).toBe(1);
    expect(await count('MATCH (i:InventoryVersion {state: "active"}) RETURN i.v')).toBe(active);
    expect(await count('MATCH (n) WHERE n.v IS NOT NULL AND n.v <> $active AND NOT n:InventoryVersion RETURN count(n)', { active })).toBe(0);
    expect(await count('MATCH (n) WHERE n.v = $active AND NOT n:InventoryVersion AND NOT n:Clause AND NOT n:NodeVersion RETURN count(n)', { active })).toBe(nodeCount(inventory()));
    // Node versions belong to no inventory version: the MERGE's one outlived the REPLACEs (one up
    // for the content the first REPLACE changed back, kept by the second, which changed nothing).
    expect(await count('MATCH (n:NodeVersion) WHERE n.v IS NULL RETURN count(n)')).toBe(1);
    expect(await count('MATCH (n:NodeVersion) RETURN n.version')).toBe(3);
  });

  test('a REPLACE whose writer died mid-way is cleaned up by the next migrate; one still being written is left alone', async () => {
    await store.write(inventory(), 'REPLACE');
    const long = new Date(Date.now() - 7 * 3600_000).toISOString();
    const now = new Date().toISOString();
    // Two staged versions as a dead writer and a live one would leave them, with nodes in each.
    await driver.executeQuery(
      `MATCH (c:InventoryControl {id: 1})
       CREATE (:InventoryVersion {v: 900, state: 'staging', createdAt: $long}), (:PersonalField {key: 'orphan', v: 900, name: 'x'}),
              (:InventoryVersion {v: 901, state: 'staging', createdAt: $now}), (:PersonalField {key: 'in-flight', v: 901, name: 'y'}),
              (:InventoryVersion {v: 902, state: 'dropped', createdAt: $now}), (:Clause {citation: 'd#1', v: 902})`,
      { long, now },
      { database: settings.database },
    );
    await store.migrate();
    expect(await count('MATCH (i:InventoryVersion) WHERE i.v IN [900, 902] RETURN count(i)')).toBe(0);
    expect(await count("MATCH (n) WHERE n.v IN [900, 902] RETURN count(n)")).toBe(0);
    expect(await count('MATCH (n {v: 901}) RETURN count(n)')).toBe(2);
    // Readers never saw any of it.
    expect((await store.exportManifest()).fields.map((f) => f.key)).not.toContain('orphan');
    await driver.executeQuery('MATCH (n {v: 901}) DETACH DELETE n', {}, { database: settings.database });
  });

  test('migrate adopts the NodeVersion nodes of a database written when they belonged to an inventory version', async () => {
    await store.write(inventory(), 'REPLACE');
    const active = await count('MATCH (c:InventoryControl {id: 1}) RETURN c.activeVersion');
    // The schema and data the code before issue 12 left: NodeVersion nodes per inventory version `v`.
    const run = (cypher: string, params: Record<string, unknown> = {}) => driver.executeQuery(cypher, params, { database: settings.database });
    await run('DROP CONSTRAINT node_version_type_key IF EXISTS');
    await run('CREATE CONSTRAINT node_version_key IF NOT EXISTS FOR (n:NodeVersion) REQUIRE (n.nodeType, n.key, n.v) IS UNIQUE');
    await run('CREATE INDEX nodeversion_v IF NOT EXISTS FOR (n:NodeVersion) ON (n.v)');
    await run(`CREATE (:NodeVersion {nodeType: 'party', key: 'umeng', v: $active, version: 3}),
                      (:NodeVersion {nodeType: 'party', key: 'umeng', v: $retired, version: 7})`, { active: neo4j.int(active), retired: neo4j.int(active + 100) });
    await store.migrate();
    expect(await store.versions('party', ['umeng', 'firebase'])).toEqual([3, 1]);
    expect(await count('MATCH (n:NodeVersion) RETURN count(n)')).toBe(1);
    expect(await count('MATCH (n:NodeVersion) WHERE n.v IS NOT NULL RETURN count(n)')).toBe(0);
    const constraints = (await run('SHOW CONSTRAINTS YIELD name RETURN collect(name)')).records[0].get(0) as string[];
    expect(constraints).toContain('node_version_type_key');
    expect(constraints).not.toContain('node_version_key');
    // The adopted version goes on, across a REPLACE that changes the party.
    await store.write(parseManifest({ ...inventory(), parties: inventory().parties.map((p) => (p.key === 'umeng' ? { ...p, name: 'Umeng 4' } : p)) }), 'REPLACE');
    expect(await store.versions('party', ['umeng'])).toEqual([4]);
  });

  test('several processes migrating an empty database at once: one control node, every one of them works', async () => {
    await store.close();
    await emptyNeo4j();
    const opened = await Promise.all(Array.from({ length: 4 }, () => openNeo4jStore({ ...settings })));
    try {
      expect(await count('MATCH (c:InventoryControl) RETURN count(c)')).toBe(1);
      await Promise.all(opened.map((s, i) => s.write(parseManifest({ purposes: [{ key: `p${i}`, name: `P${i}`, functionType: 'BASIC' }] }), 'MERGE', { actor: `process-${i}` })));
      const audit = await opened[0].listAuditEntries({}, { first: 10 });
      // Entries from four "processes" (four drivers, four pools), numbered by the database in commit order.
      expect(audit.nodes.map((e) => Number(e.id)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
      expect((await opened[3].exportManifest()).purposes.map((p) => p.key)).toEqual(['p0', 'p1', 'p2', 'p3']);
    } finally {
      await Promise.all(opened.map((s) => s.close()));
      store = await openTestNeo4jStore();
    }
  });

  test('a uniqueness race the database catches is a ConflictError, not an internal error', async () => {
    const { record } = await newApiKey('first', 'viewer');
    await store.saveApiKey(record);
    let error: unknown;
    try {
      await store.saveApiKey({ ...record, name: 'second, same id' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/at the same moment; reload and retry/);
    expect((await store.listApiKeys()).map((k) => k.name)).toEqual(['first']);
  });
}
