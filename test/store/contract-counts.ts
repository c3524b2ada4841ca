/**
 * The store contract, continued: counts per kind (what an overview draws without listing), the
 * paged party list, and the cross-border flag the stores keep for counting, which must follow
 * every write that can change it: a flow written, a party's country changed by a MERGE, a REPLACE,
 * a delete.
 */
import type { Manifest } from '../../src/domain/manifest';
import { isCrossBorder } from '../../src/domain/flows';
import { parseManifest } from '../../src/domain/validate';
import type { CountsByKind, FlowQuery, InventoryStore, ListSizes, PartyQuery, Relation } from '../../src/store/inventory-store';
import { fixtureFlow, inventory } from './fixtures';

type Open = () => Promise<InventoryStore>;
type Close = (store: InventoryStore) => Promise<void>;

/** The oracle: counts per kind over a list of nodes, kinds with none absent. */
function tally<K extends string>(nodes: Array<{ kind: K }>): CountsByKind<K> {
  const out: Partial<Record<K, number>> = {};
  for (const n of nodes) out[n.kind] = (out[n.kind] ?? 0) + 1;
  return out;
}

/** The cross-border flows of a manifest, by the domain rule (both countries known and different). */
function crossBorderKeys(m: Manifest): string[] {
  const country = new Map(m.parties.map((p) => [p.key, p.country]));
  return m.flows.filter((f) => isCrossBorder(country.get(f.from), country.get(f.to))).map((f) => f.key).sort();
}

const party = (key: string) => inventory().parties.find((p) => p.key === key)!;
const keys = (nodes: Array<{ key: string }>) => nodes.map((n) => n.key);

/** A store from `open`, holding `manifest`: what most blocks below start from. */
async function openLoaded(open: Open, manifest: Manifest): Promise<InventoryStore> {
  const store = await open();
  await store.write(manifest, 'REPLACE');
  return store;
}

