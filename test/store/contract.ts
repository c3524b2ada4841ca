/**
 * The store contract: one suite every InventoryStore adapter must pass. It talks to the store
 * only through the InventoryStore interface, so the SQLite and Neo4j adapters run it unchanged.
 *
 * Where the interface leaves an order open (related keys other than clauses, referrers, lineage
 * paths), results are compared as sets; where it fixes one (nodes "in the order asked", lists
 * "ordered by key", pages "after this key", clauses in document order), the order is asserted.
 */
import { DEFAULT_LINEAGE_LIMITS, type TracedLineage, type TracedPath } from '../../src/domain/lineage';
import type { Manifest, ManifestInput } from '../../src/domain/manifest';
import { ConflictError, ReferencedError, ValidationError, type Problem } from '../../src/domain/problems';
import { parseManifest } from '../../src/domain/validate';
import { NODE_TYPES, type NodeType } from '../../src/domain/vocabulary';
import type {
  FieldQuery,
  FlowQuery,
  InventoryStore,
  LineageRequest,
  PartyQuery,
  Relation,
} from '../../src/store/inventory-store';
import {
  EFFECTIVE_CATEGORY_SENSITIVITY,
  EFFECTIVE_FIELD_SENSITIVITY,
  POLICY,
  POLICY_CLAUSES,
  SDK_LIST,
  TERMS,
  byKey,
  cite,
  fixtureFlow,
  inventory,
  merged,
  nodeCount,
  nodesOf,
  ordered,
  sortedKeys,
  tinyInventoryInput,
  without,
} from './fixtures';
import { describeAuditContract } from './contract-audit';
import { describeConcurrencyContract } from './contract-concurrency';
import { describeCountsContract } from './contract-counts';
import { describeReadPartsContract } from './contract-read-parts';
import { describeVersionsContract } from './contract-versions';

type Open = () => Promise<InventoryStore>;
type Close = (store: InventoryStore) => Promise<void>;

const ALL_FIELDS = sortedKeys(Object.keys(EFFECTIVE_FIELD_SENSITIVITY));
const ALL_FLOWS = sortedKeys(inventory().flows.map((f) => f.key));
const EVERYTHING = { first: 1000 };

// ---- helpers -------------------------------------------------------------------------------

/** A store holding the fixture inventory, fresh for each test or shared by a read-only block. */
function storeWithInventory(open: Open, close: Close, scope: 'each' | 'all'): () => InventoryStore {
  let store: InventoryStore | undefined;
  const setUp = async () => {
    store = await open();
    await store.write(inventory(), 'REPLACE');
  };
  const tearDown = async () => {
    if (store) await close(store);
    store = undefined;
  };
  if (scope === 'all') {
    beforeAll(setUp);
    afterAll(tearDown);
  } else {
    beforeEach(setUp);
    afterEach(tearDown);
  }
  return () => {
    if (!store) throw new Error('store not open');
    return store;
  };
}

/** The record getNodes/listAll must return for a manifest node: derived values added, clauses left out. */
function asStored(type: NodeType, node: { key: string }): unknown {
  switch (type) {
    case 'document': {
      const { clauses: _, ...document } = node as Manifest['documents'][number];
      return document;
    }
    case 'category':
      return { ...node, effective: EFFECTIVE_CATEGORY_SENSITIVITY[node.key] };
    case 'field':
      return { ...node, effective: EFFECTIVE_FIELD_SENSITIVITY[node.key] };
    default:
      return node;
  }
}

/** The error a call must fail with. */
async function rejection<E extends Error>(attempt: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  let result: unknown;
  try {
    result = await attempt;
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    return err as E;
  }
  throw new Error(`expected ${type.name}, but the call returned ${JSON.stringify(result)}`);
}

/** Runs a call that must fail, and checks that it changed nothing. */
async function failsWithoutWriting<E extends Error>(
  store: InventoryStore,
  attempt: () => Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const before = await store.exportManifest();
  const error = await rejection(attempt(), type);
  expect(await store.exportManifest()).toEqual(before);
  return error;
}

/** Whether some problem names this key (the tests pick keys that are no other key's substring). */
const mentions = (problems: Problem[], key: string): boolean =>
  problems.some((p) => p.path.includes(key) || p.message.includes(key));

const keysOf = (nodes: Array<{ key: string }>): string[] => nodes.map((n) => n.key);
const path = (destination: string, ...hops: string[]): TracedPath => ({ hops, destination });

/** Lineage paths compared as a set (the interface fixes their content, not their order). */
function expectLineage(actual: TracedLineage, expected: { paths: TracedPath[]; truncated: boolean }): void {
  expect(actual.truncated).toBe(expected.truncated);
  expect(actual.paths).toHaveLength(expected.paths.length);
  expect(actual.paths).toEqual(expect.arrayContaining(expected.paths));
}

function lineageRequest(fieldKey: string, overrides: Partial<LineageRequest> = {}): LineageRequest {
  return { fieldKey, direction: 'DOWNSTREAM', limits: DEFAULT_LINEAGE_LIMITS, ...overrides };
}

/** Follows `afterKey` until the last page, returning every page. */
async function allPages<T extends { key: string }>(
  fetch: (page: { first: number; afterKey?: string | null }) => Promise<{ nodes: T[]; totalCount: number; hasNextPage: boolean }>,
  first: number,
) {
  const pages = [];
  let afterKey: string | null = null;
  for (;;) {
    const page = await fetch({ first, afterKey });
    pages.push(page);
    if (!page.hasNextPage || page.nodes.length === 0) return pages;
    afterKey = page.nodes[page.nodes.length - 1].key;
  }
}

