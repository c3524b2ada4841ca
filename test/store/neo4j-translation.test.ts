/**
 * Translation tests in the style of neo4j/graphql's TCK: for representative GraphQL requests,
 * the exact Cypher and parameters the Neo4j adapter sends, recorded at the driver boundary.
 * A change to generated Cypher shows up here, in review.
 */
import { startServer, type RunningServer } from '../../src/server';
import { AccessControl } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import neo4j from 'neo4j-driver';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store';
import { DEFAULT_LINEAGE_LIMITS } from '../../src/domain/lineage';
import { parseManifest } from '../../src/domain/validate';
import { NODE_TYPES } from '../../src/domain/vocabulary';
import { checkBoltTypes, RecordingNeo4j, type Responder } from '../support/recording-neo4j';

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
  const driver = new RecordingNeo4j((name, params) => (name === 'findApiKey' ? [{ key: { ...editor.record } }] : name === 'readControl' ? [{ v: 3, seq: 41 }] : respond(name, params)));
  const store = new Neo4jStore(driver);
  server = await startServer(store, { port: 0, host: '127.0.0.1', access: new AccessControl(store, null), logError: () => undefined });
  const post = async (query: string, variables?: object) => {
    const auth: Record<string, string> = query.startsWith('mutation') ? { authorization: `Bearer ${editor.secret}` } : {};
    const res = await fetch(server!.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  };
  // The server's first request also reads the list-size statistics its cost model prices queries
  // with (pinned in neo4j-cypher.test.ts): read them here, so each test sees only its own request.
  await post('{ __typename }');
  expect(driver.sent.filter((s) => /^(nodeCount|listSizes)\./.test(s.name))).toHaveLength(driver.sent.length);
  driver.clear();
  return { driver, post };
}
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

it('personalField with its category: two batched reads, each one statement, with the version where it is asked', async () => {
  const { driver, post } = await serve((name) => {
    if (name === 'getNodes.field') return [{ node: IMEI, chain: CHAIN, version: 2 }];
    if (name === 'getNodesWithoutVersion.category') return [{ node: IDS, chain: CHAIN.slice(1) }];
  });
  const res = await post('{ personalField(key: "imei") { name version sensitive sensitiveClass category { key name } } }');
  expect(res.data).toEqual({ personalField: { name: 'IMEI', version: 2, sensitive: true, sensitiveClass: 'NETWORK_IDENTITY', category: { key: 'ids', name: 'Device identifiers' } } });
  expect(driver.sent.map(({ name, mode, params }) => ({ name, mode, params }))).toEqual([
    { name: 'getNodes.field', mode: 'READ', params: { keys: ['imei'] } },
    // The request asks no version of the category: its read has no version subquery.
    { name: 'getNodesWithoutVersion.category', mode: 'READ', params: { keys: ['ids'] } },
  ]);
  expect(driver.sent[1].query).not.toContain('NodeVersion');
  expect(driver.sent[0].query).toBe(`MATCH (ctl:InventoryControl {id: 1})
WITH ctl.activeVersion AS v
UNWIND $keys AS k
MATCH (n:PersonalField {key: k, v: v})
OPTIONAL MATCH chain = (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(root:DataCategory)
WHERE NOT EXISTS { (root)-[:CHILD_OF]->(:DataCategory) }
WITH n, v, [x IN nodes(chain) | x {.sensitive, .sensitiveClass}] AS chain
RETURN n {.*} AS node, chain, coalesce(COLLECT { MATCH (nv:NodeVersion {nodeType: 'field', key: n.key}) USING INDEX SEEK nv:NodeVersion(nodeType, key) RETURN nv.version }[0], 1) AS version`);
});

