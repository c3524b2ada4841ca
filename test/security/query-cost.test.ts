/**
 * The heap-exhaustion attack of issue 12, replayed over HTTP against real servers on 127.0.0.1:
 * a query whose nested unpaged lists multiply is refused before it runs (QUERY_TOO_COSTLY), an
 * ordinary dashboard question is answered, a query that gets through is stopped by its deadline
 * (REQUEST_TIMEOUT) and stops reading, `/healthz` answers while it runs, and an answer over the
 * size cap is refused (RESPONSE_TOO_LARGE).
 */
import { getIntrospectionQuery } from 'graphql';
import { ConfigError, loadConfig } from '../../src/config';
import { generateInventory } from '../../bench/generate';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server';
import { AccessControl } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import { InventoryService } from '../../src/services/inventory-service';
import { seedIfEmpty } from '../../src/services/seeds';
import type { InventoryStore } from '../../src/store/inventory-store';
import { countCalls, type CountingStore } from '../support/counting-store';
import { openTestStore } from '../support/stores';

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Anonymous, as the attack was sent: a loopback client without credentials. */
async function post(server: RunningServer, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
}

/** The query of the report: 81 of graphql-armor's 5,000, and a dead server. */
const ATTACK = '{ parties { outbound { carriedFields { flows { carriedFields { flows { carriedFields { key } } } } } } } }';
/** One level shallower: answered after 42 s with 51 MB before the fix. */
const ATTACK_SHALLOWER = '{ parties { outbound { carriedFields { flows { carriedFields { flows { key } } } } } } }';
/** The dashboard question the issue names: a page of 100 fields with everything a row shows. */
const DASHBOARD_PAGE = `{
  personalFields(first: 100) {
    totalCount
    nodes {
      key name sensitive sensitiveClass
      recipients { key name kind }
      purposes { key name }
      permissions { key name }
      flows { key kind from { key name } to { key name } retention { minimum maximum description } }
    }
  }
}`;

/** Store calls that read the inventory (statistics and change marks are how the estimate is made). */
function inventoryReads(counting: CountingStore): number {
  return [...counting.calls].filter(([name]) => !['listSizeStatistics', 'changeMark', 'findApiKey'].includes(name)).reduce((n, [, c]) => n + c, 0);
}

async function serve(store: InventoryStore, options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  return startServer(store, { port: 0, host: '127.0.0.1', access: new AccessControl(store, null), logError: () => undefined, ...options });
}

describe('on the 进圈 seed, with the default limits', () => {
  let real: InventoryStore;
  let counting: CountingStore;
  let server: RunningServer;

  beforeAll(async () => {
    real = await openTestStore('sqlite');
    await seedIfEmpty(real);
    counting = countCalls(real);
    // No answer cache: each request here must run (or be refused) for real.
    server = await serve(counting.store, { responseCacheMb: 0 });
  });
  afterAll(async () => {
    await server?.stop();
    await real?.close();
  });

  it.each([
    ['the attack query', ATTACK],
    ['the attack one level shallower', ATTACK_SHALLOWER],
  ])('refuses %s before reading anything: 400 QUERY_TOO_COSTLY naming the heaviest list', async (_, query) => {
    counting.reset();
    const answer = await post(server, query);
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(answer.errors?.[0].extensions?.maxCost).toBe(500_000);
    expect(answer.errors?.[0].message).toMatch(/limit is 500,000\. The heaviest list is parties\.outbound\.carriedFields/);
    expect(inventoryReads(counting)).toBe(0);
  });

  it('answers the dashboard question: a page of 100 fields with recipients, purposes, permissions and flows', async () => {
    const answer = await post(server, DASHBOARD_PAGE);
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    const page = answer.data!.personalFields as { totalCount: number; nodes: Array<{ key: string; flows: Array<{ to: { key: string } }>; recipients: unknown[] }> };
    expect(page.nodes).toHaveLength(85);
    const imei = page.nodes.find((f) => f.key === 'imei')!;
    expect(imei.recipients.length).toBeGreaterThan(0);
    expect(imei.flows.map((f) => f.to.key)).toContain('umeng');
  });

  it('counts a page by its `first`, given inline or as a variable, and fragments like inline selections', async () => {
    const query = `query Page($n: Int) { personalFields(first: $n) { nodes { ...Reach } } }
      fragment Reach on PersonalField { flows { carriedFields { flows { carriedFields { key } } } } }`;
    expect((await post(server, query, { n: 1 })).status).toBe(200);
    const refused = await post(server, query, { n: 100 });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('answers the introspection query GraphiQL and codegen send', async () => {
    const answer = await post(server, getIntrospectionQuery());
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
  });
});

describe('a query the estimate lets through, at M (10,000 fields, 50,000 flows)', () => {
  let real: InventoryStore;
  let counting: CountingStore;
  /** Estimates off and a 1 s deadline: stands for a query whose cost was underestimated. */
  let server: RunningServer;
  // Every party's outbound flows, each with its carried fields and their flows: millions of values.
  const HEAVY = '{ parties { outbound { key carriedFields { key flows { key } } } } }';

  beforeAll(async () => {
    real = await openTestStore('sqlite');
    await new InventoryService(real).importManifest(generateInventory('M').manifest, 'REPLACE');
    counting = countCalls(real);
    server = await serve(counting.store, { maxQueryCost: Number.MAX_SAFE_INTEGER, requestTimeoutMs: 1000, responseCacheMb: 0 });
  });
  afterAll(async () => {
    await server?.stop();
    await real?.close();
  });

  it('is stopped by its deadline: 503 REQUEST_TIMEOUT, and it reads nothing more afterwards', async () => {
    counting.reset();
    const answer = await post(server, HEAVY);
    expect(answer.status).toBe(503);
    expect(answer.errors?.[0].extensions?.code).toBe('REQUEST_TIMEOUT');
    // Cancelled, not abandoned: once its current batch ends, the work makes no more store calls.
    await new Promise((r) => setTimeout(r, 500));
    const afterStop = counting.total();
    await new Promise((r) => setTimeout(r, 1500));
    expect(counting.total()).toBe(afterStop);
  });

  it('lets /healthz answer, again and again, while it runs', async () => {
    // A longer deadline than above, so the check does not hang on how busy the machine is.
    const patient = await serve(real, { maxQueryCost: Number.MAX_SAFE_INTEGER, requestTimeoutMs: 3000, responseCacheMb: 0 });
    try {
      let settled = false;
      const running = post(patient, HEAVY).finally(() => (settled = true));
      const answeredWhileRunning: number[] = [];
      while (!settled) {
        const res = await fetch(`http://127.0.0.1:${patient.port}/healthz`);
        if (!settled) answeredWhileRunning.push(res.status);
      }
      expect((await running).status).toBe(503);
      // Health checks got in between the query's store calls, each answered before the query was.
      expect(answeredWhileRunning.length).toBeGreaterThanOrEqual(3);
      expect(new Set(answeredWhileRunning)).toEqual(new Set([200]));
    } finally {
      await patient.stop();
    }
  });

  it('with the default limits the same query is refused before it runs', async () => {
    const guarded = await serve(real, { responseCacheMb: 0 });
    try {
      const answer = await post(guarded, HEAVY);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    } finally {
      await guarded.stop();
    }
  });
});

describe('the response size cap', () => {
  let store: InventoryStore;
  let server: RunningServer;

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    await seedIfEmpty(store);
    // 16 KB: the policy's 149 clauses in full (about 40 KB) are more than that.
    server = await serve(store, { maxResponseMb: 1 / 64, responseCacheMb: 0 });
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });

  it('refuses an answer over the cap with 413 RESPONSE_TOO_LARGE and says what the limit is', async () => {
    const answer = await post(server, '{ policyDocuments { clauses { ref title text } } }');
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(answer.errors?.[0].message).toMatch(/over the limit of 0\.016 MB \(FIELDTRAIL_MAX_RESPONSE_MB\)/);
  });

  it('answers what fits', async () => {
    const answer = await post(server, '{ policyDocuments { key clauses { ref } } }');
    expect(answer.status).toBe(200);
    expect((answer.data!.policyDocuments as Array<{ clauses: unknown[] }>)[0].clauses).toHaveLength(149);
  });
});

