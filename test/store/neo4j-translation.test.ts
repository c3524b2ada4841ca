/**
 * Translation tests in the style of neo4j/graphql's TCK: for representative GraphQL requests,
 * the exact Cypher and parameters the Neo4j adapter sends, recorded at the driver boundary.
 * A change to generated Cypher shows up here, in review.
 */
import { startServer, type RunningServer } from '../../src/server';
import { AccessControl } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import { CYPHER } from '../../src/store/neo4j/cypher';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store';
import { DEFAULT_LINEAGE_LIMITS } from '../../src/domain/lineage';
import { parseManifest } from '../../src/domain/validate';
import { RecordingNeo4j, type Responder } from '../support/recording-neo4j';

const IMEI = { key: 'imei', v: 3, name: 'IMEI', category: 'ids', sources: ['policy#四.2.5'] };
const IDS = { key: 'ids', v: 3, name: 'Device identifiers', parent: 'device', sensitiveClass: 'NETWORK_IDENTITY', sources: [] };
const CHAIN = [{ sensitive: null, sensitiveClass: null }, { sensitive: null, sensitiveClass: 'NETWORK_IDENTITY' }, { sensitive: null, sensitiveClass: null }];

let server: RunningServer | undefined;
let editor: Awaited<ReturnType<typeof newApiKey>>;
beforeAll(async () => {
  editor = await newApiKey('translation tests', 'editor');
});

