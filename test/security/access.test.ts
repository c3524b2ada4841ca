/**
 * Who may read and change the inventory, over real HTTP: API keys by role, SSO tokens from an
 * OIDC issuer (a real JWKS endpoint on loopback), anonymous read-only on loopback, limits.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { print } from 'graphql';
import { AccessControl, AccessDenied, assertSafeBinding, UnsafeBindingError } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import { OidcVerifier } from '../../src/services/access/oidc';
import { startServer, type RunningServer } from '../../src/server';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { DeletePersonalFieldDocument, FieldListDocument, UpsertPartyDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { syntheticInventory } from '../support/synthetic';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: syntheticInventory(5) });
});
afterAll(() => app.stop());

const party = { input: { key: 'new-vendor', name: 'New vendor', kind: 'THIRD_PARTY' as const, country: 'CN' } };

describe('roles', () => {
  it('lets anyone on loopback read without credentials, but not write', async () => {
    const read = await app.send(FieldListDocument, { first: 2 }, 'anonymous');
    expect(read.errors).toBeUndefined();
    expect(read.data?.personalFields.totalCount).toBe(5);
    const write = await app.send(UpsertPartyDocument, party, 'anonymous');
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a viewer read, not write; an editor write', async () => {
    expect((await app.send(FieldListDocument, {}, 'viewer')).errors).toBeUndefined();
    expect((await app.send(UpsertPartyDocument, party, 'viewer')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.send(DeletePersonalFieldDocument, { key: 'f00000' }, 'viewer')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.query(UpsertPartyDocument, party, 'editor')).upsertParty.key).toBe('new-vendor');
    expect((await app.query(UpsertPartyDocument, party, 'admin')).upsertParty.key).toBe('new-vendor');
  });

  it('refuses a wrong, malformed or revoked key with 401 and UNAUTHENTICATED', async () => {
    const post = (authorization: string) =>
      fetch(app.server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: '{ __typename }' }) });
    const wrongSecret = app.tokens.viewer.slice(0, -4) + 'AAAA';
    for (const auth of [`Bearer ${wrongSecret}`, 'Bearer nonsense', 'Basic dXNlcjpwYXNz']) {
      const res = await post(auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const { secret, record } = await newApiKey('to revoke', 'editor');
    await app.store.saveApiKey(record);
    await app.store.revokeApiKey(record.id, new Date().toISOString());
    expect((await post(`Bearer ${secret}`)).status).toBe(401);
  });

  it('stores only a salted hash of each secret', async () => {
    const keys = await app.store.listApiKeys();
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const k of keys) {
      expect(k.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      // The secret is everything after `ft_<id>_`: it may itself contain `_`, so no split('_').
      for (const token of Object.values(app.tokens)) expect(k.hash).not.toContain(/^ft_[0-9a-f]{12}_(.{43})$/.exec(token)![1]);
    }
  });
});

describe('anonymous access is for loopback only', () => {
  const control = new AccessControl(null, null);
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('%s may read anonymously', async (address) => {
    expect(await control.actorFor(undefined, address)).toEqual({ id: 'anonymous@loopback', role: 'viewer', via: 'anonymous' });
  });
  it.each(['10.0.0.5', '192.168.1.2', '::ffff:10.1.1.1', '2001:db8::1', undefined])('%s may not', async (address) => {
    await expect(control.actorFor(undefined, address)).rejects.toBeInstanceOf(AccessDenied);
  });
});

describe('binding beyond loopback', () => {
  it('refuses to start with no keys and no issuer, and says what to do', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    await store.migrate();
    await expect(assertSafeBinding('0.0.0.0', store, false)).rejects.toThrow(UnsafeBindingError);
    await expect(assertSafeBinding('0.0.0.0', store, false)).rejects.toThrow(/fieldtrail keys create/);
    await expect(assertSafeBinding('127.0.0.1', store, false)).resolves.toBeUndefined();
    await expect(assertSafeBinding('0.0.0.0', store, true)).resolves.toBeUndefined();
    const { record } = await newApiKey('ops', 'viewer');
    await store.saveApiKey(record);
    await expect(assertSafeBinding('0.0.0.0', store, false)).resolves.toBeUndefined();
    await store.revokeApiKey(record.id, new Date().toISOString());
    await expect(assertSafeBinding('::', store, false)).rejects.toThrow(UnsafeBindingError);
    await store.close();
  });
});

describe('SSO tokens from an OIDC issuer', () => {
  const issuer = 'https://sso.example.test/';
  let jwks: Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, unknown>, opts?: { issuer?: string; expires?: string; audience?: string }) => Promise<string>;
  let server: RunningServer;
  let store: SqliteStore;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
    sign = (claims, opts = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(opts.issuer ?? issuer)
        .setAudience(opts.audience ?? 'fieldtrail')
        .setSubject('alice@example.test')
        .setIssuedAt()
        .setExpirationTime(opts.expires ?? '5m')
        .sign(privateKey);
    store = new SqliteStore({ path: ':memory:' });
    await store.migrate();
    const oidc = new OidcVerifier({ issuer, jwksUrl, audience: 'fieldtrail', roleClaim: 'groups', roleMap: { 'privacy-eng': 'editor', 'privacy-dpo': 'viewer' } });
    server = await startServer(store, { port: 0, host: '127.0.0.1', access: new AccessControl(store, oidc), logError: () => undefined });
  });
  afterAll(async () => {
    await server.stop();
    await store.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const mutate = async (token: string) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(UpsertPartyDocument), variables: party }),
    });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> } };
  };

  it('maps the configured claim to a role', async () => {
    const editor = await mutate(await sign({ groups: ['staff', 'privacy-eng'] }));
    expect(editor.body.errors).toBeUndefined();
    const viewer = await mutate(await sign({ groups: ['privacy-dpo'] }));
    expect(viewer.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses expired tokens, other issuers, other audiences and tokens granting no role', async () => {
    for (const token of [
      await sign({ groups: ['privacy-eng'] }, { expires: '-10m' }),
      await sign({ groups: ['privacy-eng'] }, { issuer: 'https://evil.example.test/' }),
      await sign({ groups: ['privacy-eng'] }, { audience: 'another-app' }),
      await sign({ groups: ['staff'] }),
    ]) {
      const res = await mutate(token);
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('limits', () => {
  const post = async (query: string, as: 'viewer' | 'editor' = 'viewer', raw?: string) => {
    const res = await fetch(app.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.tokens[as]}` },
      body: raw ?? JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as { errors?: Array<{ message: string; extensions: { code: string } }> } };
  };

  // Too costly (QUERY_TOO_COSTLY) depends on the inventory's size: security/query-cost.test.ts.
  it('refuses queries that are too deep, too aliased or too long, each with its own code', async () => {
    const deep = `{ personalFields { nodes { category { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { key } } } } } } } } } } } } } }`;
    expect((await post(deep)).body.errors?.[0].extensions.code).toBe('QUERY_TOO_DEEP');
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: purposes { key }`).join(" ")} }`;
    expect((await post(aliases)).body.errors?.[0].extensions.code).toBe('TOO_MANY_ALIASES');
    const tokens = `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`;
    const tooLong = await post(tokens);
    expect(tooLong.body.errors?.[0].extensions.code).toBe('TOO_MANY_TOKENS');
  });

  it('caps request bodies: 1 MB for readers, 50 MB for editors', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const asViewer = await post('', 'viewer', big);
    expect(asViewer.status).toBe(413);
    expect(asViewer.body.errors?.[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await post('', 'editor', big)).status).toBe(200);
  });

  it('answers a request that runs too long with REQUEST_TIMEOUT', async () => {
    const slow = new SqliteStore({ path: ':memory:' });
    await slow.migrate();
    // Instrumentation, not a mock: the real store, made slow.
    const original = slow.listFields.bind(slow);
    slow.listFields = async (...args) => {
      await new Promise((r) => setTimeout(r, 300));
      return original(...args);
    };
    const server = await startServer(slow, { port: 0, host: '127.0.0.1', requestTimeoutMs: 50, logError: () => undefined });
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ personalFields { totalCount } }' }) });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('REQUEST_TIMEOUT');
    await server.stop();
    await slow.close();
  });
});

describe('shutdown and readiness', () => {
  it('finishes in-flight requests on stop, and reports ready while serving', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    await store.migrate();
    const original = store.listFields.bind(store);
    store.listFields = async (...args) => {
      await new Promise((r) => setTimeout(r, 200));
      return original(...args);
    };
    const server = await startServer(store, { port: 0, host: '127.0.0.1', logError: () => undefined });
    const base = server.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const inFlight = fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ personalFields { totalCount } }' }) });
    await new Promise((r) => setTimeout(r, 50));
    const stopped = server.stop();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { personalFields: { totalCount: number } } }).data.personalFields.totalCount).toBe(0);
    await stopped;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    await store.close();
  });
});