// ---- the suite -----------------------------------------------------------------------------

export function describeStoreContract(name: string, open: Open, close: Close = (store) => store.close()): void {
  describe(`InventoryStore contract: ${name}`, () => {
    describeReads(open, close);
    describeWrites(open, close);
    describeDeletes(open, close);
    describeSnapshots(open, close);
    describeVersionsAndAudit(open, close);
    describeConcurrencyContract(open, close);
    describeCountsContract(open, close);
    describeAuditContract(open, close);
    describeReadPartsContract(open, close);
    describeVersionsContract(open, close);

    test('migrate() is idempotent and keeps the data', async () => {
      const store = await open();
      try {
        await store.write(inventory(), 'REPLACE');
        await store.migrate();
        await store.migrate();
        await store.ping();
        expect(await store.exportManifest()).toEqual(ordered(inventory()));
      } finally {
        await close(store);
      }
    });

    test('an empty store exports an empty manifest', async () => {
      const store = await open();
      try {
        expect(await store.exportManifest()).toEqual(parseManifest({}));
      } finally {
        await close(store);
      }
    });

    test('exportManifest round trip: export, REPLACE into a fresh store, export again', async () => {
      const source = await open();
      const copy = await open();
      try {
        await source.write(inventory(), 'REPLACE');
        const exported = await source.exportManifest();
        expect(exported).toEqual(ordered(inventory()));
        await copy.write(exported, 'REPLACE');
        expect(await copy.exportManifest()).toEqual(exported);
      } finally {
        await close(source);
        await close(copy);
      }
    });
  });
}