it('personalFields with filters: composed with only the filters given, anchored on the recipient, page and count in one transaction', async () => {
  const { driver, post } = await serve((name) => {
    if (name.startsWith('listFields[') && name.endsWith('.page')) return [{ node: IMEI, chain: CHAIN, version: 1 }];
    if (name.startsWith('listFields[') && name.endsWith('.count')) return [{ total: 1 }];
  });
  const res = await post('{ personalFields(filter: { search: "IME", sensitive: true, recipientKey: "umeng" }, first: 2) { totalCount pageInfo { hasNextPage } nodes { key } } }');
  expect(res.data).toEqual({ personalFields: { totalCount: 1, pageInfo: { hasNextPage: false }, nodes: [{ key: 'imei' }] } });
  const filters = { search: 'ime', sensitive: true, recipientKey: 'umeng' };
  expect(driver.sent.map(({ name, transaction, params }) => ({ name, transaction, params }))).toEqual([
    { name: 'listFields[search,sensitive,recipientKey].page', transaction: 1, params: { ...filters, limit: 3 } },
    { name: 'listFields[search,sensitive,recipientKey].count', transaction: 1, params: filters },
  ]);
  const page = driver.sent[0].query;
  expect(page).toContain('MATCH (:Party {key: $recipientKey, v: v})<-[:TO]-(fl:DataFlow)');
  expect(page).not.toMatch(/IS NULL OR|\$categoryKey|\$purposeKey|\$permissionKey/);
  expect(page).toMatch(/ORDER BY n\.key LIMIT \$limit/);
  // Injection-shaped input stays a parameter value; the statement text does not change with values.
  driver.clear();
  await post('{ personalFields(filter: { search: "x\\") DETACH DELETE n //" }) { totalCount } }');
  expect(driver.sent[0].params.search).toBe('x") detach delete n //');
  expect(driver.sent[0].name).toBe('listFields[search].page');
});

it('lineage: one statement fetches the edges, the shared walk makes the paths', async () => {
  const edges = [
    { key: 'collect', from: 'user', to: 'app' },
    { key: 'share', from: 'app', to: 'umeng' },
    { key: 'sync', from: 'app', to: 'servers' },
    { key: 'back', from: 'servers', to: 'app' },
  ];
  const party = (key: string) => ({ node: { key, v: 3, name: key, kind: 'THIRD_PARTY', sdkPackages: [], sources: [] }, version: 1 });
  const flow = (e: { key: string; from: string; to: string }) => ({ node: { key: e.key, v: 3, fromKey: e.from, toKey: e.to, kind: 'PROVISION', fields: ['imei'], categories: [], purposes: [], legalBases: [], permissions: [], consent: 'CONSENT', optional: true, deidentified: false, sources: [] }, version: 1 });
  const { driver, post } = await serve((name, params) => {
    if (name === 'getNodesWithoutVersion.field') return [{ node: IMEI, chain: CHAIN }];
    if (name === 'lineageEdges') return [{ key: 'imei', edges }];
    if (name === 'getNodes.flow') return (params.keys as string[]).map((k) => flow(edges.find((e) => e.key === k)!));
    if (name === 'getNodes.party') return (params.keys as string[]).map(party);
  });
  const res = await post('{ personalField(key: "imei") { lineage(maxDepth: 5) { truncated paths { hops { key } destination { key } } } } }');
  const lineage = (res.data!.personalField as { lineage: { truncated: boolean; paths: Array<{ hops: Array<{ key: string }>; destination: { key: string } }> } }).lineage;
  expect(lineage.truncated).toBe(false);
  expect(lineage.paths.map((p) => `${p.hops.map((h) => h.key).join('>')}=>${p.destination.key}`)).toEqual(['collect>share=>umeng', 'collect>sync>back=>app']);
  // Hops and destinations asked by key alone are answered from the walk's keys: no flow or party reads.
  expect(driver.names()).toEqual(['getNodesWithoutVersion.field', 'lineageEdges']);
  expect(driver.sent[1].params).toEqual({ keys: ['imei'] });
  expect(driver.sent[1].query).not.toMatch(/shortestPath|allShortestPaths|\*\.\./);
});