/** Reads go anonymously (loopback); mutations carry an editor key the adapter looks up. */
async function serve(respond: Responder) {
  const driver = new RecordingNeo4j((name, params) => (name === 'findApiKey' ? [{ key: { ...editor.record } }] : respond(name, params)));
  const store = new Neo4jStore(driver);
  server = await startServer(store, { port: 0, host: '127.0.0.1', access: new AccessControl(store, null), logError: () => undefined });
  const post = async (query: string, variables?: object) => {
    const auth: Record<string, string> = query.startsWith('mutation') ? { authorization: `Bearer ${editor.secret}` } : {};
    const res = await fetch(server!.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  };
  return { driver, post };
}
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

it('personalField with its category: two batched reads, exact Cypher', async () => {
  const { driver, post } = await serve((name) => {
    if (name === 'getNodes.field') return [{ node: IMEI, chain: CHAIN }];
    if (name === 'getNodes.category') return [{ node: IDS, chain: CHAIN.slice(1) }];
  });
  const res = await post('{ personalField(key: "imei") { name sensitive sensitiveClass category { key name } } }');
  expect(res.data).toEqual({ personalField: { name: 'IMEI', sensitive: true, sensitiveClass: 'NETWORK_IDENTITY', category: { key: 'ids', name: 'Device identifiers' } } });
  // Each node read also reads its version, in the same transaction (content and version agree).
  expect(driver.sent.map(({ name, mode, params }) => ({ name, mode, params }))).toEqual([
    { name: 'getNodes.field', mode: 'READ', params: { keys: ['imei'] } },
    { name: 'readVersions', mode: 'READ', params: { nodeType: 'field', keys: ['imei'] } },
    { name: 'getNodes.category', mode: 'READ', params: { keys: ['ids'] } },
    { name: 'readVersions', mode: 'READ', params: { nodeType: 'category', keys: ['ids'] } },
  ]);
  expect(driver.sent[0].transaction).toBe(driver.sent[1].transaction);
  expect(driver.sent[0].query).toBe(`MATCH (inv:InventoryVersion {active: true})
WITH inv.v AS v
UNWIND $keys AS k
MATCH (n:PersonalField {key: k, v: v})
OPTIONAL MATCH chain = (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(root:DataCategory)
WHERE NOT EXISTS { (root)-[:CHILD_OF]->(:DataCategory) }
WITH n, [x IN nodes(chain) | x {.sensitive, .sensitiveClass}] AS chain
RETURN n {.*} AS node, chain`);
});

it('personalFields with filters: one read transaction, page and count, every filter a parameter', async () => {
  const { driver, post } = await serve((name) => {
    if (name === 'listFieldsPage') return [{ node: IMEI, chain: CHAIN }];
    if (name === 'listFieldsCount') return [{ total: 1 }];
  });
  const res = await post('{ personalFields(filter: { search: "IME", sensitive: true, recipientKey: "umeng" }, first: 2) { totalCount pageInfo { hasNextPage } nodes { key } } }');
  expect(res.data).toEqual({ personalFields: { totalCount: 1, pageInfo: { hasNextPage: false }, nodes: [{ key: 'imei' }] } });
  const filters = { search: 'ime', sensitive: true, categoryKey: null, purposeKey: null, permissionKey: null, recipientKey: 'umeng' };
  expect(driver.sent.map(({ name, transaction, params }) => ({ name, transaction, params }))).toEqual([
    { name: 'listFieldsPage', transaction: 1, params: { ...filters, afterKey: null, limit: 3 } },
    { name: 'listFieldsCount', transaction: 1, params: filters },
  ]);
  expect(driver.sent[0].query).toContain(`AND ($recipientKey IS NULL OR EXISTS {
        MATCH (fl:DataFlow)-[:TO]->(:Party {key: $recipientKey, v: v})`);
  // Injection-shaped input stays a parameter value.
  driver.clear();
  await post('{ personalFields(filter: { search: "x\\") DETACH DELETE n //" }) { totalCount } }');
  expect(driver.sent[0].params.search).toBe('x") detach delete n //');
  expect(driver.sent[0].query).toBe(CYPHER.listFieldsPage);
});

it('lineage: one statement fetches the edges, the shared walk makes the paths', async () => {
  const edges = [
    { key: 'collect', from: 'user', to: 'app' },
    { key: 'share', from: 'app', to: 'umeng' },
    { key: 'sync', from: 'app', to: 'servers' },
    { key: 'back', from: 'servers', to: 'app' },
  ];
  const party = (key: string) => ({ node: { key, v: 3, name: key, kind: 'THIRD_PARTY', sdkPackages: [], sources: [] } });
  const flow = (e: { key: string; from: string; to: string }) => ({ node: { key: e.key, v: 3, fromKey: e.from, toKey: e.to, kind: 'PROVISION', fields: ['imei'], categories: [], purposes: [], legalBases: [], permissions: [], consent: 'CONSENT', optional: true, deidentified: false, sources: [] } });
  const { driver, post } = await serve((name, params) => {
    if (name === 'getNodes.field') return [{ node: IMEI, chain: CHAIN }];
    if (name === 'lineageEdges') return [{ key: 'imei', edges }];
    if (name === 'getNodes.flow') return (params.keys as string[]).map((k) => flow(edges.find((e) => e.key === k)!));
    if (name === 'getNodes.party') return (params.keys as string[]).map(party);
  });
  const res = await post('{ personalField(key: "imei") { lineage(maxDepth: 5) { truncated paths { hops { key } destination { key } } } } }');
  const lineage = (res.data!.personalField as { lineage: { truncated: boolean; paths: Array<{ hops: Array<{ key: string }>; destination: { key: string } }> } }).lineage;
  expect(lineage.truncated).toBe(false);
  expect(lineage.paths.map((p) => `${p.hops.map((h) => h.key).join('>')}=>${p.destination.key}`)).toEqual(['collect>share=>umeng', 'collect>sync>back=>app']);
  // Hops and destinations load in parallel; the order between those two reads is free.
  expect(driver.names().slice(0, 3)).toEqual(['getNodes.field', 'readVersions', 'lineageEdges']);
  expect(driver.names().slice(3).sort()).toEqual(['getNodes.flow', 'getNodes.party', 'readVersions', 'readVersions']);
  expect(driver.sent[2].params).toEqual({ keys: ['imei'] });
  expect(driver.sent[2].query).not.toMatch(/shortestPath|allShortestPaths|\*\.\./);
});

it('upsertPersonalField: references checked, then one write transaction rebuilding its edges', async () => {
  const { driver, post } = await serve((name) => {
    if (name === 'existingKeys.category') return [{ key: 'ids' }];
    if (name === 'getClauses') return [{ clause: { citation: 'policy#四.2.5', documentKey: 'policy', ref: '四.2.5', ordinal: 0, text: '…' } }];
    if (name === 'activeVersion') return [{ v: 3 }];
    if (name === 'getNodes.field') return [{ node: IMEI, chain: CHAIN }];
  });
  const res = await post('mutation { upsertPersonalField(input: { key: "imei", name: "IMEI number", category: "ids", sources: ["policy#四.2.5"] }) { key } }');
  expect(res.errors).toBeUndefined();
  const writes = driver.sent.filter((s) => s.mode === 'WRITE');
  expect(new Set(writes.map((s) => s.transaction)).size).toBe(1);
  expect(writes.map(({ name, params }) => ({ name, params })).filter((w) => !['appendAudit', 'bumpVersions', 'resetVersions'].includes(w.name))).toEqual([
    // What the write replaces, read in the same transaction, for the audit log.
    { name: 'getNodes.field', params: { keys: ['imei'] } },
    { name: 'activeVersion', params: {} },
    { name: 'upsertNodes.field', params: { v: 3, rows: [{ key: 'imei', props: { name: 'IMEI number', category: 'ids', sources: ['policy#四.2.5'] } }] } },
    { name: 'dropOwnedEdges.field', params: { v: 3, keys: ['imei'] } },
    { name: 'linkEdges.field.IN_CATEGORY', params: { v: 3, links: [{ owner: 'imei', target: 'ids' }] } },
    { name: 'linkEdges.field.CITES', params: { v: 3, links: [{ owner: 'imei', target: 'policy#四.2.5' }] } },
  ]);
  const audit = writes.find((w) => w.name === 'appendAudit')!;
  expect(audit.params.entries).toEqual([expect.objectContaining({ actor: 'key:' + editor.record.id, operation: 'UPDATE', entityType: 'field', entityKey: 'imei' })]);
  expect(writes.find((w) => w.name === 'bumpVersions')!.params).toEqual({ v: 3, rows: [{ type: 'field', key: 'imei' }] });
  expect(writes.find((w) => w.name === 'upsertNodes.field')!.query).toBe(`UNWIND $rows AS row
MERGE (n:PersonalField {key: row.key, v: $v})
SET n = row.props, n.key = row.key, n.v = $v`);
});

it('a reference that vanished between check and write fails the write whole', async () => {
  const { post } = await serve((name) => {
    if (name === 'existingKeys.category') return [{ key: 'ids' }];
    if (name === 'activeVersion') return [{ v: 3 }];
    // The category was deleted by another writer after the check: the edge finds no target.
    if (name === 'linkEdges.field.IN_CATEGORY') return [{ owner: 'imei', target: 'ids' }];
  });
  const res = await post('mutation { upsertPersonalField(input: { key: "imei", name: "IMEI", category: "ids" }) { key } }');
  expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0].extensions.problems).toEqual([{ path: 'field:imei.category', message: 'unknown category "ids"' }]);
});

