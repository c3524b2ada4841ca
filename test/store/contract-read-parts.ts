/**
 * The store contract, continued: reads that leave sources or versions out (ReadParts). A record
 * read without sources has no `sources`, one read without versions no `version`, and apart from
 * that each is the record a whole read gives.
 */
import { parseManifest } from '../../src/domain/validate';
import { NODE_TYPES, type NodeType } from '../../src/domain/vocabulary';
import type { InventoryStore, ReadParts } from '../../src/store/inventory-store';
import { inventory, nodesOf } from './fixtures';

type Open = () => Promise<InventoryStore>;
type Close = (store: InventoryStore) => Promise<void>;

/** The whole record less what `parts` leaves out. */
function asAsked(record: unknown, parts: ReadParts): unknown {
  const { sources, version, ...rest } = record as { sources?: unknown; version?: unknown };
  return { ...rest, ...(parts.sources === false ? {} : sources === undefined ? {} : { sources }), ...(parts.versions === false ? {} : { version }) };
}

const PARTS: Array<[string, ReadParts]> = [
  ['neither', { sources: false, versions: false }],
  ['sources only', { sources: true, versions: false }],
  ['versions only', { sources: false, versions: true }],
];

export function describeReadPartsContract(open: Open, close: Close): void {
  describe('reads without sources or versions', () => {
    let store: InventoryStore;
    beforeAll(async () => {
      store = await open();
      await store.write(inventory(), 'REPLACE');
    });
    afterAll(() => close(store));

    const cited = NODE_TYPES.filter((t) => t !== 'document');
    const cases = NODE_TYPES.flatMap((type) => PARTS.map(([name, parts]) => [type, name, parts] as [NodeType, string, ReadParts]));

    test.each(cases)('getNodes %s, %s: the whole record less what was left out', async (type, _name, parts) => {
      const keys = ['no-such-key', ...nodesOf(inventory(), type).map((n) => n.key)];
      const whole = await store.getNodes(type, keys);
      const asked = await store.getNodes(type, keys, parts);
      expect(asked).toEqual(whole.map((r) => (r === null ? null : asAsked(r, parts))));
      for (const r of asked.filter((x) => x !== null) as Array<Record<string, unknown>>) {
        expect('sources' in r).toBe(parts.sources !== false && type !== 'document');
        expect('version' in r).toBe(parts.versions !== false);
      }
    });

    test('records read whole carry their sources (the fixture cites a clause on every cited type)', async () => {
      for (const type of cited) {
        const records = (await store.listAll(type)) as Array<{ sources?: string[] }>;
        expect(records.some((r) => (r.sources ?? []).length > 0)).toBe(true);
      }
    });

    test('a read without sources and versions sees what was written since the last one', async () => {
      const other = await open();
      try {
        await other.write(inventory(), 'REPLACE');
        const purpose = nodesOf(inventory(), 'purpose')[0] as unknown as { key: string; name: string };
        const bare = { sources: false, versions: false };
        expect((await other.getNodes('purpose', [purpose.key], bare))[0]).toMatchObject({ name: purpose.name });
        await other.write(parseManifest({ purposes: [{ ...purpose, name: 'Renamed since' }] }), 'MERGE');
        expect((await other.getNodes('purpose', [purpose.key], bare))[0]).toMatchObject({ name: 'Renamed since' });
        await other.deleteNodes('purpose', ['no-such-purpose']);
        expect(await other.getNodes('purpose', ['no-such-purpose'], bare)).toEqual([null]);
      } finally {
        await close(other);
      }
    });

    test.each(PARTS)('list reads, %s', async (_name, parts) => {
      for (const type of NODE_TYPES) {
        expect(await store.listAll(type, parts)).toEqual((await store.listAll(type)).map((r) => asAsked(r, parts)));
      }
      const fields = await store.listFields({}, { first: 1000 });
      expect(await store.listFields({}, { first: 1000 }, parts)).toEqual({ ...fields, nodes: fields.nodes.map((r) => asAsked(r, parts)) });
      const flows = await store.listFlows({}, { first: 1000 });
      expect(await store.listFlows({}, { first: 1000 }, parts)).toEqual({ ...flows, nodes: flows.nodes.map((r) => asAsked(r, parts)) });
      const parties = await store.listParties({});
      expect(await store.listParties({}, null, parts)).toEqual({ ...parties, nodes: parties.nodes.map((r) => asAsked(r, parts)) });
      const partyPage = await store.listParties({}, { first: 2 });
      expect(await store.listParties({}, { first: 2 }, parts)).toEqual({ ...partyPage, nodes: partyPage.nodes.map((r) => asAsked(r, parts)) });
    });
  });
}