it('upsertPersonalField: one write transaction that takes the inventory lock first, then reads, writes and audits', async () => {
  const { driver, post } = await serve((name) => {
    if (name === 'existingKeys.category') return [{ key: 'ids' }];
    if (name === 'getClauses') return [{ clause: { citation: 'policy#四.2.5', documentKey: 'policy', ref: '四.2.5', ordinal: 0, text: '…' } }];
    if (name === 'inventoryIsEmpty') return [{ empty: false }];
    if (name === 'getNodes.field') return [{ node: IMEI, chain: CHAIN, version: 1 }];
    // The answer's read after the write: `{ key }` asks no version.
    if (name === 'getNodesWithoutVersion.field') return [{ node: IMEI, chain: CHAIN }];
  });
  const res = await post('mutation { upsertPersonalField(input: { key: "imei", name: "IMEI number", category: "ids", sources: ["policy#四.2.5"] }) { key } }');
  expect(res.errors).toBeUndefined();
  const writes = driver.sent.filter((s) => s.mode === 'WRITE');
  expect(new Set(writes.map((s) => s.transaction)).size).toBe(1);
  expect(writes.map(({ name, params }) => ({ name, params: name === 'lockInventory' ? {} : params }))).toEqual([
    // The lock, then the active version read while holding it.
    { name: 'lockInventory', params: {} },
    { name: 'readControl', params: {} },
    { name: 'inventoryIsEmpty', params: {} },
    // What the write replaces, read in the same transaction, for the audit log.
    { name: 'getNodes.field', params: { keys: ['imei'] } },
    { name: 'upsertNodes.field', params: { v: 3, rows: [{ key: 'imei', props: { name: 'IMEI number', category: 'ids', sources: ['policy#四.2.5'] } }] } },
    { name: 'dropOwnedEdges.field', params: { v: 3, keys: ['imei'] } },
    { name: 'linkEdges.field.IN_CATEGORY', params: { v: 3, links: [{ owner: 'imei', target: 'ids' }] } },
    { name: 'linkEdges.field.CITES', params: { v: 3, links: [{ owner: 'imei', target: 'policy#四.2.5' }] } },
    // The entry is numbered from the control node's sequence and linked to the newest entry, both read under the lock.
    { name: 'lastAuditEntry', params: {} },
    { name: 'readControl', params: {} },
    { name: 'appendAudit', params: { entries: [expect.objectContaining({ actor: 'key:' + editor.record.id, operation: 'UPDATE', entityType: 'field', entityKey: 'imei' })] } },
    { name: 'bumpVersions', params: { rows: [{ type: 'field', key: 'imei' }] } },
    { name: 'continueVersions', params: { rows: [] } },
  ]);
  // The entry's number follows the sequence read under the lock (41), and it is the first link of the chain.
  expect(writes.find((w) => w.name === 'appendAudit')!.params.entries).toEqual([
    expect.objectContaining({ id: '42', seq: 42, previousHash: '0'.repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
  ]);
  expect(writes.find((w) => w.name === 'upsertNodes.field')!.query).toBe(`UNWIND $rows AS row
MERGE (n:PersonalField {key: row.key, v: $v})
SET n = row.props, n.key = row.key, n.v = $v`);
});

it('an expected version is checked after the lock is taken, in the writing transaction', async () => {
  const { driver, post } = await serve((name) => {
    if (name === 'existingKeys.category') return [{ key: 'ids' }];
    if (name === 'versions.field') return [{ key: 'imei', version: 4 }];
  });
  const res = await post('mutation { upsertPersonalField(input: { key: "imei", name: "IMEI", category: "ids", expectedVersion: 3 }) { key } }');
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 3, actualVersion: 4 });
  const writes = driver.sent.filter((s) => s.mode === 'WRITE');
  expect(writes.map((w) => w.name)).toEqual(['lockInventory', 'readControl', 'versions.field']);
  expect(new Set(writes.map((w) => w.transaction)).size).toBe(1);
});