it('deleting a referenced party names the referrers and deletes nothing', async () => {
  const { driver, post } = await serve((name) => {
    if (name === 'existingKeys.party') return [{ key: 'umeng' }];
    if (name === 'referrers.party') return [{ labels: ['DataFlow'], key: 'share' }, { labels: ['DataFlow'], key: 'abroad' }];
  });
  const res = await post('mutation { deleteParty(key: "umeng") }');
  expect(res.errors?.[0].extensions).toEqual({ code: 'REFERENCED', referrers: ['flow:abroad', 'flow:share'] });
  expect(driver.names()).not.toContain('deleteNode.party');
});

describe('round trips: each store read is one transaction of one statement (nodes and pages: two), like the embedded store', () => {
  const store = () => {
    const driver = new RecordingNeo4j();
    return { driver, store: new Neo4jStore(driver) };
  };
  it.each([
    ['getNodes (with versions)', (s: Neo4jStore) => s.getNodes('flow', ['a', 'b', 'c']), 2],
    ['related', (s: Neo4jStore) => s.related('field.flows', ['a', 'b', 'c']), 1],
    ['getClauses', (s: Neo4jStore) => s.getClauses(['d#1', 'd#2']), 1],
    ['traceLineage', (s: Neo4jStore) => s.traceLineage(['a', 'b'].map((fieldKey) => ({ fieldKey, direction: 'DOWNSTREAM' as const, limits: DEFAULT_LINEAGE_LIMITS }))), 1],
    ['listParties', (s: Neo4jStore) => s.listParties({}), 1],
    ['listFields', (s: Neo4jStore) => s.listFields({}, { first: 500 }), 2],
    ['listFlows', (s: Neo4jStore) => s.listFlows({}, { first: 500 }), 2],
  ])('%s', async (_name, call, statements) => {
    const { driver, store: s } = store();
    await call(s);
    expect(driver.sent).toHaveLength(statements as number);
    expect(new Set(driver.sent.map((x) => x.transaction)).size).toBe(1);
    expect(driver.sent.every((x) => x.mode === 'READ')).toBe(true);
  });
});