function describeReads(open: Open, close: Close): void {
  describe('reads', () => {
    const store = storeWithInventory(open, close, 'all');
    /** A list record as the adapter hands it out: with its version (1, freshly written). */
    const listed = (record: unknown) => ({ ...(record as object), version: 1 });

    describe('getNodes', () => {
      test.each(NODE_TYPES)('%s: records equal to the input, in the order asked, null for missing', async (type) => {
        const nodes = nodesOf(inventory(), type);
        const asked = ['no-such-key', ...keysOf(nodes).reverse(), nodes[0].key];
        // A freshly written inventory is at version 1 throughout.
        const stored = (n: { key: string }) => ({ ...(asStored(type, n) as object), version: 1 });
        const expected = [null, ...[...nodes].reverse().map(stored), stored(nodes[0])];
        expect(await store().getNodes(type, asked)).toEqual(expected);
      });

      test('no keys, no nodes', async () => {
        expect(await store().getNodes('field', [])).toEqual([]);
      });
    });

    describe('effective sensitivity', () => {
      test('categories inherit from their parent unless they state their own', async () => {
        const keys = Object.keys(EFFECTIVE_CATEGORY_SENSITIVITY);
        const categories = await store().getNodes('category', keys);
        expect(Object.fromEntries(categories.map((c) => [c!.key, c!.effective]))).toEqual(EFFECTIVE_CATEGORY_SENSITIVITY);
      });

      test('fields inherit through every ancestor, override it, or stop it with sensitive: false', async () => {
        const fields = await store().listAll('field');
        expect(Object.fromEntries(fields.map((f) => [f.key, f.effective]))).toEqual(EFFECTIVE_FIELD_SENSITIVITY);
      });
    });

    describe('getClauses', () => {
      test('clauses by citation, in the order asked, null for missing', async () => {
        const clauses = await store().getClauses([cite(POLICY, '二.3'), cite(POLICY, 'nope'), cite('no-doc', '1'), 'not a citation', cite(POLICY, '一.1')]);
        expect(clauses.map((c) => c && { ...c, title: c.title ?? null })).toEqual([
          { documentKey: POLICY, ref: '二.3', title: '第三方SDK', text: '我们接入了友盟统计SDK。' },
          null,
          null,
          null,
          { documentKey: POLICY, ref: '一.1', title: null, text: '本政策适用于金泉App。' },
        ]);
      });
    });

    describe('related', () => {
      const cases: Array<[Relation, string[], string[][]]> = [
        ['field.flows', ['imei', 'gps-coordinates', 'face-image', 'no-such-field'], [['collect-device', 'share-umeng', 'upload'], ['collect-location'], ['collect-face'], []]],
        ['flow.carriedFields', ['collect-location', 'upload', 'collect-face', 'share-umeng'], [
          ['cell-id', 'city', 'gps-coordinates', 'wifi-bssid'],
          ['android-id', 'imei', 'phone-number'],
          ['face-image', 'id-expiry', 'id-number'],
          ['imei'],
        ]],
        ['category.children', ['location', 'location.precise.gps', 'device'], [['location.coarse', 'location.precise'], [], ['device.ids']]],
        ['category.fields', ['location.precise', 'location', 'device.ids'], [['wifi-bssid'], [], ['android-id', 'imei']]],
        ['party.inbound', ['backend', 'user'], [['crash-2', 'sync-from-crm', 'upload'], []]],
        ['party.outbound', ['backend', 'umeng'], [['crash-3', 'disclose-police', 'share-firebase', 'sync-to-crm'], []]],
        ['purpose.flows', ['analytics', 'marketing'], [['collect-device', 'share-firebase', 'share-umeng', 'upload'], []]],
        ['permission.flows', ['ACCESS_COARSE_LOCATION', 'NSCameraUsageDescription'], [['collect-location'], []]],
        ['legalBasis.flows', ['pipl-13-1-1', 'pipl-13-1-3'], [['collect-device', 'collect-face', 'collect-location', 'share-umeng'], ['disclose-police']]],
      ];

      test.each(cases)('%s for %j', async (relation, keys, expected) => {
        const related = await store().related(relation, keys);
        expect(related.map(sortedKeys)).toEqual(expected);
      });

      test('document.clauses: citations in clause order, per document asked', async () => {
        expect(await store().related('document.clauses', [SDK_LIST, TERMS, POLICY])).toEqual([[cite(SDK_LIST, '1')], [], POLICY_CLAUSES]);
      });

      test('answers the same key asked twice, and nothing for no keys', async () => {
        expect((await store().related('category.fields', ['device.ids', 'device.ids'])).map(sortedKeys)).toEqual([['android-id', 'imei'], ['android-id', 'imei']]);
        expect(await store().related('field.flows', [])).toEqual([]);
      });
    });

    describe('existence and referrers', () => {
      test('existingKeys: which of these keys exist, for the type asked', async () => {
        expect(await store().existingKeys('field', ['imei', 'device', 'no-such-field', 'city'])).toEqual(new Set(['imei', 'city']));
        expect(await store().existingKeys('category', ['imei', 'device'])).toEqual(new Set(['device']));
        expect(await store().existingKeys('party', [])).toEqual(new Set());
      });

      test('existingClauses: which of these citations exist', async () => {
        const asked = [cite(POLICY, '一.1'), cite(POLICY, '1'), cite(SDK_LIST, '1'), cite(TERMS, '1')];
        expect(await store().existingClauses(asked)).toEqual(new Set([cite(POLICY, '一.1'), cite(SDK_LIST, '1')]));
      });

      const cases: Array<[NodeType, string, string[]]> = [
        ['party', 'umeng', ['flow:share-umeng']],
        ['party', 'crm', ['flow:sync-from-crm', 'flow:sync-to-crm']],
        ['category', 'location', ['category:location.coarse', 'category:location.precise', 'flow:collect-location']],
        ['category', 'device.ids', ['field:android-id', 'field:imei']],
        ['field', 'phone-number', ['flow:collect-account', 'flow:sync-from-crm', 'flow:sync-to-crm', 'flow:upload']],
        ['purpose', 'marketing', []],
        ['permission', 'android.permission.CAMERA', ['flow:collect-face']],
        ['legalBasis', 'pipl-13-1-2', ['flow:collect-account']],
        ['document', POLICY, ['category:device', 'field:imei', 'flow:collect-device', 'flow:share-umeng', 'legalBasis:pipl-13-1-1', 'permission:READ_PHONE_STATE', 'purpose:analytics']],
        ['document', SDK_LIST, ['flow:share-umeng', 'party:umeng']],
        ['document', TERMS, []],
        ['flow', 'upload', []],
      ];
      test.each(cases)('referrers(%s, %s)', async (type, key, expected) => {
        expect(sortedKeys(await store().referrers(type, key))).toEqual(expected);
      });
    });

    describe('listAll', () => {
      test.each(NODE_TYPES)('%s: every node, ordered by key', async (type) => {
        const expected = [...nodesOf(inventory(), type)].sort(byKey).map((n) => listed(asStored(type, n)));
        expect(await store().listAll(type)).toEqual(expected);
      });

      test('orders keys by code point (upper case before lower case)', async () => {
        expect(keysOf(await store().listAll('permission'))).toEqual([
          'ACCESS_COARSE_LOCATION', 'ACCESS_FINE_LOCATION', 'NSCameraUsageDescription', 'READ_PHONE_STATE', 'android.permission.CAMERA',
        ]);
      });
    });

    describe('listFields', () => {
      const cases: Array<[string, FieldQuery, string[]]> = [
        ['no filter', {}, ALL_FIELDS],
        ['search on the key, any case', { search: 'CRASH-LOG' }, ['crash-log']],
        ['search on the name, any case', { search: 'latitude' }, ['gps-coordinates']],
        ['search on the Chinese name', { search: '经纬' }, ['gps-coordinates']],
        ['search folding the case of accented letters', { search: 'RÉPERTOIRE' }, ['contacts']],
        ['search matching several fields', { search: '设备' }, ['android-id', 'imei']],
        ['search matching nothing', { search: 'zzz' }, []],
        ['sensitive', { sensitive: true }, ['cell-id', 'contacts', 'face-image', 'gps-coordinates', 'id-number', 'wifi-bssid']],
        ['not sensitive', { sensitive: false }, ['android-id', 'city', 'crash-log', 'id-expiry', 'imei', 'phone-number']],
        ['category with its descendants', { categoryKey: 'location' }, ['cell-id', 'city', 'gps-coordinates', 'wifi-bssid']],
        ['inner category', { categoryKey: 'location.coarse' }, ['cell-id', 'city']],
        ['leaf category', { categoryKey: 'identity.face' }, ['face-image']],
        ['purpose, through a flow naming a category', { purposeKey: 'navigation' }, ['cell-id', 'city', 'gps-coordinates', 'wifi-bssid']],
        ['purpose, through several flows', { purposeKey: 'analytics' }, ['android-id', 'imei', 'phone-number']],
        ['purpose no flow has', { purposeKey: 'marketing' }, []],
        ['permission', { permissionKey: 'android.permission.CAMERA' }, ['face-image', 'id-expiry', 'id-number']],
        ['recipient', { recipientKey: 'backend' }, ['android-id', 'crash-log', 'imei', 'phone-number']],
        ['recipient of one field', { recipientKey: 'umeng' }, ['imei']],
        ['party that receives nothing', { recipientKey: 'user' }, []],
        ['filters combine', { sensitive: true, categoryKey: 'location' }, ['cell-id', 'gps-coordinates', 'wifi-bssid']],
        ['search and recipient combine', { search: '设备', recipientKey: 'umeng' }, ['imei']],
      ];

      test.each(cases)('%s', async (_, query, expected) => {
        const page = await store().listFields(query, EVERYTHING);
        expect(keysOf(page.nodes)).toEqual(expected);
        expect(page.totalCount).toBe(expected.length);
        expect(page.hasNextPage).toBe(false);
      });

      test('returns stored records, with their effective sensitivity', async () => {
        const page = await store().listFields({ search: 'imei' }, EVERYTHING);
        expect(page.nodes).toEqual([listed(asStored('field', inventory().fields[0]))]);
      });

      test('pages in a stable key order; totalCount counts every match', async () => {
        const pages = await allPages((page) => store().listFields({}, page), 5);
        expect(pages.map((p) => keysOf(p.nodes))).toEqual([ALL_FIELDS.slice(0, 5), ALL_FIELDS.slice(5, 10), ALL_FIELDS.slice(10)]);
        expect(pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);
        expect(pages.map((p) => p.totalCount)).toEqual([12, 12, 12]);
      });

      test('pages a filtered list', async () => {
        const pages = await allPages((page) => store().listFields({ sensitive: true }, page), 4);
        expect(pages.map((p) => keysOf(p.nodes))).toEqual([['cell-id', 'contacts', 'face-image', 'gps-coordinates'], ['id-number', 'wifi-bssid']]);
        expect(pages.map((p) => [p.totalCount, p.hasNextPage])).toEqual([[6, true], [6, false]]);
      });

      test('afterKey need not be a stored key', async () => {
        const page = await store().listFields({}, { first: 3, afterKey: 'h' });
        expect(keysOf(page.nodes)).toEqual(['id-expiry', 'id-number', 'imei']);
        expect(page.hasNextPage).toBe(true);
      });

      test('a page ending exactly at the last node has no next page', async () => {
        const page = await store().listFields({}, { first: 2, afterKey: ALL_FIELDS[ALL_FIELDS.length - 3] });
        expect(keysOf(page.nodes)).toEqual(ALL_FIELDS.slice(-2));
        expect(page.hasNextPage).toBe(false);
      });
    });

    describe('listParties', () => {
      const cases: Array<[string, PartyQuery, string[]]> = [
        ['no filter', {}, ['app', 'archive', 'backend', 'bi', 'crm', 'firebase', 'partner', 'police', 'umeng', 'user', 'warehouse']],
        ['search on the key, any case', { search: 'FIRE' }, ['firebase']],
        ['search on the name', { search: 'SERVERS' }, ['backend']],
        ['search on the Chinese name', { search: '友盟' }, ['umeng']],
        ['search folding the case of accented letters', { search: 'GÉNÉRALE' }, ['partner']],
        ['kind', { kind: 'FIRST_PARTY' }, ['app', 'backend', 'crm', 'warehouse']],
        ['kind and search combine', { kind: 'THIRD_PARTY', search: 'google' }, ['firebase']],
        ['kind and search with no common match', { kind: 'AUTHORITY', search: 'umeng' }, []],
      ];
      test.each(cases)('%s', async (_, query, expected) => {
        expect(keysOf((await store().listParties(query)).nodes)).toEqual(expected);
      });
    });

    describe('listFlows', () => {
      const notCrossBorder = ALL_FLOWS.filter((k) => !['crash-6', 'share-firebase'].includes(k));
      const cases: Array<[string, FlowQuery, string[]]> = [
        ['no filter', {}, ALL_FLOWS],
        ['field, named directly or through an ancestor category', { fieldKey: 'imei' }, ['collect-device', 'share-umeng', 'upload']],
        ['field two categories below the one a flow names', { fieldKey: 'gps-coordinates' }, ['collect-location']],
        ['field named by one flow and carried through a category by another', { fieldKey: 'id-number' }, ['collect-face', 'disclose-police']],
        ['unknown field', { fieldKey: 'no-such-field' }, []],
        ['from', { fromKey: 'backend' }, ['crash-3', 'disclose-police', 'share-firebase', 'sync-to-crm']],
        ['to', { toKey: 'app' }, ['collect-account', 'collect-device', 'collect-face', 'collect-location', 'crash-1']],
        ['cross-border', { crossBorder: true }, ['crash-6', 'share-firebase']],
        ['not cross-border (an unknown country never crosses)', { crossBorder: false }, notCrossBorder],
        ['kind', { kind: 'PROVISION' }, ['crash-5', 'disclose-police', 'share-firebase', 'share-umeng']],
        ['purpose', { purposeKey: 'analytics' }, ['collect-device', 'share-firebase', 'share-umeng', 'upload']],
        ['field and from combine', { fieldKey: 'phone-number', fromKey: 'backend' }, ['sync-to-crm']],
        ['cross-border and kind combine', { crossBorder: true, kind: 'ENTRUSTED_PROCESSING' }, ['crash-6']],
      ];

      test.each(cases)('%s', async (_, query, expected) => {
        const page = await store().listFlows(query, EVERYTHING);
        expect(keysOf(page.nodes)).toEqual(expected);
        expect(page.totalCount).toBe(expected.length);
      });

      test('returns flows equal to the input', async () => {
        const page = await store().listFlows({ fieldKey: 'imei', kind: 'PROVISION' }, EVERYTHING);
        expect(page.nodes).toEqual([listed(fixtureFlow('share-umeng'))]);
      });

      test('pages in key order', async () => {
        const pages = await allPages((page) => store().listFlows({ crossBorder: false }, page), 10);
        expect(pages.map((p) => keysOf(p.nodes))).toEqual([notCrossBorder.slice(0, 10), notCrossBorder.slice(10)]);
        expect(pages.map((p) => [p.totalCount, p.hasNextPage])).toEqual([[notCrossBorder.length, true], [notCrossBorder.length, false]]);
      });
    });

    describe('traceLineage', () => {
      const trace = async (fieldKey: string, overrides: Partial<LineageRequest> = {}) =>
        (await store().traceLineage([lineageRequest(fieldKey, overrides)]))[0];

      test('downstream from the field\'s origins, fanning out', async () => {
        expectLineage(await trace('imei'), {
          paths: [path('umeng', 'collect-device', 'share-umeng'), path('backend', 'collect-device', 'upload')],
          truncated: false,
        });
      });

      test('follows flows that carry the field through a category', async () => {
        expectLineage(await trace('android-id'), { paths: [path('firebase', 'collect-device', 'upload', 'share-firebase')], truncated: false });
        expectLineage(await trace('gps-coordinates'), { paths: [path('app', 'collect-location')], truncated: false });
      });

      test('upstream from the field\'s sinks, back to where it came from', async () => {
        expectLineage(await trace('imei', { direction: 'UPSTREAM' }), {
          paths: [path('user', 'upload', 'collect-device'), path('user', 'share-umeng', 'collect-device')],
          truncated: false,
        });
      });

      test('from explicit start parties', async () => {
        expectLineage(await trace('imei', { startKeys: ['app'] }), {
          paths: [path('umeng', 'share-umeng'), path('backend', 'upload')],
          truncated: false,
        });
        expectLineage(await trace('android-id', { direction: 'UPSTREAM', startKeys: ['backend'] }), {
          paths: [path('user', 'upload', 'collect-device')],
          truncated: false,
        });
      });

      test('a cycle ends the path at the party visited again, without truncation', async () => {
        expectLineage(await trace('phone-number'), {
          paths: [path('backend', 'collect-account', 'upload', 'sync-to-crm', 'sync-from-crm')],
          truncated: false,
        });
        expectLineage(await trace('phone-number', { startKeys: ['crm'] }), {
          paths: [path('crm', 'sync-from-crm', 'sync-to-crm')],
          truncated: false,
        });
      });

      test('maxDepth cuts a longer chain and says so', async () => {
        expectLineage(await trace('crash-log'), {
          paths: [path('partner', 'crash-1', 'crash-2', 'crash-3', 'crash-4', 'crash-5')],
          truncated: true,
        });
        expectLineage(await trace('crash-log', { limits: { maxDepth: 6, maxPaths: 1000 } }), {
          paths: [path('archive', 'crash-1', 'crash-2', 'crash-3', 'crash-4', 'crash-5', 'crash-6')],
          truncated: false,
        });
      });

      test('maxPaths caps the paths and says so', async () => {
        const all = await trace('imei');
        const capped = await trace('imei', { limits: { maxDepth: 5, maxPaths: 1 } });
        expect(capped.truncated).toBe(true);
        expect(capped.paths).toHaveLength(1);
        expect(all.paths).toContainEqual(capped.paths[0]);
        expect((await trace('imei', { limits: { maxDepth: 5, maxPaths: 2 } })).truncated).toBe(false);
      });

      test('a field no flow carries has no lineage', async () => {
        expect(await trace('no-such-field')).toEqual({ paths: [], truncated: false });
        expect(await store().traceLineage([])).toEqual([]);
      });

      test('answers a batch of requests in order', async () => {
        const requests = [
          lineageRequest('crash-log'),
          lineageRequest('no-such-field'),
          lineageRequest('imei', { direction: 'UPSTREAM', startKeys: ['umeng'] }),
          lineageRequest('crash-log', { limits: { maxDepth: 1, maxPaths: 10 } }),
        ];
        const [deep, none, upstream, shallow] = await store().traceLineage(requests);
        expect(deep.truncated).toBe(true);
        expect(deep.paths[0].hops).toHaveLength(5);
        expect(none).toEqual({ paths: [], truncated: false });
        expectLineage(upstream, { paths: [path('user', 'share-umeng', 'collect-device')], truncated: false });
        expectLineage(shallow, { paths: [path('app', 'crash-1')], truncated: true });
      });
    });
  });
}