it('a reference that vanished between check and write fails the write whole', async () => {
  const { post } = await serve((name) => {
    if (name === 'existingKeys.category') return [{ key: 'ids' }];
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

describe('round trips: each store read is one transaction of one statement (pages: two), like the embedded store', () => {
  const store = () => {
    const driver = new RecordingNeo4j((name) => (name === 'readControl' ? [{ v: 3, seq: 0 }] : undefined));
    return { driver, store: new Neo4jStore(driver) };
  };
  it.each([
    ['getNodes (with versions)', (s: Neo4jStore) => s.getNodes('flow', ['a', 'b', 'c']), 1],
    ['versions', (s: Neo4jStore) => s.versions('flow', ['a', 'b']), 1],
    ['related', (s: Neo4jStore) => s.related('field.flows', ['a', 'b', 'c']), 1],
    ['getClauses', (s: Neo4jStore) => s.getClauses(['d#1', 'd#2']), 1],
    ['traceLineage', (s: Neo4jStore) => s.traceLineage(['a', 'b'].map((fieldKey) => ({ fieldKey, direction: 'DOWNSTREAM' as const, limits: DEFAULT_LINEAGE_LIMITS }))), 1],
    ['listParties', (s: Neo4jStore) => s.listParties({}), 1],
    ['listFields', (s: Neo4jStore) => s.listFields({}, { first: 500 }), 2],
    ['listFlows', (s: Neo4jStore) => s.listFlows({}, { first: 500 }), 2],
    ['listAuditEntries', (s: Neo4jStore) => s.listAuditEntries({}, { first: 50 }), 2],
  ])('%s', async (_name, call, statements) => {
    const { driver, store: s } = store();
    await call(s);
    expect(driver.sent).toHaveLength(statements as number);
    expect(new Set(driver.sent.map((x) => x.transaction)).size).toBe(1);
    expect(driver.sent.every((x) => x.mode === 'READ')).toBe(true);
  });

  it('every session shares the store\'s one bookmark manager (a read after a write sees it on a cluster)', async () => {
    const { driver, store: s } = store();
    await s.getNodes('field', ['a']);
    await s.deleteNodes('purpose', ['p']);
    await s.listFlows({}, { first: 5 });
    const managers = new Set(driver.sent.map((x) => x.bookmarkManager));
    expect(managers.size).toBe(1);
    expect([...managers][0]).toBeDefined();
    // Another store (another process, say) has its own.
    const other = store();
    await other.store.getNodes('field', ['a']);
    expect(other.driver.sent[0].bookmarkManager).not.toBe([...managers][0]);
  });
});

describe('Bolt parameter types', () => {
  it('limits, batch sizes and versions go as integers: every statement the contract-shaped calls send passes the check', async () => {
    const driver = new RecordingNeo4j((name) => (name === 'readControl' ? [{ v: 3, seq: 0 }] : name === 'createStagingVersion' ? [{ v: 4 }] : undefined));
    const s = new Neo4jStore(driver, { batchSize: 2 });
    await s.listFields({ search: 'x' }, { first: 10, afterKey: 'a' });
    await s.listFlows({}, { first: 10 });
    await s.listAuditEntries({}, { first: 10, afterId: '7' });
    await s.write(parseManifest({ categories: [{ key: 'c', name: 'C' }] }), 'REPLACE');
    const limits = driver.sent.filter((x) => 'limit' in x.params || 'batch' in x.params);
    expect(limits.length).toBeGreaterThan(3);
    expect(driver.sent.find((x) => x.name.startsWith('listAudit['))!.params).toMatchObject({ afterSeq: 7, limit: 11 });
  });

  it('the check itself fails on a JS number, as a server would refuse `LIMIT 1000.0`', () => {
    expect(() => checkBoltTypes({ limit: 1000 })).toThrow(/params\.limit is a JS number \(1000\): Bolt sends it as a FLOAT/);
    expect(() => checkBoltTypes({ rows: [{ props: { ordinal: 2 } }] })).toThrow(/params\.rows\[0\]\.props\.ordinal/);
    expect(checkBoltTypes({ limit: neo4j.int(1000), keys: ['a'] })).toEqual({ limit: 1000, keys: ['a'] });
  });
});

describe('REPLACE streams into a new version and switches it active at the end', () => {
  it('writes in batches, then switches under the lock with its audit entry in the same transaction, then drops the old version', async () => {
    const driver = new RecordingNeo4j((name) => {
      if (name === 'readControl') return [{ v: 3, seq: 10 }];
      if (name === 'createStagingVersion') return [{ v: 4 }];
      if (name === 'countVersionNodes') return [{ document: 1, category: 2, field: 3, purpose: 0, permission: 0, party: 1, legalBasis: 0, flow: 0 }];
    });
    const store = new Neo4jStore(driver, { batchSize: 2, stagingBatchSize: 2 });
    const manifest = parseManifest({
      categories: [{ key: 'c', name: 'C' }],
      fields: ['a', 'b', 'c', 'd', 'e'].map((k) => ({ key: k, name: k.toUpperCase(), category: 'c' })),
    });
    const summary = await store.write(manifest, 'REPLACE');
    // Nodes of the retired version, per node type (clauses and version nodes are not nodes of the inventory).
    expect(summary.removed).toBe(7);
    const names = driver.names();
    // Nodes are created with their edges, 5 rows in batches of 2, each batch its own transaction.
    expect(names.filter((n) => n === 'stageNodes.field')).toHaveLength(3);
    expect(driver.sent.filter((s) => s.name === 'stageNodes.field').every((s) => s.params.v === 4)).toBe(true);
    expect(new Set(driver.sent.filter((s) => s.name === 'stageNodes.field').map((s) => s.transaction)).size).toBe(3);
    expect(names).not.toContain('upsertNodes.field');
    const switchTx = driver.sent.find((s) => s.name === 'switchVersion')!.transaction;
    expect(driver.sent.filter((s) => s.transaction === switchTx).map((s) => s.name)).toEqual([
      'lockInventory', 'readControl', 'countVersionNodes',
      // Node versions outlive the inventory version: settled by comparing the two, before the switch.
      ...NODE_TYPES.flatMap((t) => [`advanceReplacedVersions.${t}`, `continueRecreatedVersions.${t}`]),
      // The keys of the active and the staged version, for the entry's removed and added keys.
      ...NODE_TYPES.map((t) => `versionKeys.${t}`), ...NODE_TYPES.map((t) => `versionKeys.${t}`),
      'switchVersion', 'countVersionNodes', 'lastAuditEntry', 'readControl', 'appendAudit',
    ]);
    expect(driver.sent.find((s) => s.name === 'advanceReplacedVersions.field')!.params).toEqual({ old: 3, new: 4 });
    expect(driver.sent.find((s) => s.name === 'appendAudit')!.params.entries).toEqual([
      expect.objectContaining({ operation: 'REPLACE_INVENTORY', entityType: 'inventory', entityKey: '*' }),
    ]);
    expect(names.indexOf('switchVersion')).toBeGreaterThan(names.lastIndexOf('stageNodes.field'));
    expect(names.indexOf('switchVersion')).toBeLessThan(names.indexOf('deleteVersionBatch.field'));
    expect(driver.sent.filter((s) => s.name.startsWith('deleteVersionBatch.')).map((s) => s.name)).not.toContain('deleteVersionBatch.nodeVersion');
    expect(driver.sent.find((s) => s.name === 'deleteVersion')!.params).toEqual({ v: 3 });
  });

  it('drops the staged version and keeps the active one when a check fails', async () => {
    const driver = new RecordingNeo4j((name) => {
      if (name === 'readControl') return [{ v: 3, seq: 0 }];
      if (name === 'createStagingVersion') return [{ v: 4 }];
      if (name === 'categoryCycles') return [{ key: 'c' }];
    });
    const store = new Neo4jStore(driver);
    await expect(store.write(parseManifest({ categories: [{ key: 'c', name: 'C' }] }), 'REPLACE')).rejects.toThrow('own ancestor');
    expect(driver.names()).not.toContain('switchVersion');
    expect(driver.names()).not.toContain('appendAudit');
    expect(driver.sent.find((s) => s.name === 'deleteVersion')!.params).toEqual({ v: 4 });
  });
});
