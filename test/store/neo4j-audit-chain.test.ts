/**
 * The audit chain on Neo4j against tampering through the driver (what someone with database
 * credentials can do: there are no triggers to drop), and entries written before the chain
 * existed getting their links when the store is next opened (migrate).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { parseManifest } from '../../src/domain/validate';
import { AuditLog } from '../../src/services/audit-log';
import type { InventoryStore } from '../../src/store/inventory-store';
import { neo4jTestSettings, NEO4J_SKIP_NOTICE } from '../support/neo4j';
import { openTestStore, testStoreKinds } from '../support/stores';
import { inventory } from './fixtures';

const purpose = (key: string) => parseManifest({ purposes: [{ key, name: key, functionType: 'BASIC' }] });

if (testStoreKinds().includes('neo4j')) {
  let driver: Driver;
  let store: InventoryStore;
  const settings = neo4jTestSettings()!;
  const cypher = (query: string, params: Record<string, unknown> = {}) => driver.executeQuery(query, params, { database: settings.database });

  beforeAll(() => {
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), { disableLosslessIntegers: true });
  });
  afterAll(() => driver.close());
  beforeEach(async () => {
    store = await openTestStore('neo4j');
    await store.write(inventory(), 'REPLACE', { actor: 'cli:loader' });
    for (const key of ['p1', 'p2', 'p3']) await store.write(purpose(key), 'MERGE', { actor: 'cli:alice' });
  });
  afterEach(() => store.close());

  const ids = async () => (await store.auditEntriesInOrder(null, 100)).map((e) => e.id);

  test('an intact log verifies', async () => {
    const log = await store.auditEntriesInOrder(null, 100);
    expect(await new AuditLog(store).verify()).toEqual({ entries: 4, lastHash: log[3].hash, lastId: log[3].id });
  });

  test('an entry edited through the driver is named', async () => {
    const [, second] = await ids();
    await cypher("MATCH (a:AuditEntry {id: $id}) SET a.actor = 'cli:someone-else'", { id: second });
    const report = await new AuditLog(store).verify();
    expect(report.broken).toMatchObject({ id: second, field: 'hash' });
    expect(report.entries).toBe(1);
  });

  test('the entry after one deleted through the driver is named', async () => {
    const [, second, third] = await ids();
    await cypher('MATCH (a:AuditEntry {id: $id}) DELETE a', { id: second });
    expect((await new AuditLog(store).verify()).broken).toMatchObject({ id: third, field: 'previousHash' });
  });

  test('an entry forged through the driver is named', async () => {
    const last = (await store.auditEntriesInOrder(null, 100)).pop()!;
    await cypher(
      "CREATE (:AuditEntry {id: $id, seq: $seq, at: '2026-12-06T10:00:00.000Z', actor: 'cli:root', operation: 'DELETE', entityType: 'purpose', entityKey: 'p9', previousHash: $previousHash, hash: $hash})",
      { id: String(Number(last.id) + 100), seq: neo4j.int(Number(last.id) + 100), previousHash: last.hash, hash: 'f'.repeat(64) },
    );
    expect((await new AuditLog(store).verify()).broken).toMatchObject({ id: String(Number(last.id) + 100), field: 'hash', found: 'f'.repeat(64) });
  });

  test('entries written before the chain existed are linked when the store is opened, oldest first', async () => {
    // As an older FieldTrail left them: no hashes at all.
    await cypher('MATCH (a:AuditEntry) REMOVE a.previousHash, a.hash');
    expect((await new AuditLog(store).verify()).broken).toMatchObject({ field: 'previousHash', found: null });
    await store.migrate();
    await store.write(purpose('p4'), 'MERGE', { actor: 'cli:alice' });
    const report = await new AuditLog(store).verify();
    expect(report.broken).toBeUndefined();
    expect(report.entries).toBe(5);
  });
} else {
  test.skip(`Neo4j audit chain (no Neo4j configured: ${NEO4J_SKIP_NOTICE})`, () => undefined);
}