describe('REPLACE streams into a new version and switches it active at the end', () => {
  it('writes in batches, switches, then drops the old version', async () => {
    const driver = new RecordingNeo4j((name) => {
      if (name === 'createStagingVersion') return [{ v: 4 }];
      if (name === 'switchVersion') return [{ previous: 3 }];
      if (name === 'countVersionNodes') return [{ n: 7 }];
    });
    const store = new Neo4jStore(driver, { batchSize: 2 });
    const manifest = parseManifest({
      categories: [{ key: 'c', name: 'C' }],
      fields: ['a', 'b', 'c', 'd', 'e'].map((k) => ({ key: k, name: k.toUpperCase(), category: 'c' })),
    });
    const summary = await store.write(manifest, 'REPLACE');
    expect(summary.removed).toBe(7);
    const names = driver.names();
    expect(names.filter((n) => n === 'upsertNodes.field')).toHaveLength(3); // 5 rows in batches of 2
    expect(driver.sent.filter((s) => s.name === 'upsertNodes.field').every((s) => s.params.v === 4)).toBe(true);
    expect(names.indexOf('switchVersion')).toBeGreaterThan(names.lastIndexOf('linkEdges.field.IN_CATEGORY'));
    expect(names.indexOf('switchVersion')).toBeLessThan(names.indexOf('deleteVersionBatch.field'));
    expect(driver.sent.find((s) => s.name === 'deleteVersion')!.params).toEqual({ v: 3 });
    // Every batch is its own transaction: nothing holds one huge transaction open.
    const txOfFieldBatches = new Set(driver.sent.filter((s) => s.name === 'upsertNodes.field').map((s) => s.transaction));
    expect(txOfFieldBatches.size).toBe(3);
  });

  it('drops the staged version and keeps the active one when a check fails', async () => {
    const driver = new RecordingNeo4j((name) => {
      if (name === 'createStagingVersion') return [{ v: 4 }];
      if (name === 'categoryCycles') return [{ key: 'c' }];
    });
    const store = new Neo4jStore(driver);
    await expect(store.write(parseManifest({ categories: [{ key: 'c', name: 'C' }] }), 'REPLACE')).rejects.toThrow('own ancestor');
    expect(driver.names()).not.toContain('switchVersion');
    expect(driver.sent.find((s) => s.name === 'deleteVersion')!.params).toEqual({ v: 4 });
  });
});
