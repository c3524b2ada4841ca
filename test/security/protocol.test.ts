/**
 * Protocol hardening, each attack replayed over HTTP against a real server on 127.0.0.1: syntax
 * errors and the token limit are 400s, subscriptions are refused as invalid, bytes that are not
 * UTF-8 and text with invisible space at its ends are refused with nothing stored, foreign Host
 * names are refused (DNS rebinding), every answer carries the security headers, and GET /graphql
 * from a browser gets a page that loads nothing.
 */
import { request as httpRequest } from 'node:http';
import { ConfigError, loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { AccessControl } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import type { InventoryStore } from '../../src/store/inventory-store';
import { openTestStore } from '../support/stores';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

let store: InventoryStore;
let server: RunningServer;
/** A second server on the same store, behind a "proxy" named fieldtrail.example.com. */
let proxied: RunningServer;
let editorKey: string;
const loggedErrors: unknown[] = [];

beforeAll(async () => {
  store = await openTestStore('sqlite');
  const { secret, record } = await newApiKey('protocol test editor', 'editor');
  await store.saveApiKey(record);
  editorKey = secret;
  const access = new AccessControl(store, null);
  server = await startServer(store, { port: 0, host: '127.0.0.1', access, logError: (err) => loggedErrors.push(err) });
  const behindProxy = { port: 0, host: '127.0.0.1', access, logError: (err: unknown) => loggedErrors.push(err), allowedHosts: ['fieldtrail.example.com'] };
  proxied = await startServer(store, behindProxy);
});
afterAll(async () => {
  await server?.stop();
  await proxied?.stop();
  await store?.close();
});
beforeEach(() => {
  loggedErrors.length = 0;
});

/** node:http rather than fetch: fetch would not send a chosen Host header or raw bytes. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; port?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: options.port ?? server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function postGraphQL(body: Buffer | string, extraHeaders: Record<string, string> = {}): Promise<RawResponse> {
  return send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}`, ...extraHeaders }, body });
}

const PARTY = 'query Party($key: ID!) { party(key: $key) { key name } }';
async function storedParty(key: string): Promise<unknown> {
  const res = await postGraphQL(JSON.stringify({ query: PARTY, variables: { key } }));
  expect(res.status).toBe(200);
  return res.json().data!.party;
}

describe('GraphQL documents that cannot be run', () => {
  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    const res = await postGraphQL('{"query":"{"}');
    expect(res.status).toBe(400);
    expect(res.json().errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(loggedErrors).toEqual([]);
  });

  it('answers a document over the token limit with 400 TOO_MANY_TOKENS', async () => {
    const tokens = `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`;
    const res = await postGraphQL(JSON.stringify({ query: tokens }));
    expect(res.status).toBe(400);
    const error = res.json().errors?.[0];
    expect(error?.extensions?.code).toBe('TOO_MANY_TOKENS');
    expect(error?.message).toMatch(/more than 5000 tokens/);
    expect(loggedErrors).toEqual([]);
  });

  it('refuses a subscription as a 400 validation error, logging nothing', async () => {
    const res = await postGraphQL(JSON.stringify({ query: 'subscription { x }' }));
    expect(res.status).toBe(400);
    const error = res.json().errors?.[0];
    expect(error?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error?.message).toMatch(/FieldTrail has no subscriptions/);
    expect(loggedErrors).toEqual([]);
  });
});

describe('bytes that are not UTF-8', () => {
  it('refuses a POST body with an invalid sequence (0xC3 0x28) and stores nothing', async () => {
    const mutation = 'mutation Up($input: PartyInput!) { upsertParty(input: $input) { key name } }';
    const json = JSON.stringify({ query: mutation, variables: { input: { key: 'bad-bytes', name: 'Bad NAME', kind: 'THIRD_PARTY' } } });
    const body = Buffer.from(json, 'utf8');
    const at = body.indexOf('NAME');
    body[at] = 0xc3;
    body[at + 1] = 0x28;
    const res = await postGraphQL(body);
    expect(res.status).toBe(400);
    const error = res.json().errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_REQUEST');
    expect(error?.message).toBe(`request body is not valid UTF-8 (first bad byte at offset ${at}); nothing was read from it`);
    expect(await storedParty('bad-bytes')).toBeNull();
  });

  it('refuses a GET query string whose percent-escapes are not UTF-8', async () => {
    const res = await send(`/graphql?query=${encodeURIComponent('{ party(key: "')}%C3%28${encodeURIComponent('") { key } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(400);
    expect(res.json().errors?.[0]).toMatchObject({ message: 'the query string parameter "query" is not percent-encoded UTF-8', extensions: { code: 'BAD_REQUEST' } });
  });
});

describe('text is stored exactly as sent, or refused', () => {
  it('refuses a party name with a trailing NBSP through upsertParty, naming the path; nothing stored', async () => {
    const mutation = 'mutation Up($input: PartyInput!) { upsertParty(input: $input) { key name } }';
    const res = await postGraphQL(JSON.stringify({ query: mutation, variables: { input: { key: 'umeng', name: 'Umeng\u00a0', kind: 'THIRD_PARTY' } } }));
    const error = res.json().errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.problems).toEqual([{ path: 'name', message: 'must not start or end with white space (found U+00A0 no-break space)' }]);
    expect(await storedParty('umeng')).toBeNull();
  });

  it('refuses the same through importInventory, naming the path; nothing stored', async () => {
    const mutation = 'mutation Import($manifest: JSON!) { importInventory(manifest: $manifest, mode: MERGE) { mode } }';
    const manifest = { parties: [{ key: 'ok-party', name: 'OK', kind: 'FIRST_PARTY' }, { key: 'umeng', name: '\ufeffUmeng', kind: 'THIRD_PARTY' }] };
    const res = await postGraphQL(JSON.stringify({ query: mutation, variables: { manifest } }));
    const error = res.json().errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.problems).toEqual([{ path: 'parties[1].name', message: 'must not start or end with white space (found U+FEFF byte order mark)' }]);
    expect(await storedParty('ok-party')).toBeNull();
    expect(await storedParty('umeng')).toBeNull();
  });

  it('keeps a multi-line description exactly, line breaks included', async () => {
    const mutation = 'mutation Up($input: PartyInput!) { upsertParty(input: $input) { key description } }';
    const description = 'Collects:\n  - device IDs\n';
    const res = await postGraphQL(JSON.stringify({ query: mutation, variables: { input: { key: 'exact', name: 'Exact', kind: 'THIRD_PARTY', description } } }));
    expect(res.json()).toEqual({ data: { upsertParty: { key: 'exact', description } } });
  });
});

describe('Host header (DNS rebinding)', () => {
  const query = JSON.stringify({ query: '{ __typename }' });
  const post = (host: string, port = server.port) =>
    send('/graphql', { method: 'POST', port, headers: { host, 'content-type': 'application/json' }, body: query });

  it('refuses a foreign host name on a loopback-bound server, serves loopback names with any port, and health checks whatever the Host', async () => {
    const res = await post('evil.example');
    expect(res.status).toBe(421);
    const error = res.json().errors?.[0];
    expect(error?.extensions?.code).toBe('HOST_NOT_ALLOWED');
    expect(error?.message).toMatch(/"evil\.example".*FIELDTRAIL_ALLOWED_HOSTS/);
    expect((await post(`evil.example:${server.port}`)).status).toBe(421);
    // The dashboard too: its page would read the inventory with the victim's browser.
    expect((await send('/', { headers: { host: 'evil.example' } })).status).toBe(421);
    for (const host of [`localhost:${server.port}`, 'localhost', `127.0.0.1:${server.port}`, `[::1]:${server.port}`, `app.localhost:${server.port}`]) {
      const res = await post(host);
      expect([host, res.status]).toEqual([host, 200]);
    }
    // Orchestrators probe by IP; health answers reveal no inventory.
    expect((await send('/healthz', { headers: { host: '10.0.0.7:4000' } })).status).toBe(200);
    expect((await send('/readyz', { headers: { host: '10.0.0.7:4000' } })).status).toBe(200);
  });

  it('serves names listed in allowedHosts (FIELDTRAIL_ALLOWED_HOSTS), and still refuses others', async () => {
    expect((await post('fieldtrail.example.com', proxied.port)).status).toBe(200);
    expect((await post('FieldTrail.Example.com:443', proxied.port)).status).toBe(200);
    expect((await post('evil.example', proxied.port)).status).toBe(421);
    expect((await post('fieldtrail.example.com')).status).toBe(421);
  });
});

describe('FIELDTRAIL_ALLOWED_HOSTS', () => {
  it('reads host names, and refuses an entry with a scheme or port naming the variable', () => {
    expect(loadConfig({ FIELDTRAIL_ALLOWED_HOSTS: ' FieldTrail.Example.com , *.corp.example,' }).allowedHosts).toEqual(['fieldtrail.example.com', '*.corp.example']);
    expect(loadConfig({}).allowedHosts).toEqual([]);
    for (const bad of ['https://fieldtrail.example.com', 'fieldtrail.example.com:443', 'a b']) {
      expect(() => loadConfig({ FIELDTRAIL_ALLOWED_HOSTS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ FIELDTRAIL_ALLOWED_HOSTS: bad })).toThrow(`FIELDTRAIL_ALLOWED_HOSTS entry "${bad}" must be a host name`);
    }
  });
});

describe('security headers', () => {
  const expected = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
  const cases: Array<[string, () => Promise<RawResponse>]> = [
    ['the dashboard at /', () => send('/')],
    ['POST /graphql', () => postGraphQL(JSON.stringify({ query: '{ __typename }' }))],
    ['a GraphQL error', () => postGraphQL('{"query":"{"}')],
    ['a refused Host', () => send('/graphql', { headers: { host: 'evil.example' } })],
    ['/healthz', () => send('/healthz')],
    ['a 404', () => send('/no-such-page')],
  ];
  it.each(cases)('are on %s', async (_name, get) => {
    const res = await get();
    expect(res.headers).toMatchObject(expected);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "connect-src 'self'"]) {
      expect(csp.split('; ')).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});

describe('GET /graphql from a browser', () => {
  it('answers a page that loads nothing from anywhere (no CDN landing page), while queries sent by GET still run', async () => {
    const res = await send('/graphql', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(/FieldTrail GraphQL API/);
    expect(res.text).not.toMatch(/<script|<link|<iframe|<img|src=|https:/i);
    // Apollo's CSRF prevention wants a header a simple cross-site request cannot carry.
    const query = await send(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(query.status).toBe(200);
    expect(query.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