describe('the settings', () => {
  it('read FIELDTRAIL_MAX_QUERY_COST, FIELDTRAIL_REQUEST_TIMEOUT_SECONDS and FIELDTRAIL_MAX_RESPONSE_MB, with their defaults', () => {
    expect(loadConfig({}).requestLimits).toEqual({ maxQueryCost: 500_000, requestTimeoutMs: 30_000, maxResponseMb: 64 });
    const set = loadConfig({ FIELDTRAIL_MAX_QUERY_COST: '2000000', FIELDTRAIL_REQUEST_TIMEOUT_SECONDS: '5', FIELDTRAIL_MAX_RESPONSE_MB: '16' });
    expect(set.requestLimits).toEqual({ maxQueryCost: 2_000_000, requestTimeoutMs: 5000, maxResponseMb: 16 });
  });

  it.each([
    ['FIELDTRAIL_MAX_QUERY_COST', '0', /FIELDTRAIL_MAX_QUERY_COST must be at least 1/],
    ['FIELDTRAIL_MAX_QUERY_COST', '1e6', /FIELDTRAIL_MAX_QUERY_COST must be a whole number of estimated values/],
    ['FIELDTRAIL_REQUEST_TIMEOUT_SECONDS', '-1', /FIELDTRAIL_REQUEST_TIMEOUT_SECONDS must be a whole number of seconds from 0 to 3600, got "-1"/],
    ['FIELDTRAIL_MAX_RESPONSE_MB', '0', /FIELDTRAIL_MAX_RESPONSE_MB must be at least 1/],
  ])('refuse %s=%s, naming the setting', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('a lower cost limit set on the server refuses what the default lets through', async () => {
    const store = await openTestStore('sqlite');
    await seedIfEmpty(store);
    const strict = await serve(store, { maxQueryCost: 1000 });
    try {
      const answer = await post(strict, DASHBOARD_PAGE);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: 1000 });
    } finally {
      await strict.stop();
      await store.close();
    }
  });
});

describe('a write that outlasts the deadline', () => {
  it('is not stopped halfway nor answered REQUEST_TIMEOUT: it commits and its client hears so', async () => {
    const store = await openTestStore('sqlite');
    const { secret, record } = await newApiKey('slow writer', 'editor');
    await store.saveApiKey(record);
    // Instrumentation, not a mock: the real store, its write made slower than the deadline.
    const write = store.write.bind(store);
    store.write = async (...args) => {
      await new Promise((r) => setTimeout(r, 1200));
      return write(...args);
    };
    const server = await serve(store, { requestTimeoutMs: 300 });
    try {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: 'mutation { upsertParty(input: { key: "slow-vendor", name: "Slow Vendor", kind: THIRD_PARTY }) { key name } }' }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { upsertParty: { key: 'slow-vendor', name: 'Slow Vendor' } } });
      expect((await store.getNodes('party', ['slow-vendor']))[0]?.name).toBe('Slow Vendor');
      // A read on the same server still has its deadline.
      const read = await post(server, '{ parties { key } }');
      expect(read.status).toBe(200);
    } finally {
      await server.stop();
      await store.close();
    }
  });
});