function describeWrites(open: Open, close: Close): void {
  describe('write', () => {
    const store = storeWithInventory(open, close, 'each');

    /** MERGEs the input and checks the store now holds exactly the model of a MERGE. */
    async function mergeAndCheck(input: ManifestInput): Promise<Manifest> {
      const overlay = parseManifest(input);
      const before = await store().exportManifest();
      await store().write(overlay, 'MERGE');
      expect(await store().exportManifest()).toEqual(merged(before, overlay));
      return overlay;
    }

    test('reports what it wrote', async () => {
      const m = inventory();
      const summary = await store().write(m, 'REPLACE');
      expect(summary).toEqual({
        mode: 'REPLACE',
        written: {
          document: 3, clause: 4, category: m.categories.length, field: m.fields.length, purpose: m.purposes.length,
          permission: m.permissions.length, party: m.parties.length, legalBasis: m.legalBases.length, flow: m.flows.length,
        },
        removed: nodeCount(m),
      });
    });

    describe('MERGE', () => {
      test('replaces a field whole: omitted optionals and sources are gone', async () => {
        await mergeAndCheck({ fields: [{ key: 'imei', name: 'IMEI number', category: 'device' }] });
        expect(await store().getNodes('field', ['imei'])).toEqual([
          { key: 'imei', name: 'IMEI number', category: 'device', sources: [], effective: { sensitive: false, sensitiveClass: null }, version: 2 },
        ]);
        expect(await store().related('category.fields', ['device', 'device.ids'])).toEqual([['imei'], ['android-id']]);
      });

      test('replaces a flow\'s lists whole', async () => {
        const flow = { ...fixtureFlow('share-umeng'), fields: ['android-id'], categories: ['location.coarse'], purposes: ['crash-reporting'], legalBases: [], sources: [] };
        await mergeAndCheck({ flows: [flow] });
        expect(await store().related('flow.carriedFields', ['share-umeng'])).toEqual([['android-id', 'cell-id', 'city']]);
        expect(sortedKeys((await store().related('purpose.flows', ['analytics']))[0])).toEqual(['collect-device', 'share-firebase', 'upload']);
        expect(await store().referrers('document', SDK_LIST)).toEqual(['party:umeng']);
      });

      test('replaces a party\'s SDK packages rather than adding to them', async () => {
        await mergeAndCheck({ parties: [{ key: 'umeng', name: 'Umeng+', kind: 'THIRD_PARTY', sdkPackages: ['com.umeng.umsdk'] }] });
        const [umeng] = await store().getNodes('party', ['umeng']);
        expect(umeng).toEqual({ key: 'umeng', name: 'Umeng+', kind: 'THIRD_PARTY', sdkPackages: ['com.umeng.umsdk'], sources: [], version: 2 });
      });

      test('replaces a document\'s clauses, in their new order', async () => {
        await mergeAndCheck({
          documents: [{ key: SDK_LIST, title: '第三方SDK清单 v2', updatedAt: '2022-01-01', effectiveAt: '2022-01-01', clauses: [
            { ref: '2', title: 'Firebase', text: 'Google Firebase' },
            { ref: '1', text: '友盟+ U-App 统计SDK（新版）' },
          ] }],
        });
        expect(await store().related('document.clauses', [SDK_LIST])).toEqual([[cite(SDK_LIST, '2'), cite(SDK_LIST, '1')]]);
        const [clause] = await store().getClauses([cite(SDK_LIST, '1')]);
        expect(clause?.text).toBe('友盟+ U-App 统计SDK（新版）');
      });

      test('derived values follow a changed category: descendants re-inherit, flows re-carry', async () => {
        await mergeAndCheck({
          categories: [{ key: 'location', name: 'Location', sensitive: false }],
          fields: [{ key: 'crash-log', name: 'Crash log', category: 'location.precise.gps' }],
        });
        const [gps, wifi, cell, crash] = await store().getNodes('field', ['gps-coordinates', 'wifi-bssid', 'cell-id', 'crash-log']);
        expect([gps, wifi, cell, crash].map((f) => f!.effective.sensitive)).toEqual([false, false, true, false]);
        expect((await store().related('field.flows', ['crash-log']))[0]).toContain('collect-location');
        expect(keysOf((await store().listFields({ categoryKey: 'location' }, EVERYTHING)).nodes)).toContain('crash-log');
      });

      test('a flow naming a field and also its category carries the field once', async () => {
        const summary = await store().write(parseManifest({
          flows: [{ key: 'both-ways', from: 'app', to: 'warehouse', kind: 'INTERNAL', fields: ['imei'], categories: ['device'], consent: 'NONE', optional: false }],
        }), 'MERGE');
        expect(summary).toMatchObject({ mode: 'MERGE', removed: 0, written: { flow: 1, field: 0 } });
        expect(await store().related('flow.carriedFields', ['both-ways'])).toEqual([['android-id', 'imei']]);
        expect(sortedKeys((await store().related('field.flows', ['imei']))[0])).toEqual(['both-ways', 'collect-device', 'share-umeng', 'upload']);
        expect((await store().listFlows({ fieldKey: 'imei' }, EVERYTHING)).totalCount).toBe(4);
        expect((await store().listFields({ recipientKey: 'warehouse' }, EVERYTHING)).nodes.map((f) => f.key)).toEqual(['android-id', 'crash-log', 'imei']);
        const [lineage] = await store().traceLineage([lineageRequest('imei', { startKeys: ['app'] })]);
        expectLineage(lineage, { paths: [path('warehouse', 'both-ways'), path('umeng', 'share-umeng'), path('backend', 'upload')], truncated: false });
      });

      test('adds new nodes that reference stored ones', async () => {
        await mergeAndCheck({
          parties: [{ key: 'tencent', name: 'Tencent Bugly', kind: 'THIRD_PARTY', country: 'CN' }],
          flows: [{ key: 'share-bugly', from: 'app', to: 'tencent', kind: 'PROVISION', fields: ['crash-log'], purposes: ['crash-reporting'], consent: 'CONSENT', optional: true, sources: [cite(POLICY, '二.3')] }],
        });
        expect(sortedKeys((await store().related('field.flows', ['crash-log']))[0])).toContain('share-bugly');
      });
    });

    test('REPLACE empties the inventory first', async () => {
      const tiny = parseManifest(tinyInventoryInput());
      const summary = await store().write(tiny, 'REPLACE');
      expect(summary.removed).toBe(nodeCount(inventory()));
      expect(await store().exportManifest()).toEqual(ordered(tiny));
      expect(await store().existingKeys('party', ['user', 'umeng', 'subscriber'])).toEqual(new Set(['subscriber']));
      expect(await store().existingClauses(POLICY_CLAUSES)).toEqual(new Set());
    });

    describe('atomicity: a write that would leave the inventory inconsistent writes nothing', () => {
      test('MERGE of a document version without a clause that nodes cite', async () => {
        const policy = inventory().documents.find((d) => d.key === POLICY)!;
        const newVersion = { ...policy, title: '金泉隐私政策（新版）', clauses: policy.clauses.filter((c) => c.ref !== '四.2.5') };
        const error = await failsWithoutWriting(store(), () => store().write(parseManifest({ documents: [newVersion] }), 'MERGE'), ValidationError);
        expect(mentions(error.problems, 'imei')).toBe(true);
        expect(mentions(error.problems, 'READ_PHONE_STATE')).toBe(true);
      });

      test('MERGE that makes a cycle through stored categories', async () => {
        await store().write(parseManifest({ categories: [{ key: 'alpha', name: 'A' }, { key: 'beta', name: 'B', parent: 'alpha' }] }), 'MERGE');
        const cycle = parseManifest({ categories: [{ key: 'alpha', name: 'A', parent: 'beta' }] });
        const error = await failsWithoutWriting(store(), () => store().write(cycle, 'MERGE'), ValidationError);
        expect(mentions(error.problems, 'alpha')).toBe(true);
      });

      const dangling: Array<[string, ManifestInput, string]> = [
        ['a flow from a party that does not exist', { flows: [{ ...fixtureFlow('upload'), key: 'ghost-flow', from: 'nobody' }] }, 'ghost-flow'],
        ['a flow carrying a field that does not exist', { flows: [{ ...fixtureFlow('upload'), fields: ['no-such-field'] }] }, 'no-such-field'],
        ['a flow naming a purpose that does not exist', { flows: [{ ...fixtureFlow('upload'), purposes: ['no-such-purpose'] }] }, 'no-such-purpose'],
        ['a field in a category that does not exist', { fields: [{ key: 'orphan-field', name: 'Orphan', category: 'no-such-category' }] }, 'orphan-field'],
        ['a node citing a clause that does not exist', { purposes: [{ key: 'marketing', name: 'Marketing', functionType: 'EXTENDED', sources: [cite(TERMS, '9')] }] }, 'marketing'],
      ];
      test.each(dangling)('%s, alongside a valid new node', async (_, input, offender) => {
        const write = parseManifest({ ...input, legalBases: [{ key: 'gdpr-6-1-a', name: 'Consent', jurisdiction: 'EU', article: 'GDPR Art. 6(1)(a)' }] });
        const error = await failsWithoutWriting(store(), () => store().write(write, 'MERGE'), ValidationError);
        expect(mentions(error.problems, offender)).toBe(true);
      });

      test('a failed REPLACE keeps the old inventory', async () => {
        const broken = parseManifest({ ...tinyInventoryInput(), fields: [{ key: 'email', name: 'E-mail', category: 'no-such-category' }] });
        await failsWithoutWriting(store(), () => store().write(broken, 'REPLACE'), ValidationError);
      });
    });
  });
}