export function describeCountsContract(open: Open, close: Close): void {
  describe('counts by kind', () => {
    let store: InventoryStore;
    const m = inventory();
    beforeAll(async () => (store = await openLoaded(open, m)));
    afterAll(async () => close(store));

    test('parties of each kind, every party counted once', async () => {
      const counts = await store.countPartiesByKind({});
      expect(counts).toEqual(tally(m.parties));
      expect(counts.FIRST_PARTY).toBe(4); // app, backend, crm, warehouse
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(m.parties.length);
    });

    test('parties of each kind under a filter', async () => {
      expect(await store.countPartiesByKind({ kind: 'THIRD_PARTY' })).toEqual({ THIRD_PARTY: m.parties.filter((p) => p.kind === 'THIRD_PARTY').length });
      expect(await store.countPartiesByKind({ search: 'GOOGLE' })).toEqual({ THIRD_PARTY: 1 });
      expect(await store.countPartiesByKind({ kind: 'AUTHORITY', search: 'umeng' })).toEqual({});
    });

    test('flows of each kind, every flow counted once', async () => {
      const counts = await store.countFlowsByKind({});
      expect(counts).toEqual(tally(m.flows));
      expect(counts.PROVISION).toBe(4); // crash-5, disclose-police, share-firebase, share-umeng
    });

    const flowCases: Array<[string, FlowQuery, string[]]> = [
      ['cross-border', { crossBorder: true }, ['crash-6', 'share-firebase']],
      ['not cross-border', { crossBorder: false }, m.flows.map((f) => f.key).filter((k) => !['crash-6', 'share-firebase'].includes(k))],
      ['from a party', { fromKey: 'backend' }, ['crash-3', 'disclose-police', 'share-firebase', 'sync-to-crm']],
      ['carrying a field', { fieldKey: 'imei' }, ['collect-device', 'share-umeng', 'upload']],
      ['of one kind, cross-border', { kind: 'PROVISION', crossBorder: true }, ['share-firebase']],
      ['matching nothing', { toKey: 'no-such-party' }, []],
    ];
    test.each(flowCases)('flows of each kind under a filter: %s', async (_, query, expected) => {
      expect(await store.countFlowsByKind(query)).toEqual(tally(m.flows.filter((f) => expected.includes(f.key))));
    });
  });

  describe('listParties with a page', () => {
    let store: InventoryStore;
    const all = inventory().parties.map((p) => p.key).sort();
    beforeAll(async () => (store = await openLoaded(open, inventory())));
    afterAll(async () => close(store));

    test('pages in key order, each with the total of every match', async () => {
      const first = await store.listParties({}, { first: 5 });
      expect(keys(first.nodes)).toEqual(all.slice(0, 5));
      expect([first.totalCount, first.hasNextPage]).toEqual([all.length, true]);
      const rest = await store.listParties({}, { first: 100, afterKey: all[4] });
      expect(keys(rest.nodes)).toEqual(all.slice(5));
      expect([rest.totalCount, rest.hasNextPage]).toEqual([all.length, false]);
    });

    test('a page of none gives the count alone; filters apply to pages and counts', async () => {
      expect(await store.listParties({ kind: 'FIRST_PARTY' }, { first: 0 })).toEqual({ nodes: [], totalCount: 4, hasNextPage: true });
      const page = await store.listParties({ kind: 'FIRST_PARTY' }, { first: 2, afterKey: 'app' });
      expect(keys(page.nodes)).toEqual(['backend', 'crm']);
      expect([page.totalCount, page.hasNextPage]).toEqual([4, true]);
    });

    test('without a page, every match (the unpaged list)', async () => {
      const page = await store.listParties({});
      expect(keys(page.nodes)).toEqual(all);
      expect([page.totalCount, page.hasNextPage]).toEqual([all.length, false]);
      expect(page.nodes.find((p) => p.key === 'umeng')).toMatchObject({ ...party('umeng'), version: 1 });
    });
  });

  describe('parties by several kinds and by SDK package name', () => {
    let store: InventoryStore;
    const m = inventory();
    beforeAll(async () => (store = await openLoaded(open, m)));
    afterAll(async () => close(store));

    const cases: Array<[string, PartyQuery, string[]]> = [
      ['any of several kinds', { kinds: ['ENTRUSTED_PARTY', 'AUTHORITY'] }, ['archive', 'bi', 'police']],
      ['recipients: every kind but the data subject and first parties', { kinds: ['AFFILIATE', 'ENTRUSTED_PARTY', 'THIRD_PARTY', 'AUTHORITY', 'PUBLIC'] }, ['archive', 'bi', 'firebase', 'partner', 'police', 'umeng']],
      ['kinds with kind: both must hold', { kind: 'THIRD_PARTY', kinds: ['THIRD_PARTY', 'AUTHORITY'] }, ['firebase', 'partner', 'umeng']],
      ['kinds with a kind outside them', { kind: 'FIRST_PARTY', kinds: ['THIRD_PARTY'] }, []],
      ['an empty kinds list matches nothing', { kinds: [] }, []],
      ['search on an SDK package name, any case', { search: 'COM.UMENG.ANALYTICS' }, ['umeng']],
      ['search on part of an SDK package name', { search: 'google.fire' }, ['firebase']],
      ['search on what several SDK packages share', { search: 'com.' }, ['firebase', 'umeng']],
      ['search on an SDK package name within kinds', { search: 'commonsdk', kinds: ['THIRD_PARTY', 'ENTRUSTED_PARTY'] }, ['umeng']],
      ['search on an SDK package name outside kinds', { search: 'commonsdk', kinds: ['AUTHORITY'] }, []],
    ];

    test.each(cases)('%s: the list, its pages and the counts per kind agree', async (_, query, expected) => {
      const listed = await store.listParties(query);
      expect(keys(listed.nodes)).toEqual(expected);
      expect(listed.totalCount).toBe(expected.length);
      const first = await store.listParties(query, { first: 2 });
      expect(keys(first.nodes)).toEqual(expected.slice(0, 2));
      expect([first.totalCount, first.hasNextPage]).toEqual([expected.length, expected.length > 2]);
      if (expected.length > 2) {
        const rest = await store.listParties(query, { first: 100, afterKey: expected[1] });
        expect(keys(rest.nodes)).toEqual(expected.slice(2));
        expect(rest.totalCount).toBe(expected.length);
      }
      expect(await store.countPartiesByKind(query)).toEqual(tally(m.parties.filter((p) => expected.includes(p.key))));
    });
  });

  describe('the cross-border flag follows every write', () => {
    let store: InventoryStore;
    beforeEach(async () => {
      store = await open();
      await store.write(inventory(), 'REPLACE');
    });
    afterEach(async () => close(store));

    /** Both ways the flag is read, checked against the domain rule over the stored inventory. */
    const expectCrossBorder = async (expected: string[]) => {
      expect(crossBorderKeys(await store.exportManifest())).toEqual(expected);
      const page = await store.listFlows({ crossBorder: true }, { first: 100 });
      expect(keys(page.nodes)).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
      const flows = (await store.listFlows({}, { first: 100 })).nodes.filter((f) => expected.includes(f.key));
      expect(await store.countFlowsByKind({ crossBorder: true })).toEqual(tally(flows));
    };

    test('a MERGE that changes a party\'s country changes its flows, though they are not written', async () => {
      await expectCrossBorder(['crash-6', 'share-firebase']); // counted once before, so a kept count would show
      await store.write(parseManifest({ parties: [{ ...party('archive'), country: 'CN' }, { ...party('police'), country: 'HK' }] }), 'MERGE');
      await expectCrossBorder(['disclose-police', 'share-firebase']);
    });

    test('a MERGE that takes a party\'s country away: unknown never crosses', async () => {
      const { country: _, ...firebase } = party('firebase');
      await store.write(parseManifest({ parties: [firebase] }), 'MERGE');
      await expectCrossBorder(['crash-6']);
    });

    test('a MERGE of a flow sent elsewhere, and of a new party abroad with a flow to it', async () => {
      await store.write(parseManifest({
        parties: [{ key: 'tokyo-lab', name: 'Tokyo lab', kind: 'ENTRUSTED_PARTY', country: 'JP', sources: [] }],
        flows: [
          { ...fixtureFlow('share-umeng'), to: 'firebase' },
          { ...fixtureFlow('crash-6'), to: 'warehouse' },
          { ...fixtureFlow('upload'), key: 'upload-tokyo', to: 'tokyo-lab' },
        ],
      }), 'MERGE');
      await expectCrossBorder(['share-firebase', 'share-umeng', 'upload-tokyo']);
    });

    test('a REPLACE decides from its own parties', async () => {
      const m = inventory();
      const replaced = parseManifest({ ...m, parties: m.parties.map((p) => (p.key === 'umeng' ? { ...p, country: 'SG' } : p)) });
      await store.write(replaced, 'REPLACE');
      await expectCrossBorder(['crash-6', 'share-firebase', 'share-umeng']);
    });

    test('a deleted flow is no longer counted', async () => {
      await expectCrossBorder(['crash-6', 'share-firebase']);
      await store.deleteNodes('flow', ['share-firebase']);
      await expectCrossBorder(['crash-6']);
    });
  });

  describe('list-size statistics (what the query cost model estimates with)', () => {
    let store: InventoryStore;
    const m = inventory();
    beforeAll(async () => (store = await openLoaded(open, m)));
    afterAll(async () => close(store));

    /** items, sum of squares and longest of a set of lists, empty ones left out as the stores do. */
    const sizes = (lists: string[][]): ListSizes => {
      const lengths = lists.map((l) => l.length).filter((n) => n > 0);
      return { items: lengths.reduce((a, b) => a + b, 0), sumOfSquares: lengths.reduce((a, b) => a + b * b, 0), longest: Math.max(0, ...lengths) };
    };

    test('counts every node type and sizes every list, as the relations and the manifest say', async () => {
      const stats = await store.listSizeStatistics();
      expect(stats.nodes).toEqual({
        document: m.documents.length, category: m.categories.length, field: m.fields.length, purpose: m.purposes.length,
        permission: m.permissions.length, party: m.parties.length, legalBasis: m.legalBases.length, flow: m.flows.length,
      });
      // The oracle for relations: related() over every owner, a read the contract checks elsewhere.
      const owners: Record<Relation, string[]> = {
        'field.flows': keys(m.fields), 'flow.carriedFields': keys(m.flows), 'category.children': keys(m.categories),
        'category.fields': keys(m.categories), 'party.inbound': keys(m.parties), 'party.outbound': keys(m.parties),
        'purpose.flows': keys(m.purposes), 'permission.flows': keys(m.permissions), 'legalBasis.flows': keys(m.legalBases),
        'document.clauses': keys(m.documents),
      };
      for (const [relation, ownerKeys] of Object.entries(owners) as Array<[Relation, string[]]>) {
        expect({ relation, sizes: stats.lists[relation] }).toEqual({ relation, sizes: sizes(await store.related(relation, ownerKeys)) });
      }
      // Lists a flow names itself, and every node's citations, straight from the manifest.
      expect(stats.lists['flow.fields']).toEqual(sizes(m.flows.map((f) => f.fields)));
      expect(stats.lists['flow.categories']).toEqual(sizes(m.flows.map((f) => f.categories)));
      expect(stats.lists['flow.purposes']).toEqual(sizes(m.flows.map((f) => f.purposes)));
      expect(stats.lists['flow.legalBases']).toEqual(sizes(m.flows.map((f) => f.legalBases)));
      expect(stats.lists['flow.permissions']).toEqual(sizes(m.flows.map((f) => f.permissions)));
      const cited = [m.categories, m.fields, m.purposes, m.permissions, m.parties, m.legalBases, m.flows].flatMap((nodes) => (nodes as Array<{ sources?: string[] }>).map((n) => n.sources ?? []));
      expect(stats.lists['node.sources']).toEqual(sizes(cited));
      // The fixture has lists of more than one length, so sums of squares are not items.
      expect(stats.lists['flow.carriedFields'].sumOfSquares).toBeGreaterThan(stats.lists['flow.carriedFields'].items);
    });

    test('follows writes: a delete shrinks the lists, an empty REPLACE leaves none', async () => {
      const before = await store.listSizeStatistics();
      await store.deleteNodes('flow', ['share-firebase']);
      const after = await store.listSizeStatistics();
      expect(after.nodes.flow).toBe(before.nodes.flow - 1);
      expect(after.lists['party.inbound'].items).toBe(before.lists['party.inbound'].items - 1);
      await store.write(parseManifest({}), 'REPLACE');
      const empty = await store.listSizeStatistics();
      expect(Object.values(empty.nodes).every((n) => n === 0)).toBe(true);
      expect(Object.values(empty.lists).every((l) => l.items === 0 && l.sumOfSquares === 0 && l.longest === 0)).toBe(true);
    });
  });
}
