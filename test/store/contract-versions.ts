/**
 * The store contract, continued: a key's version never repeats for the life of the database. A
 * version a client read must never be handed out again for other content, or a write expecting
 * it would overwrite what it never saw. So a delete remembers its key (one version up), a node
 * created again continues from there, and a whole-inventory write (REPLACE, or a bulk load into an
 * empty store) keeps the versions of the nodes it leaves unchanged and moves every other one on.
 */
import type { Manifest } from '../../src/domain/manifest';
import { ConflictError } from '../../src/domain/problems';
import { parseManifest } from '../../src/domain/validate';
import { NODE_TYPES } from '../../src/domain/vocabulary';
import type { InventoryStore } from '../../src/store/inventory-store';
import { inventory, inventoryInput, nodesOf, POLICY, TERMS } from './fixtures';

type Open = () => Promise<InventoryStore>;
type Close = (store: InventoryStore) => Promise<void>;

const purpose = (key: string, name = key) => ({ key, name, functionType: 'BASIC' as const, sources: [] });
const purposes = (...list: Array<ReturnType<typeof purpose>>) => parseManifest({ purposes: list });

/** The fixture inventory with some purposes of the test's own (referenced by no flow). */
function inventoryWith(...extra: Array<ReturnType<typeof purpose>>): Manifest {
  const input = inventoryInput();
  input.purposes = [...(input.purposes ?? []), ...extra];
  return parseManifest(input);
}

async function conflict(attempt: Promise<unknown>): Promise<ConflictError> {
  try {
    await attempt;
  } catch (err) {
    expect(err).toBeInstanceOf(ConflictError);
    return err as ConflictError;
  }
  throw new Error('expected ConflictError, but the write went through');
}

