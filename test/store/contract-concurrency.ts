/**
 * The store contract, continued: what concurrent callers and the audit log may rely on, on every
 * adapter alike. Writers take turns (an expected version cannot be passed by two writers, a MERGE
 * committed after a REPLACE is kept), exports are one consistent state, audit ids follow commit
 * order, whole-inventory writes leave one summary entry, and the embedded store's limits (cycle
 * length, snapshot order, a taken label) are the same everywhere.
 */
import type { Manifest } from '../../src/domain/manifest';
import { ConflictError, ValidationError } from '../../src/domain/problems';
import { checkReferences } from '../../src/domain/references';
import { parseManifest } from '../../src/domain/validate';
import { RECORD_KEY_ORDER } from '../../src/domain/record-order';
import { SECTION_OF } from '../../src/domain/references';
import { NODE_TYPES, type NodeType } from '../../src/domain/vocabulary';
import type { InventoryStore } from '../../src/store/inventory-store';
import { inventory, nodesOf } from './fixtures';

type Open = () => Promise<InventoryStore>;
type Close = (store: InventoryStore) => Promise<void>;

function counts(m: Manifest): Record<NodeType, number> {
  return Object.fromEntries(NODE_TYPES.map((t) => [t, nodesOf(m, t).length])) as Record<NodeType, number>;
}

const purpose = (key: string, name = key) => parseManifest({ purposes: [{ key, name, functionType: 'BASIC' }] });