function describeDeletes(open: Open, close: Close): void {
  describe('deleteNodes', () => {
    const store = storeWithInventory(open, close, 'each');

    test('refuses a referenced node, naming its referrers, and deletes nothing', async () => {
      const error = await failsWithoutWriting(store(), () => store().deleteNodes('party', ['umeng']), ReferencedError);
      expect(error.referrers).toEqual(['flow:share-umeng']);
    });

    test('refuses a document whose clauses are cited', async () => {
      const error = await failsWithoutWriting(store(), () => store().deleteNodes('document', [SDK_LIST]), ReferencedError);
      expect(sortedKeys(error.referrers)).toEqual(['flow:share-umeng', 'party:umeng']);
    });

    test('fails whole when any one of several nodes is referenced', async () => {
      await failsWithoutWriting(store(), () => store().deleteNodes('purpose', ['marketing', 'analytics']), ReferencedError);
      expect(await store().existingKeys('purpose', ['marketing'])).toEqual(new Set(['marketing']));
    });

    test('deletes a node once its referrers are gone, with everything it owned', async () => {
      const before = await store().exportManifest();
      expect(await store().deleteNodes('flow', ['share-umeng'])).toBe(1);
      expect(await store().deleteNodes('party', ['umeng'])).toBe(1);
      expect(await store().deleteNodes('document', [SDK_LIST])).toBe(1);
      expect(await store().exportManifest()).toEqual(
        without(without(without(before, 'flow', ['share-umeng']), 'party', ['umeng']), 'document', [SDK_LIST]),
      );
      expect(await store().getClauses([cite(SDK_LIST, '1')])).toEqual([null]);
      expect((await store().related('field.flows', ['imei'])).map(sortedKeys)).toEqual([['collect-device', 'upload']]);
      expect(sortedKeys(await store().referrers('document', POLICY))).not.toContain('flow:share-umeng');
    });

    test('deletes a node together with its only referrer of the same type', async () => {
      await store().write(parseManifest({ categories: [{ key: 'tmp', name: 'Temporary' }, { key: 'tmp.child', name: 'Child', parent: 'tmp' }] }), 'MERGE');
      const error = await rejection(store().deleteNodes('category', ['tmp']), ReferencedError);
      expect(error.referrers).toEqual(['category:tmp.child']);
      expect(await store().deleteNodes('category', ['tmp', 'tmp.child'])).toBe(2);
      expect(await store().existingKeys('category', ['tmp', 'tmp.child'])).toEqual(new Set());
    });

    test('deleting keys that do not exist deletes nothing', async () => {
      expect(await store().deleteNodes('field', ['no-such-field'])).toBe(0);
      expect(await store().exportManifest()).toEqual(ordered(inventory()));
    });
  });
}