export function describeVersionsContract(open: Open, close: Close): void {
  describe('versions never repeat', () => {
    let store: InventoryStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => close(store));

    test('create, update, delete, create again: 1, 2, 3 remembered, 4; a client holding 1 or 2 gets ConflictError', async () => {
      await store.write(inventory(), 'REPLACE');
      const version = async () => (await store.versions('purpose', ['ads']))[0];
      await store.write(purposes(purpose('ads', 'Ads')), 'MERGE', { actor: 'a' });
      expect(await version()).toBe(1);
      await store.write(purposes(purpose('ads', 'Ads, personalised')), 'MERGE', { actor: 'a' });
      expect(await version()).toBe(2);
      await store.deleteNodes('purpose', ['ads'], { actor: 'b', expectedVersions: [{ type: 'purpose', key: 'ads', version: 2 }] });
      expect(await version()).toBe(0);
      await store.write(purposes(purpose('ads', 'Ads again')), 'MERGE', { actor: 'b' });
      expect(await version()).toBe(4);
      expect((await store.getNodes('purpose', ['ads']))[0]).toMatchObject({ name: 'Ads again', version: 4 });
      expect((await store.listAll('purpose')).find((p) => p.key === 'ads')).toMatchObject({ version: 4 });

      // Clients that read the node in an earlier life.
      for (const held of [1, 2, 3]) {
        const error = await conflict(store.write(purposes(purpose('ads', `stale ${held}`)), 'MERGE', { actor: 'a', expectedVersions: [{ type: 'purpose', key: 'ads', version: held }] }));
        expect([error.expectedVersion, error.actualVersion]).toEqual([held, 4]);
        await conflict(store.deleteNodes('purpose', ['ads'], { actor: 'a', expectedVersions: [{ type: 'purpose', key: 'ads', version: held }] }));
      }
      expect((await store.getNodes('purpose', ['ads']))[0]).toMatchObject({ name: 'Ads again', version: 4 });
      // The same content written again is no change.
      await store.write(purposes(purpose('ads', 'Ads again')), 'MERGE', { actor: 'b', expectedVersions: [{ type: 'purpose', key: 'ads', version: 4 }] });
      expect(await version()).toBe(4);
    });

    test('a node deleted without ever changing comes back at 3, not 1', async () => {
      await store.write(inventoryWith(purpose('once')), 'REPLACE');
      expect(await store.versions('purpose', ['once'])).toEqual([1]);
      await store.deleteNodes('purpose', ['once']);
      await store.write(purposes(purpose('once')), 'MERGE');
      expect(await store.versions('purpose', ['once'])).toEqual([3]);
      await conflict(store.write(purposes(purpose('once', 'overwritten')), 'MERGE', { actor: 'a', expectedVersions: [{ type: 'purpose', key: 'once', version: 1 }] }));
    });

    test('REPLACE keeps unchanged nodes at their version, moves changed ones on, remembers removed ones', async () => {
      await store.write(inventoryWith(purpose('kept'), purpose('renamed'), purpose('removed')), 'REPLACE');
      const umeng = inventory().parties.find((p) => p.key === 'umeng')!;
      // Two MERGE updates: umeng at 3, kept at 2.
      await store.write(parseManifest({ parties: [{ ...umeng, name: 'Umeng 2' }] }), 'MERGE');
      await store.write(parseManifest({ parties: [{ ...umeng, name: 'Umeng 3' }], purposes: [purpose('kept', 'Kept 2')] }), 'MERGE');
      const flowsOfUmeng = inventory().flows.filter((f) => f.from === 'umeng' || f.to === 'umeng').map((f) => f.key);
      expect(flowsOfUmeng.length).toBeGreaterThan(0);

      const next = inventoryInput();
      next.purposes = [...(next.purposes ?? []), purpose('kept', 'Kept 2'), purpose('renamed', 'Renamed'), purpose('brand-new')];
      // umeng unchanged from its version 3 but for the country: its flows' own content is unchanged.
      next.parties = next.parties!.map((p) => (p.key === 'umeng' ? { ...p, name: 'Umeng 3', country: 'SG' } : p));
      next.documents = next.documents!.map((d) => (d.key === POLICY ? { ...d, clauses: (d.clauses ?? []).map((c, i) => (i === 0 ? { ...c, text: `${c.text}（修订）` } : c)) } : d));
      await store.write(parseManifest(next), 'REPLACE');

      expect(await store.versions('purpose', ['kept', 'renamed', 'removed', 'brand-new'])).toEqual([2, 2, 0, 1]);
      expect(await store.versions('party', ['umeng'])).toEqual([4]);
      expect(await store.versions('flow', flowsOfUmeng)).toEqual(flowsOfUmeng.map(() => 1));
      expect(await store.versions('document', [POLICY, TERMS])).toEqual([2, 1]);
      // Every node the REPLACE left as it was keeps version 1.
      const untouched = nodesOf(inventory(), 'field').map((f) => f.key);
      expect(await store.versions('field', untouched)).toEqual(untouched.map(() => 1));

      // The removed purpose was remembered at 2: back, it is at 3, and a client holding 1 is refused.
      await store.write(inventoryWith(purpose('kept', 'Kept 2'), purpose('renamed', 'Renamed'), purpose('removed')), 'REPLACE');
      expect(await store.versions('purpose', ['kept', 'renamed', 'removed', 'brand-new'])).toEqual([2, 2, 3, 0]);
      await conflict(store.write(purposes(purpose('removed', 'late')), 'MERGE', { actor: 'a', expectedVersions: [{ type: 'purpose', key: 'removed', version: 1 }] }));
      await conflict(store.write(inventoryWith(purpose('removed', 'late')), 'REPLACE', { actor: 'a', expectedVersions: [{ type: 'purpose', key: 'removed', version: 1 }] }));
      expect((await store.getNodes('purpose', ['removed']))[0]).toMatchObject({ name: 'removed', version: 3 });
    });

    test('a REPLACE with the export it replaces changes no version', async () => {
      await store.write(inventory(), 'REPLACE');
      const umeng = inventory().parties.find((p) => p.key === 'umeng')!;
      await store.write(parseManifest({ parties: [{ ...umeng, name: 'Umeng 2' }] }), 'MERGE');
      const before = await Promise.all(NODE_TYPES.map(async (t) => store.versions(t, nodesOf(inventory(), t).map((n) => n.key))));
      await store.write(await store.exportManifest(), 'REPLACE');
      const after = await Promise.all(NODE_TYPES.map(async (t) => store.versions(t, nodesOf(inventory(), t).map((n) => n.key))));
      expect(after).toEqual(before);
      expect(await store.versions('party', ['umeng'])).toEqual([2]);
    });

    test('a bulk load into an empty store starts new keys at 1 and continues remembered ones', async () => {
      const m = inventory();
      await store.write(m, 'MERGE');
      for (const type of NODE_TYPES) {
        const keys = nodesOf(m, type).map((n) => n.key);
        expect(await store.versions(type, keys)).toEqual(keys.map(() => 1));
      }
      // Everything removed (each key remembered at 2), then loaded again into the empty store.
      await store.write(parseManifest({}), 'REPLACE');
      await store.write(inventoryWith(purpose('never-seen')), 'MERGE');
      for (const type of NODE_TYPES) {
        const keys = nodesOf(m, type).map((n) => n.key);
        expect(await store.versions(type, keys)).toEqual(keys.map(() => 3));
      }
      expect(await store.versions('purpose', ['never-seen'])).toEqual([1]);
      const [anyParty] = m.parties;
      await conflict(store.write(parseManifest({ parties: [{ ...anyParty, name: 'stale' }] }), 'MERGE', { actor: 'a', expectedVersions: [{ type: 'party', key: anyParty.key, version: 1 }] }));
    });
  });
}