export function describeConcurrencyContract(open: Open, close: Close): void {
  describe('concurrent writers, exports and the audit log', () => {
    let store: InventoryStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await close(store);
    });

    test('a REPLACE and a MERGE into an empty store each leave one summary entry with the node counts before and after', async () => {
      const m = inventory();
      await store.write(m, 'MERGE', { actor: 'loader' });
      await store.write(parseManifest({ purposes: m.purposes.map((p) => ({ ...p, sources: [] })) }), 'REPLACE', { actor: 'replacer' });
      const zero = Object.fromEntries(NODE_TYPES.map((t) => [t, 0]));
      const onlyPurposes = { ...zero, purpose: m.purposes.length };
      const page = await store.listAuditEntries({}, { first: 10 });
      // (The keys removed and added are in `after` too: test/store/contract-audit.ts.)
      expect(page.nodes.map(({ actor, operation, entityType, entityKey, before, after }) => ({ actor, operation, entityType, entityKey, before, after }))).toMatchObject([
        { actor: 'replacer', operation: 'REPLACE_INVENTORY', entityType: 'inventory', entityKey: '*', before: { mode: 'REPLACE', nodes: counts(m) }, after: { mode: 'REPLACE', nodes: onlyPurposes } },
        { actor: 'loader', operation: 'REPLACE_INVENTORY', entityType: 'inventory', entityKey: '*', before: { mode: 'MERGE', nodes: zero }, after: { mode: 'MERGE', nodes: counts(m) } },
      ]);
      expect(page.nodes).toHaveLength(2);
      // A whole-inventory write keeps the version of a node it leaves unchanged and moves a changed one on (contract-versions.ts).
      expect(await store.versions('purpose', m.purposes.map((p) => p.key))).toEqual(m.purposes.map((p) => (p.sources.length > 0 ? 2 : 1)));
    });

    test('audit ids are whole numbers that increase in commit order, also for writers that overlap', async () => {
      await store.write(inventory(), 'REPLACE');
      await Promise.all(Array.from({ length: 6 }, (_, i) => store.write(purpose(`overlap-${i}`), 'MERGE', { actor: `writer-${i}` })));
      await store.deleteNodes('purpose', ['overlap-0', 'overlap-1']);
      const page = await store.listAuditEntries({}, { first: 100 });
      expect(page.totalCount).toBe(9);
      const ids = page.nodes.map((e) => e.id);
      for (const id of ids) expect(id).toMatch(/^[1-9]\d*$/);
      const numbers = ids.map(Number);
      // Newest first, no gaps, no repeats: the store, not the clock, numbers them.
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers[0] - numbers[numbers.length - 1]).toBe(numbers.length - 1);
      // A page after the oldest entry is empty, and a cursor that is no id matches nothing.
      expect((await store.listAuditEntries({}, { first: 5, afterId: String(numbers[numbers.length - 1]) })).nodes).toEqual([]);
      expect((await store.listAuditEntries({}, { first: 5, afterId: 'not-an-id' })).nodes).toEqual([]);
    });

    test('two writers expecting the same version: exactly one wins, the other gets ConflictError', async () => {
      await store.write(inventory(), 'REPLACE');
      const umeng = inventory().parties.find((p) => p.key === 'umeng')!;
      for (let round = 0; round < 3; round++) {
        const [version] = await store.versions('party', ['umeng']);
        const attempts = await Promise.allSettled(
          ['left', 'right'].map((side) =>
            store.write(parseManifest({ parties: [{ ...umeng, name: `${side} ${round}` }] }), 'MERGE', {
              actor: side,
              expectedVersions: [{ type: 'party', key: 'umeng', version }],
            }),
          ),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(ConflictError);
        expect(await store.versions('party', ['umeng'])).toEqual([version + 1]);
      }
      // Deletes take the same turn: one delete and one update expecting the same version.
      const [version] = await store.versions('party', ['umeng']);
      const flowsToUmeng = inventory().flows.filter((f) => f.to === 'umeng' || f.from === 'umeng').map((f) => f.key);
      await store.deleteNodes('flow', flowsToUmeng);
      const race = await Promise.allSettled([
        store.deleteNodes('party', ['umeng'], { actor: 'deleter', expectedVersions: [{ type: 'party', key: 'umeng', version }] }),
        store.write(parseManifest({ parties: [{ ...umeng, name: 'updated' }] }), 'MERGE', { actor: 'updater', expectedVersions: [{ type: 'party', key: 'umeng', version }] }),
      ]);
      expect(race.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    });

    test('a MERGE racing a REPLACE is kept exactly when it committed after the REPLACE', async () => {
      await store.write(inventory(), 'REPLACE');
      for (let round = 0; round < 4; round++) {
        const key = `racing-${round}`;
        // Alternate which starts first; both must succeed.
        const calls = [() => store.write(inventory(), 'REPLACE', { actor: 'replacer' }), () => store.write(purpose(key), 'MERGE', { actor: 'merger' })];
        if (round % 2) calls.reverse();
        await Promise.all(calls.map((c) => c()));
        const entries = (await store.listAuditEntries({}, { first: 10 })).nodes;
        const replaceId = Number(entries.find((e) => e.operation === 'REPLACE_INVENTORY')!.id);
        const merge = entries.find((e) => e.entityKey === key);
        const kept = (await store.existingKeys('purpose', [key])).has(key);
        // Committed after the REPLACE: it must be there. Committed before: the REPLACE replaced it.
        if (merge && Number(merge.id) > replaceId) expect(kept).toBe(true);
        else expect(kept).toBe(false);
      }
    });

    test('an export taken while writes commit is one consistent state', async () => {
      await store.write(inventory(), 'REPLACE');
      const m = inventory();
      const writes = (async () => {
        for (let i = 0; i < 8; i++) {
          // Each write adds a field and a flow carrying it: an export holds both or neither.
          await store.write(parseManifest({
            fields: [{ key: `during-${i}`, name: `During ${i}`, category: m.fields[0].category }],
            flows: [{ ...m.flows[0], key: `during-flow-${i}`, fields: [`during-${i}`], categories: [] }],
          }), 'MERGE');
        }
      })();
      const exports: Manifest[] = [];
      const reads = (async () => {
        for (let i = 0; i < 8; i++) exports.push(await store.exportManifest());
      })();
      await Promise.all([writes, reads]);
      exports.push(await store.exportManifest());
      for (const e of exports) {
        expect(checkReferences(e)).toEqual([]);
        const fields = e.fields.filter((f) => f.key.startsWith('during-')).length;
        const flows = e.flows.filter((f) => f.key.startsWith('during-flow-')).length;
        expect(fields).toBe(flows);
      }
      expect(exports[exports.length - 1].flows.filter((f) => f.key.startsWith('during-flow-'))).toHaveLength(8);
    });

    test('a category cycle longer than 200 links is refused, as on the embedded store', async () => {
      const length = 300;
      const categories = Array.from({ length }, (_, i) => ({ key: `ring-${String(i).padStart(3, '0')}`, name: `Ring ${i}`, parent: `ring-${String((i + 1) % length).padStart(3, '0')}` }));
      let error: unknown;
      try {
        await store.write(parseManifest({ categories }), 'REPLACE');
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems).toContainEqual({ path: 'category:ring-000', message: 'category "ring-000" would be its own ancestor' });
      expect((await store.exportManifest()).categories).toEqual([]);
    });

    test('records keep one key order on every store, so equal inventories export to equal text', async () => {
      await store.write(inventory(), 'REPLACE');
      const exported = await store.exportManifest();
      const inOrder = (kind: keyof typeof RECORD_KEY_ORDER, record: object) => {
        const keys = Object.keys(record);
        expect(keys).toEqual(RECORD_KEY_ORDER[kind].filter((k) => keys.includes(k)));
      };
      for (const type of NODE_TYPES) {
        for (const record of exported[SECTION_OF[type]] as object[]) inOrder(type, record);
        // Reads hand out the same order, derived values (effective sensitivity, version) after it.
        for (const record of await store.listAll(type)) {
          const { effective: _e, version: _v, ...rest } = record as Record<string, unknown>;
          inOrder(type, rest);
        }
      }
      for (const d of exported.documents) for (const c of d.clauses) inOrder('clause', c);
      for (const f of exported.flows) if (f.retention) inOrder('retention', f.retention);
    });

    test('snapshots list in the order they were taken, whatever their labels and clocks', async () => {
      await store.write(inventory(), 'REPLACE');
      const labels = ['zulu', 'alpha', 'mike', 'bravo', 'yankee'];
      for (const label of labels) await store.saveSnapshot(label);
      expect((await store.listSnapshots()).map((s) => s.label)).toEqual(labels);
    });

    test('two snapshots racing for one label: one is kept, the other fails with ValidationError', async () => {
      await store.write(inventory(), 'REPLACE');
      const race = await Promise.allSettled([store.saveSnapshot('same'), store.saveSnapshot('same')]);
      expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = race.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(failed.reason).toBeInstanceOf(ValidationError);
      expect(await store.listSnapshots()).toHaveLength(1);
    });
  });
}
