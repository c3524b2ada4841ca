/**
 * Nothing lost: every committed change is in the audit log (actor, time, operation, entity,
 * before/after) written with the change, and writes that name a stale version get CONFLICT.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLogDocument, DeletePartyExpectingDocument, ImportInventoryDocument, PartyVersionDocument, UpsertPartyExpectingDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { syntheticInventory } from '../support/synthetic';
import { InventoryService } from '../../src/services/inventory-service';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';

let app: TestApp;
let editorId: string;
beforeAll(async () => {
  app = await startTestApp({ seed: syntheticInventory(5) });
  editorId = `key:${app.tokens.editor.split('_')[1]}`;
});
afterAll(() => app.stop());

const vendor = (name: string, expectedVersion?: number) => ({ input: { key: 'audited-vendor', name, kind: 'THIRD_PARTY' as const, country: 'CN', expectedVersion } });

it('records who changed what, before and after, newest first', async () => {
  await app.query(UpsertPartyExpectingDocument, vendor('Vendor A'));
  await app.query(UpsertPartyExpectingDocument, vendor('Vendor B'));
  await app.query(UpsertPartyExpectingDocument, vendor('Vendor B')); // unchanged: no entry, no new version
  await app.query(DeletePartyExpectingDocument, { key: 'audited-vendor' });
  // As an admin: only admins read API key ids (key:<id>) in the log (test/security/audit-log.test.ts).
  const { auditLog } = await app.query(AuditLogDocument, { filter: { entityType: 'party', entityKey: 'audited-vendor' } }, 'admin');
  expect(auditLog.totalCount).toBe(3);
  expect(auditLog.nodes.map((e) => e.operation)).toEqual(['DELETE', 'UPDATE', 'CREATE']);
  expect(auditLog.nodes.every((e) => e.actor === editorId)).toBe(true);
  const [deleted, updated, created] = auditLog.nodes;
  expect(created.before).toBeNull();
  expect(created.after).toMatchObject({ key: 'audited-vendor', name: 'Vendor A' });
  expect(updated.before).toMatchObject({ name: 'Vendor A' });
  expect(updated.after).toMatchObject({ name: 'Vendor B' });
  expect(deleted.before).toMatchObject({ name: 'Vendor B' });
  expect(deleted.after).toBeNull();
  expect(Date.parse(created.at)).toBeLessThanOrEqual(Date.parse(deleted.at));
});

it('pages through the log and filters by actor and operation', async () => {
  const first = (await app.query(AuditLogDocument, { first: 1, filter: { actor: editorId } }, 'admin')).auditLog;
  expect(first.nodes).toHaveLength(1);
  expect(first.pageInfo.hasNextPage).toBe(true);
  const next = (await app.query(AuditLogDocument, { first: 1, after: first.pageInfo.endCursor, filter: { actor: editorId } }, 'admin')).auditLog;
  expect(Number(next.nodes[0].id)).toBeLessThan(Number(first.nodes[0].id));
  const creates = (await app.query(AuditLogDocument, { filter: { operation: 'CREATE' } })).auditLog.nodes;
  expect(creates.every((e) => e.operation === 'CREATE')).toBe(true);
});

it('records a whole-inventory replace as one entry', async () => {
  await app.query(ImportInventoryDocument, { manifest: syntheticInventory(10), mode: 'REPLACE' });
  const [entry] = (await app.query(AuditLogDocument, { first: 1 }, 'admin')).auditLog.nodes;
  expect(entry).toMatchObject({ operation: 'REPLACE_INVENTORY', entityType: 'inventory', actor: editorId });
  expect((entry.after as { nodes: { field: number } }).nodes.field).toBe(10);
});

it('cannot be edited or deleted, not even with SQL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-audit-'));
  const store = new SqliteStore({ path: join(dir, 'a.db') });
  await store.migrate();
  await new InventoryService(store).importManifest(syntheticInventory(5), 'MERGE', { actor: 'cli:test' });
  await store.close();
  const raw = new Database(join(dir, 'a.db'));
  expect(() => raw.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
  expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  raw.close();
});

it('rejects a write that names a stale version with CONFLICT, and keeps the newer one', async () => {
  await app.query(UpsertPartyExpectingDocument, vendor('Original'));
  const v1 = (await app.query(PartyVersionDocument, { key: 'audited-vendor' })).party!.version;
  const mine = await app.query(UpsertPartyExpectingDocument, vendor('Mine', v1));
  expect(mine.upsertParty.version).toBe(v1 + 1);
  // Someone else still holds v1.
  const theirs = await app.send(UpsertPartyExpectingDocument, vendor('Theirs', v1));
  expect(theirs.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: v1, actualVersion: v1 + 1 });
  expect((await app.query(PartyVersionDocument, { key: 'audited-vendor' })).party!.name).toBe('Mine');
  const staleDelete = await app.send(DeletePartyExpectingDocument, { key: 'audited-vendor', expectedVersion: v1 });
  expect(staleDelete.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect((await app.query(DeletePartyExpectingDocument, { key: 'audited-vendor', expectedVersion: v1 + 1 })).deleteParty).toBe(true);
  const gone = await app.send(UpsertPartyExpectingDocument, vendor('Again', v1 + 1));
  expect(gone.errors?.[0].extensions?.code).toBe('CONFLICT');
});

it('lets exactly one of many concurrent writers holding the same version win', async () => {
  await app.query(UpsertPartyExpectingDocument, vendor('Start'));
  const v = (await app.query(PartyVersionDocument, { key: 'audited-vendor' })).party!.version;
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => app.send(UpsertPartyExpectingDocument, vendor(`Writer ${i}`, v))));
  const winners = results.filter((r) => !r.errors);
  expect(winners).toHaveLength(1);
  expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(7);
  expect((await app.query(PartyVersionDocument, { key: 'audited-vendor' })).party).toMatchObject({ name: winners[0].data!.upsertParty.name, version: v + 1 });
});

it('hands out versions with list records, read in the same snapshot as their content', async () => {
  await app.query(UpsertPartyExpectingDocument, { input: { key: 'listed-vendor', name: 'Listed A', kind: 'THIRD_PARTY', country: 'CN' } });
  await app.query(UpsertPartyExpectingDocument, { input: { key: 'listed-vendor', name: 'Listed B', kind: 'THIRD_PARTY', country: 'CN', expectedVersion: 1 } });
  const listed = (await app.store.listParties({ search: 'Listed' })).nodes.find((p) => p.key === 'listed-vendor') as { name: string; version?: number };
  expect(listed).toMatchObject({ name: 'Listed B', version: 2 });
  const all = (await app.store.listAll('party')).find((p) => p.key === 'listed-vendor') as { version?: number };
  expect(all.version).toBe(2);
  const page = await app.store.listFields({}, { first: 2 });
  expect(page.nodes.every((f) => (f as { version?: number }).version === 1)).toBe(true);
  // Over GraphQL, the list's own version is the one a client writes back.
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.tokens.editor}` },
    body: JSON.stringify({ query: '{ parties(filter: { search: "Listed" }) { key name version } }' }),
  });
  const body = (await res.json()) as { data: { parties: Array<{ key: string; name: string; version: number }> } };
  expect(body.data.parties).toEqual([{ key: 'listed-vendor', name: 'Listed B', version: 2 }]);
});
