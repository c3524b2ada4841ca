/**
 * The store contract, continued: the audit log records every change that is not a node's (API
 * keys, snapshots) by its actor in the same transaction, a REPLACE names the keys it removed and
 * added, time bounds compare as instants, and every entry is chained to the one before by its hash.
 */
import { createHash } from 'node:crypto';
import { auditEntryHashInput, AUDIT_KEYS_PER_TYPE, GENESIS_HASH, type AuditEntry } from '../../src/domain/audit';
import { ValidationError } from '../../src/domain/problems';
import { parseManifest } from '../../src/domain/validate';
import { newApiKey } from '../../src/services/access/api-keys';
import { AuditLog } from '../../src/services/audit-log';
import type { InventoryStore } from '../../src/store/inventory-store';
import { syntheticInventory } from '../support/synthetic';
import { inventory, without } from './fixtures';

type Open = () => Promise<InventoryStore>;
type Close = (store: InventoryStore) => Promise<void>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The whole log, oldest first, read in small steps so the cursor is exercised. */
async function wholeLog(store: InventoryStore): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for (;;) {
    const batch = await store.auditEntriesInOrder(all.length ? all[all.length - 1].id : null, 3);
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** The newest entry matching a filter. */
async function newest(store: InventoryStore, filter: Parameters<InventoryStore['listAuditEntries']>[0]): Promise<AuditEntry | undefined> {
  return (await store.listAuditEntries(filter, { first: 1 })).nodes[0];
}

/** The same instant written with another UTC offset (`-10:00`): as text it sorts before the UTC form. */
function atOffset(iso: string, offsetHours: number): string {
  const local = new Date(Date.parse(iso) + offsetHours * 3_600_000).toISOString().slice(0, -1);
  const sign = offsetHours < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}

export function describeAuditContract(open: Open, close: Close): void {
  describe('the audit log: every kind of change, and the hash chain', () => {
    let store: InventoryStore;
    beforeEach(async () => {
      store = await open();
      await store.write(inventory(), 'REPLACE', { actor: 'cli:loader' });
    });
    afterEach(async () => close(store));

    test('creating and revoking an API key are audited with the actor, never with the hash', async () => {
      const { record } = await newApiKey('ci-importer', 'editor');
      await store.saveApiKey(record, { actor: 'cli:alice' });
      const created = await newest(store, { operation: 'API_KEY_CREATE' });
      expect(created).toMatchObject({ actor: 'cli:alice', entityType: 'api-key', entityKey: record.id, before: null });
      expect(created!.after).toEqual({ name: 'ci-importer', role: 'editor', createdAt: record.createdAt });
      expect(JSON.stringify(created)).not.toContain(record.hash.split('$').pop()!);

      expect(await store.revokeApiKey(record.id, '2026-12-06T10:00:00.000Z', { actor: 'cli:bob' })).toBe(true);
      const revoked = await newest(store, { operation: 'API_KEY_REVOKE' });
      expect(revoked).toMatchObject({ actor: 'cli:bob', entityType: 'api-key', entityKey: record.id });
      expect(revoked!.after).toMatchObject({ name: 'ci-importer', role: 'editor', revokedAt: '2026-12-06T10:00:00.000Z' });

      // Revoking again, or an unknown key, changes nothing and records nothing.
      const count = (await store.listAuditEntries({}, { first: 0 })).totalCount;
      expect(await store.revokeApiKey(record.id, '2026-12-07T10:00:00.000Z', { actor: 'cli:bob' })).toBe(false);
      expect(await store.revokeApiKey('000000000000', '2026-12-07T10:00:00.000Z', { actor: 'cli:bob' })).toBe(false);
      expect((await store.listAuditEntries({}, { first: 0 })).totalCount).toBe(count);
    });

    test('a snapshot is audited with its label and actor; a refused label records nothing', async () => {
      const info = await store.saveSnapshot('before-audit', { actor: 'key:abc123abc123' });
      const entry = await newest(store, { operation: 'SNAPSHOT' });
      expect(entry).toMatchObject({ actor: 'key:abc123abc123', entityType: 'snapshot', entityKey: 'before-audit', before: null });
      expect(entry!.after).toMatchObject({ label: 'before-audit', createdAt: info.createdAt, nodes: { fields: inventory().fields.length } });
      const count = (await store.listAuditEntries({}, { first: 0 })).totalCount;
      await expect(store.saveSnapshot('before-audit', { actor: 'key:abc123abc123' })).rejects.toThrow(ValidationError);
      expect((await store.listAuditEntries({}, { first: 0 })).totalCount).toBe(count);
    });

    test('a REPLACE records which keys it removed and added, per node type', async () => {
      const next = without(inventory(), 'flow', ['share-umeng']);
      next.purposes.push(...parseManifest({ purposes: [{ key: 'fraud-check', name: 'Fraud check', functionType: 'BASIC' }] }).purposes);
      await store.write(next, 'REPLACE', { actor: 'cli:carol' });
      const entry = await newest(store, { operation: 'REPLACE_INVENTORY' });
      const after = entry!.after as { removedKeys: Record<string, unknown>; addedKeys: Record<string, unknown>; keysListedPerType: number; nodes: Record<string, number> };
      expect(entry!.actor).toBe('cli:carol');
      expect(after.removedKeys).toEqual({ flow: { count: 1, keys: ['share-umeng'] } });
      expect(after.addedKeys).toEqual({ purpose: { count: 1, keys: ['fraud-check'] } });
      expect(after.keysListedPerType).toBe(AUDIT_KEYS_PER_TYPE);
      expect(after.nodes.flow).toBe(inventory().flows.length - 1);
    });

    test('a REPLACE that removes more keys than an entry lists says the list is cut, and keeps the count', async () => {
      const big = parseManifest(syntheticInventory(AUDIT_KEYS_PER_TYPE + 5));
      await store.write(big, 'REPLACE', { actor: 'cli:carol' });
      await store.write(inventory(), 'REPLACE', { actor: 'cli:carol' });
      const after = (await newest(store, { operation: 'REPLACE_INVENTORY' }))!.after as { removedKeys: { field: { count: number; keys: string[]; truncated?: boolean } } };
      const removedFields = big.fields.map((f) => f.key).filter((k) => !inventory().fields.some((f) => f.key === k));
      expect(after.removedKeys.field.count).toBe(removedFields.length);
      expect(after.removedKeys.field.keys).toHaveLength(AUDIT_KEYS_PER_TYPE);
      expect(after.removedKeys.field.truncated).toBe(true);
      expect(after.removedKeys.field.keys).toEqual([...removedFields].sort().slice(0, AUDIT_KEYS_PER_TYPE));
    });

    test('since and until compare as instants, whatever offset they are written with', async () => {
      await store.write(parseManifest({ purposes: [{ key: 'timed', name: 'T', functionType: 'BASIC' }] }), 'MERGE', { actor: 'cli:dave' });
      const entry = (await newest(store, { entityKey: 'timed' }))!;
      // The entry's own instant, written ten hours behind UTC: as text it sorts before `at`.
      const same = atOffset(entry.at, -10);
      expect(same < entry.at).toBe(true);
      expect((await store.listAuditEntries({ entityKey: 'timed', until: same }, { first: 10 })).nodes.map((e) => e.id)).toEqual([entry.id]);
      expect((await store.listAuditEntries({ entityKey: 'timed', since: same }, { first: 10 })).nodes.map((e) => e.id)).toEqual([entry.id]);
      const later = atOffset(new Date(Date.parse(entry.at) + 1).toISOString(), 14);
      expect((await store.listAuditEntries({ entityKey: 'timed', since: later }, { first: 10 })).totalCount).toBe(0);
      const earlier = atOffset(new Date(Date.parse(entry.at) - 1).toISOString(), -10);
      expect((await store.listAuditEntries({ entityKey: 'timed', until: earlier }, { first: 10 })).totalCount).toBe(0);
    });

    test('a bound that is no instant is refused, naming it', async () => {
      for (const [bound, value] of [['until', '2026-12-06'], ['since', 'yesterday'], ['until', '2026-12-06T10:00:00']] as const) {
        const attempt = store.listAuditEntries({ [bound]: value }, { first: 10 });
        await expect(attempt).rejects.toThrow(ValidationError);
        await expect(store.listAuditEntries({ [bound]: value }, { first: 10 })).rejects.toThrow(new RegExp(`${bound}: "${value}" is not an RFC 3339 date-time`));
      }
    });

    test('every entry is chained to the one before it by its hash, and the chain verifies', async () => {
      const { record } = await newApiKey('chain', 'viewer');
      await store.saveApiKey(record, { actor: 'cli:alice' });
      await store.saveSnapshot('chained', { actor: 'cli:alice' });
      await store.write(parseManifest({ purposes: [{ key: 'chain-me', name: 'A', functionType: 'BASIC' }] }), 'MERGE', { actor: 'cli:alice' });
      await store.deleteNodes('purpose', ['chain-me'], { actor: 'cli:alice' });
      await store.revokeApiKey(record.id, new Date().toISOString(), { actor: 'cli:alice' });

      const log = await wholeLog(store);
      expect(log.map((e) => e.operation)).toEqual(['REPLACE_INVENTORY', 'API_KEY_CREATE', 'SNAPSHOT', 'CREATE', 'DELETE', 'API_KEY_REVOKE']);
      let previous = GENESIS_HASH;
      for (const entry of log) {
        expect(entry.previousHash).toBe(previous);
        expect(entry.hash).toBe(sha256(auditEntryHashInput(previous, entry)));
        previous = entry.hash!;
      }
      // Ids increase along the chain, and the newest-first list hands out the same hashes.
      expect(log.map((e) => Number(e.id))).toEqual([...log.map((e) => Number(e.id))].sort((a, b) => a - b));
      const listed = (await store.listAuditEntries({}, { first: 100 })).nodes;
      expect(listed.map((e) => [e.id, e.hash])).toEqual([...log].reverse().map((e) => [e.id, e.hash]));

      expect(await new AuditLog(store).verify()).toEqual({ entries: log.length, lastHash: previous, lastId: log[log.length - 1].id });
    });
  });
}
