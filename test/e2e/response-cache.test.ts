/**
 * The answer cache over real HTTP on a real database file: repeated reads come from memory, and
 * any change — a mutation through this server, or a commit by another connection to the same
 * file — is seen by the very next request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { traceLineage } from '../../src/domain/lineage';
import { CACHE_HEADER, ResponseCache } from '../../src/graphql/response-cache';
import { startServer, type RunningServer } from '../../src/server';
import { AccessControl } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import { InventoryService } from '../../src/services/inventory-service';
import { seedIfEmpty } from '../../src/services/seeds';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';

let dir: string;
let store: SqliteStore;
let server: RunningServer;
let editorKey: string;
let viewerKey: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtrail-cache-'));
  store = new SqliteStore({ path: join(dir, 'inventory.db') });
  await store.migrate();
  await seedIfEmpty(store);
  for (const role of ['editor', 'viewer'] as const) {
    const { secret, record } = await newApiKey(`cache ${role}`, role);
    await store.saveApiKey(record);
    if (role === 'editor') editorKey = secret;
    else viewerKey = secret;
  }
  server = await startServer(store, { port: 0, host: '127.0.0.1', access: new AccessControl(store, null), logError: () => undefined });
});

afterAll(async () => {
  await server.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(query: string, variables: Record<string, unknown> = {}, key = viewerKey) {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: Array<{ extensions?: { code?: string } }> };
  return { cache: res.headers.get(CACHE_HEADER), ...body };
}

const PARTY = 'query Party($key: ID!) { party(key: $key) { key name country } }';

it('answers a repeated query from the cache, with the same answer', async () => {
  const first = await post(PARTY, { key: 'umeng' });
  const second = await post(PARTY, { key: 'umeng' });
  expect(first.cache).toBe('miss');
  expect(second.cache).toBe('hit');
  expect(second.data).toEqual(first.data);
  expect(first.data!.party.key).toBe('umeng');
});

it('keeps answers apart by variables and by role', async () => {
  await post(PARTY, { key: 'umeng' });
  expect((await post(PARTY, { key: 'user' })).cache).toBe('miss');
  expect((await post(PARTY, { key: 'umeng' }, editorKey)).cache).toBe('miss');
  expect((await post(PARTY, { key: 'umeng' }, editorKey)).cache).toBe('hit');
});

it('still checks who asks before answering from the cache', async () => {
  await post(PARTY, { key: 'umeng' });
  expect((await post(PARTY, { key: 'umeng' })).cache).toBe('hit');
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ft_not-a-real-key' },
    body: JSON.stringify({ query: PARTY, variables: { key: 'umeng' } }),
  });
  expect(res.status).toBe(401);
  expect(res.headers.get(CACHE_HEADER)).toBeNull();
});

it('answers from the cache only requests Apollo would accept as JSON', async () => {
  await post(PARTY, { key: 'umeng' });
  expect((await post(PARTY, { key: 'umeng' })).cache).toBe('hit');
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; x=application/json', authorization: `Bearer ${viewerKey}` },
    body: JSON.stringify({ query: PARTY, variables: { key: 'umeng' } }),
  });
  expect(res.headers.get(CACHE_HEADER)).toBeNull();
  expect(res.status).toBe(400); // Apollo's CSRF prevention refuses a simple content type
});

it('sees a mutation through this server on the very next read', async () => {
  await post(PARTY, { key: 'umeng' });
  expect((await post(PARTY, { key: 'umeng' })).cache).toBe('hit');
  const mutation = await post(
    'mutation Up($input: PartyInput!) { upsertParty(input: $input) { key name } }',
    { input: { key: 'umeng', name: 'Umeng (renamed by the cache test)', kind: 'THIRD_PARTY', country: 'CN' } },
    editorKey,
  );
  expect(mutation.errors).toBeUndefined();
  expect(mutation.cache).toBeNull(); // mutations are never considered
  const after = await post(PARTY, { key: 'umeng' });
  expect(after.cache).toBe('miss');
  expect(after.data!.party.name).toBe('Umeng (renamed by the cache test)');
});

it("sees another connection's commit to the same database file on the very next read", async () => {
  await post(PARTY, { key: 'user' });
  expect((await post(PARTY, { key: 'user' })).cache).toBe('hit');
  const other = new SqliteStore({ path: join(dir, 'inventory.db') });
  try {
    const [user] = await other.getNodes('party', ['user']);
    await new InventoryService(other).importManifest({ parties: [{ ...stripVersion(user!), country: 'HK' }] }, 'MERGE');
  } finally {
    await other.close();
  }
  const after = await post(PARTY, { key: 'user' });
  expect(after.cache).toBe('miss');
  expect(after.data!.party.country).toBe('HK');
});

it('does not cache answers with errors, reports stamped with the date, or introspection-only queries', async () => {
  const bad = 'query Bad($key: ID!) { personalField(key: $key) { lineage(direction: DOWNSTREAM, maxDepth: 99) { truncated } } }';
  expect((await post(bad, { key: 'imei' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect((await post(bad, { key: 'imei' })).cache).toBeNull(); // not kept, so never a hit
  const ropa = '{ recordsOfProcessing { generatedAt } }';
  const ropaAnswer = await post(ropa);
  expect(ropaAnswer.errors).toBeUndefined();
  expect(ropaAnswer.cache).toBeNull();
  expect((await post('{ __typename }')).cache).toBeNull();
});

it('can be turned off', async () => {
  const off = await startServer(store, { port: 0, host: '127.0.0.1', access: new AccessControl(store, null), responseCacheMb: 0, logError: () => undefined });
  try {
    expect(off.responseCache).toBeNull();
    const res = await fetch(off.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${viewerKey}` },
      body: JSON.stringify({ query: PARTY, variables: { key: 'umeng' } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get(CACHE_HEADER)).toBeNull();
  } finally {
    await off.stop();
  }
});

describe('ResponseCache', () => {
  const answer = (n: number, bytes = 500) => ({ status: 200, headers: [['content-type', 'application/json']] as Array<[string, string]>, body: Buffer.from(`{"n":${n}}`.padEnd(bytes)) });

  it('drops the least recently used answers first when over its memory', () => {
    const cache = new ResponseCache(16 * 1000); // entries up to 1,000 bytes; about 20 of these fit
    cache.get('m1', 'a');
    for (const k of ['a', 'b', 'c', 'd']) cache.set('m1', k, answer(1));
    expect(cache.get('m1', 'a')).not.toBeNull(); // a is now the most recently used
    for (const k of ['e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'aa', 'ab', 'ac', 'ad', 'ae', 'af', 'ag', 'ah', 'ai', 'aj', 'ak', 'al', 'am', 'an', 'ao', 'ap', 'aq', 'ar', 'as', 'at', 'au', 'av', 'aw', 'ax', 'ay', 'az', 'ba', 'bb', 'bc', 'bd', 'be', 'bf', 'bg', 'bh', 'bi', 'bj', 'bk', 'bl', 'bm', 'bn', 'bo']) {
      cache.set('m1', k, answer(2));
    }
    expect(cache.usedBytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.get('m1', 'b')).toBeNull();
    expect(cache.get('m1', 'bo')).not.toBeNull();
  });

  it('forgets everything when the change mark moves, and refuses answers computed under an old mark', () => {
    const cache = new ResponseCache(1024 * 1024);
    cache.get('m1', 'a');
    cache.set('m1', 'a', answer(1));
    expect(cache.get('m1', 'a')?.body.toString().trim()).toBe('{"n":1}');
    expect(cache.get('m2', 'a')).toBeNull();
    cache.set('m1', 'a', answer(1)); // computed before the change: not kept
    expect(cache.get('m2', 'a')).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('does not keep an answer larger than a sixteenth of its memory', () => {
    const cache = new ResponseCache(16 * 1000);
    cache.get('m', 'big');
    cache.set('m', 'big', answer(3, 2000));
    expect(cache.get('m', 'big')).toBeNull();
  });
});

it('marks a lineage answer cut by the time budget, so it is not cached', () => {
  // A complete bipartite-ish graph: far more paths than a zero budget lets the walk finish.
  const edges = [];
  for (let hop = 0; hop < 6; hop++) {
    for (let a = 0; a < 8; a++) for (let b = 0; b < 8; b++) edges.push({ key: `e${hop}-${a}-${b}`, from: hop === 0 ? 'src' : `p${hop}-${a}`, to: `p${hop + 1}-${b}` });
  }
  const cut = traceLineage(edges, 'DOWNSTREAM', { maxDepth: 6, maxPaths: 1_000_000, timeBudgetMs: -1 }, ['src']);
  expect(cut.truncated).toBe(true);
  expect(cut.outOfTime).toBe(true);
  const capped = traceLineage(edges, 'DOWNSTREAM', { maxDepth: 6, maxPaths: 100, timeBudgetMs: 60_000 }, ['src']);
  expect(capped.truncated).toBe(true); // cut by the path cap: decided by the data, cacheable
  expect(capped.outOfTime).toBeUndefined();
});

function stripVersion<T extends object>(node: T): T {
  const { version: _v, ...rest } = node as T & { version?: number };
  return rest as T;
}