function describeSnapshots(open: Open, close: Close): void {
  describe('snapshots', () => {
    const store = storeWithInventory(open, close, 'each');

    test('keep the inventory as it was, whatever is written after', async () => {
      const before = await store().exportManifest();
      const info = await store().saveSnapshot('v2021-09-01');
      expect(info.label).toBe('v2021-09-01');
      expect(Number.isNaN(Date.parse(info.createdAt))).toBe(false);
      await store().deleteNodes('flow', ['share-umeng']);
      await store().write(parseManifest({}), 'REPLACE');
      expect(await store().getSnapshot('v2021-09-01')).toEqual(before);
      expect(await store().exportManifest()).toEqual(parseManifest({}));
    });

    test('are listed oldest first and never overwritten', async () => {
      await store().saveSnapshot('a');
      await store().deleteNodes('flow', ['share-umeng']);
      await store().saveSnapshot('b');
      expect((await store().listSnapshots()).map((s) => s.label)).toEqual(['a', 'b']);
      const error = await rejection(store().saveSnapshot('a'), ValidationError);
      expect(error.problems[0].message).toContain('already exists');
      expect((await store().getSnapshot('a'))!.flows.map((f) => f.key)).toContain('share-umeng');
      expect((await store().getSnapshot('b'))!.flows.map((f) => f.key)).not.toContain('share-umeng');
      expect(await store().getSnapshot('missing')).toBeNull();
    });
  });
}

function describeVersionsAndAudit(open: Open, close: Close): void {
  describe('versions and the audit log', () => {
    const store = storeWithInventory(open, close, 'each');

    test('a change bumps the version; writing the same content again does not', async () => {
      expect(await store().versions('party', ['umeng', 'no-such-party'])).toEqual([1, 0]);
      const umeng = inventory().parties.find((p) => p.key === 'umeng')!;
      await store().write(parseManifest({ parties: [{ ...umeng, name: 'Umeng v2' }] }), 'MERGE', { actor: 'tester' });
      await store().write(parseManifest({ parties: [{ ...umeng, name: 'Umeng v2' }] }), 'MERGE', { actor: 'tester' });
      expect(await store().versions('party', ['umeng'])).toEqual([2]);
      expect((await store().getNodes('party', ['umeng']))[0]).toMatchObject({ name: 'Umeng v2', version: 2 });
    });

    test('a stale expected version fails with ConflictError and writes nothing', async () => {
      const umeng = inventory().parties.find((p) => p.key === 'umeng')!;
      const before = await store().exportManifest();
      const error = await rejection(
        store().write(parseManifest({ parties: [{ ...umeng, name: 'late' }] }), 'MERGE', { actor: 'tester', expectedVersions: [{ type: 'party', key: 'umeng', version: 7 }] }),
        ConflictError,
      );
      expect([error.expectedVersion, error.actualVersion]).toEqual([7, 1]);
      expect(await store().exportManifest()).toEqual(before);
      await rejection(store().deleteNodes('flow', ['share-umeng'], { actor: 'tester', expectedVersions: [{ type: 'flow', key: 'share-umeng', version: 2 }] }), ConflictError);
      expect(await store().existingKeys('flow', ['share-umeng'])).toEqual(new Set(['share-umeng']));
    });

    test('records creates, updates and deletes with actor, before and after, newest first', async () => {
      const umeng = inventory().parties.find((p) => p.key === 'umeng')!;
      await store().write(parseManifest({ purposes: [{ key: 'audit-me', name: 'A', functionType: 'BASIC' }] }), 'MERGE', { actor: 'alice' });
      await store().write(parseManifest({ purposes: [{ key: 'audit-me', name: 'B', functionType: 'BASIC' }], parties: [umeng] }), 'MERGE', { actor: 'bob' });
      await store().deleteNodes('purpose', ['audit-me'], { actor: 'carol' });
      const page = await store().listAuditEntries({ entityKey: 'audit-me' }, { first: 10 });
      expect(page.totalCount).toBe(3);
      expect(page.nodes.map((e) => [e.operation, e.actor, (e.before as { name?: string } | null)?.name ?? null, (e.after as { name?: string } | null)?.name ?? null])).toEqual([
        ['DELETE', 'carol', 'B', null],
        ['UPDATE', 'bob', 'A', 'B'],
        ['CREATE', 'alice', null, 'A'],
      ]);
      // The unchanged party written alongside left no entry.
      expect((await store().listAuditEntries({ entityKey: 'umeng' }, { first: 10 })).totalCount).toBe(0);
      const older = await store().listAuditEntries({ entityKey: 'audit-me' }, { first: 1, afterId: page.nodes[0].id });
      expect(older.nodes[0].operation).toBe('UPDATE');
    });

    test('a failed write leaves no audit entry', async () => {
      const before = await store().listAuditEntries({}, { first: 1000 });
      await rejection(store().write(parseManifest({ categories: [{ key: 'device', name: 'Device', parent: 'device.ids' }] }), 'MERGE', { actor: 'mallory' }), ValidationError);
      expect((await store().listAuditEntries({}, { first: 1000 })).totalCount).toBe(before.totalCount);
    });
  });
}
