/**
 * Credentials cannot be ground down (issue 12), each attack replayed over real HTTP against a real
 * server and SQLite store: floods of bad secrets for a known key id, bad secrets from one address,
 * probing which key ids exist, expired or undated SSO tokens, and revoked keys still in a cache.
 * Clients take distinct loopback addresses (127.0.0.x) so per-address budgets can be told apart.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { ConfigError, loadConfig } from '../../src/config';
import { AccessControl, type AccessControlOptions } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import { clientOf } from '../../src/services/access/attempt-limits';
import { OidcVerifier } from '../../src/services/access/oidc';
import { startServer, type RunningServer } from '../../src/server';
import type { ApiKeyStore } from '../../src/store/inventory-store';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';

interface Answer {
  status: number;
  code: string | undefined;
  message: string | undefined;
  retryAfter: string | undefined;
  ms: number;
}

/** POSTs `{ __typename }` with the token, from the given loopback address. */
function ask(url: string, token: string | undefined, from = '127.0.0.1'): Promise<Answer> {
  const { port } = new URL(url);
  const body = JSON.stringify({ query: '{ __typename }' });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode!, code: parsed.errors?.[0]?.extensions?.code, message: parsed.errors?.[0]?.message, retryAfter, ms: performance.now() - started });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * How long a first sign-in may take during a flood: a few scrypt checks' worth (the ones already
 * running, then its own), measured on this machine without a flood, and never under 2 s.
 * On a shared, loaded machine one check alone can take most of a second.
 */
const floodBound = (quietSignInMs: number) => Math.max(2000, 4 * quietSignInMs);

/** A syntactically valid secret for the key id that is not the key's secret. */
const badSecretFor = (token: string) => `${token.slice(0, 16)}${randomBytes(32).toString('base64url')}`;
const keyIdOf = (token: string) => token.slice(3, 15);
const unknownKey = () => `ft_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`;

interface Served {
  server: RunningServer;
  store: SqliteStore;
  access: AccessControl;
  /** How many times each key id's record was looked up: one per credential check (each runs one scrypt). */
  checks: Map<string, number>;
  key(role?: 'viewer' | 'editor'): Promise<{ token: string; id: string }>;
  stop(): Promise<void>;
}

/** A real server on a fresh SQLite store; key lookups are counted on their way to the real store. */
async function serve(options: AccessControlOptions = {}, oidc: OidcVerifier | null = null): Promise<Served> {
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  const checks = new Map<string, number>();
  const counted: ApiKeyStore = {
    saveApiKey: (r) => store.saveApiKey(r),
    listApiKeys: () => store.listApiKeys(),
    revokeApiKey: (id, at) => store.revokeApiKey(id, at),
    findApiKey: (id) => {
      checks.set(id, (checks.get(id) ?? 0) + 1);
      return store.findApiKey(id);
    },
  };
  const access = new AccessControl(counted, oidc, true, options);
  const server = await startServer(store, { port: 0, host: '127.0.0.1', access, logError: () => undefined });
  return {
    server,
    store,
    access,
    checks,
    async key(role = 'viewer') {
      const { secret, record } = await newApiKey(`credentials test ${role}`, role);
      await store.saveApiKey(record);
      return { token: secret, id: record.id };
    },
    async stop() {
      await server.stop();
      await store.close();
    },
  };
}

describe('API keys under attack', () => {
  let s: Served | undefined;
  afterEach(async () => {
    await s?.stop();
    s = undefined;
  });

  it('checks a new key once however many requests carry it at the same time', async () => {
    s = await serve();
    const { token, id } = await s.key();
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(s!.server.url, token)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(s.checks.get(id)).toBe(1);
  });

  it('remembers a refused secret: repeating it runs no second check', async () => {
    s = await serve();
    const { token, id } = await s.key();
    const bad = badSecretFor(token);
    for (let i = 0; i < 5; i++) {
      const a = await ask(s.server.url, bad, '127.0.0.2');
      expect([a.status, a.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expect(s.checks.get(id)).toBe(1);
  });

  it('limits failures per key id with 429 and Retry-After and no check, while the address that signed in with the key still gets in', async () => {
    s = await serve({ limits: { failuresPerKeyId: 3, failuresPerAddress: 100 } });
    const { token, id } = await s.key();
    expect((await ask(s.server.url, token, '127.0.0.10')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await ask(s.server.url, badSecretFor(token), '127.0.0.11')).status).toBe(401);
    const checksBefore = s.checks.get(id);
    for (const from of ['127.0.0.11', '127.0.0.12']) {
      const limited = await ask(s.server.url, badSecretFor(token), from);
      expect([limited.status, limited.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
      expect(limited.message).toContain(id);
      // 3 per minute: one more attempt every 20 s.
      expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(limited.retryAfter)).toBeLessThanOrEqual(20);
    }
    expect(s.checks.get(id)).toBe(checksBefore);
    // As when the cached verification has expired: the key's own client is checked again and let in.
    s.access.forgetCredentials();
    const owner = await ask(s.server.url, token, '127.0.0.10');
    expect(owner.status).toBe(200);
  });

  it('limits failures per client address with 429 and Retry-After, for every key it tries; other addresses are unaffected', async () => {
    s = await serve({ limits: { failuresPerKeyId: 100, failuresPerAddress: 3 } });
    const { token } = await s.key();
    for (let i = 0; i < 3; i++) expect((await ask(s.server.url, unknownKey(), '127.0.0.20')).status).toBe(401);
    const checksBefore = [...s.checks.values()].reduce((a, b) => a + b, 0);
    const limited = await ask(s.server.url, unknownKey(), '127.0.0.20');
    expect([limited.status, limited.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    // 3 per minute: the next attempt within 20 s (less the little refilled while the three ran).
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(15);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(20);
    expect(limited.message).toContain('from this address');
    expect((await ask(s.server.url, token, '127.0.0.20')).status).toBe(429);
    expect([...s.checks.values()].reduce((a, b) => a + b, 0)).toBe(checksBefore);
    expect((await ask(s.server.url, token, '127.0.0.21')).status).toBe(200);
  });

  it('takes as long to refuse an unknown or revoked key id as a known one (no way to probe which ids exist)', async () => {
    s = await serve({ limits: { failuresPerKeyId: 0, failuresPerAddress: 0 } });
    const { token } = await s.key();
    const revoked = await s.key();
    await s.store.revokeApiKey(revoked.id, new Date().toISOString());
    const times = { known: [] as number[], unknown: [] as number[], revoked: [] as number[] };
    // Interleaved, so a busy moment of the machine falls on all three alike.
    for (let i = 0; i < 5; i++) {
      for (const [kind, secret] of [['known', badSecretFor(token)], ['unknown', unknownKey()], ['revoked', badSecretFor(revoked.token)]] as const) {
        const a = await ask(s.server.url, secret, '127.0.0.25');
        expect([a.status, a.message]).toEqual([401, 'invalid or revoked API key']);
        times[kind].push(a.ms);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // A known id costs a full scrypt (tens of ms); an id refused without one costs about 1 ms.
    expect(median(times.unknown)).toBeGreaterThan(median(times.known) * 0.4);
    expect(median(times.revoked)).toBeGreaterThan(median(times.known) * 0.4);
  });

  it("issue 12's attack: 20 connections hammering a known key id with bad secrets neither burn more than its budget nor hold up another key's first sign-in", async () => {
    s = await serve();
    const attacked = await s.key();
    const legitimate = await s.key('editor');
    const quiet = await ask(s.server.url, (await s.key()).token, '127.0.0.32');
    expect(quiet.status).toBe(200);
    let attacking = true;
    const seen = new Set<number>();
    const attacker = async () => {
      while (attacking) {
        seen.add((await ask(s!.server.url, badSecretFor(attacked.token), '127.0.0.30')).status);
        // The flood's client runs in this process: a short pause keeps it from starving the
        // server's event loop, which is not what this test is about.
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const connections = Array.from({ length: 20 }, attacker);
    await new Promise((r) => setTimeout(r, 300));
    const signIn = await ask(s.server.url, legitimate.token, '127.0.0.31');
    await new Promise((r) => setTimeout(r, 300));
    attacking = false;
    await Promise.all(connections);
    // Measured again once the flood is over: the machine's load changes under a test's feet.
    const quietAfter = await ask(s.server.url, (await s.key()).token, '127.0.0.33');
    expect(signIn.status).toBe(200);
    // Without limits it waited behind every scrypt the flood had queued.
    expect(signIn.ms).toBeLessThan(floodBound(Math.max(quiet.ms, quietAfter.ms)));
    expect([...seen].sort()).toEqual([401, 429]);
    // The default budget: 10 failures per minute per key id, whatever the number of connections.
    expect(s.checks.get(attacked.id)).toBeLessThanOrEqual(10);
  });

  it('bad secrets for random key ids from many addresses wait behind the first sign-in of a clean client', async () => {
    s = await serve({ limits: { failuresPerAddress: 3 }, verificationSlots: 1 });
    const legitimate = await s.key();
    const quiet = await ask(s.server.url, (await s.key()).token, '127.0.0.41');
    expect(quiet.status).toBe(200);
    const addresses = Array.from({ length: 6 }, (_, n) => `127.0.1.${n + 1}`);
    // A cheap failure first (a token that is no key at all): from then on each address is suspect.
    for (const from of addresses) expect((await ask(s.server.url, `not-a-key-${from}`, from)).status).toBe(401);
    const refusedAt: number[] = [];
    const flood = async (from: string) => {
      // Bounded, so a server that never says 429 fails the test instead of hanging it.
      for (let i = 0; i < 10; i++) {
        const a = await ask(s!.server.url, unknownKey(), from);
        if (a.status !== 401) return;
        refusedAt.push(performance.now());
      }
    };
    // Two connections per address: their 12 checks queue at one scrypt at a time.
    const connections = addresses.flatMap((from) => [flood(from), flood(from)]);
    await new Promise((r) => setTimeout(r, 50));
    const signIn = await ask(s.server.url, legitimate.token, '127.0.0.40');
    const signedInAt = performance.now();
    await Promise.all(connections);
    const quietAfter = await ask(s.server.url, (await s.key()).token, '127.0.0.42');
    expect(signIn.status).toBe(200);
    // Each address spent its budget (3 a minute, one already used) and was then answered 429.
    expect(refusedAt.length).toBeGreaterThanOrEqual(addresses.length * 2);
    expect(refusedAt.length).toBeLessThanOrEqual(addresses.length * 2 + 2);
    // Queued in arrival order it would come last; it goes before all but the checks already running.
    expect(refusedAt.filter((t) => t > signedInAt).length).toBeGreaterThanOrEqual(addresses.length * 2 - 3);
    expect(signIn.ms).toBeLessThan(floodBound(Math.max(quiet.ms, quietAfter.ms)));
  });

  it('turns checks away with 503 AUTHENTICATION_BUSY and Retry-After once too many wait for scrypt', async () => {
    s = await serve({ verificationSlots: 1, maxWaitingChecks: 2 });
    // Four different addresses and ids, so no budget is involved: one check runs, two wait, one is turned away.
    const answers = await Promise.all([1, 2, 3, 4].map((n) => ask(s!.server.url, unknownKey(), `127.0.2.${n}`)));
    const busy = answers.filter((a) => a.status === 503);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(3);
    expect(busy).toHaveLength(1);
    expect([busy[0].code, busy[0].retryAfter]).toEqual(['AUTHENTICATION_BUSY', '1']);
  });

  it('budgets an IPv6 client by its /64 and an IPv4-mapped one by its IPv4 address', () => {
    expect(clientOf('2001:db8:1:2:aaaa::1')).toBe(clientOf('2001:db8:1:2:bbbb:cccc:dddd:2'));
    expect(clientOf('2001:db8:1:2:aaaa::1')).not.toBe(clientOf('2001:db8:1:3::1'));
    expect(clientOf('2001:0db8:0001:0002::')).toBe('2001:db8:1:2::/64');
    expect(clientOf('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(clientOf('10.0.0.1')).toBe('10.0.0.1');
  });
});

describe('revoked keys', () => {
  let s: Served | undefined;
  afterEach(async () => {
    await s?.stop();
    s = undefined;
  });

  it('stop working within the configured bound although their check is cached', async () => {
    s = await serve({ limits: { keyRecheckMs: 300 } });
    const { token, id } = await s.key('editor');
    expect((await ask(s.server.url, token)).status).toBe(200);
    await s.store.revokeApiKey(id, new Date().toISOString());
    await new Promise((r) => setTimeout(r, 400));
    const after = await ask(s.server.url, token);
    expect([after.status, after.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('stop working at once when the record is read on every request (FIELDTRAIL_KEY_REVOCATION_SECONDS=0)', async () => {
    s = await serve({ limits: { keyRecheckMs: 0 } });
    const { token, id } = await s.key('editor');
    expect((await ask(s.server.url, token)).status).toBe(200);
    expect((await ask(s.server.url, token)).status).toBe(200);
    await s.store.revokeApiKey(id, new Date().toISOString());
    expect((await ask(s.server.url, token)).status).toBe(401);
  });
});

describe('SSO tokens', () => {
  const issuer = 'https://sso.example.test/';
  let jwks: Server;
  let privateKey: KeyLike;
  let s: Served;

  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ sub: 'alice@example.test', iss: issuer, aud: 'fieldtrail', groups: ['privacy-eng'], ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
    // A 1 s tolerance keeps the expiry test short; the default is 5 s.
    const oidc = new OidcVerifier({ issuer, jwksUrl, audience: 'fieldtrail', clockToleranceSeconds: 1, roleClaim: 'groups', roleMap: { 'privacy-eng': 'editor' } });
    s = await serve({}, oidc);
  });
  afterAll(async () => {
    await s.stop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('stop working when they expire, even when their check is cached', async () => {
    const exp = now() + 3;
    const token = await sign({ iat: now(), exp });
    expect((await ask(s.server.url, token)).status).toBe(200);
    // Past exp plus the 1 s tolerance.
    await new Promise((r) => setTimeout(r, exp * 1000 + 1000 - Date.now() + 200));
    const after = await ask(s.server.url, token);
    expect([after.status, after.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(after.message).toContain('"exp" has passed');
  });

  it("are refused while the issuer's keys cannot be fetched, without charging the client's failure budget", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks`;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await serve({ limits: { failuresPerAddress: 1 } }, new OidcVerifier({ issuer, jwksUrl: deadUrl, audience: 'fieldtrail', roleClaim: 'groups', roleMap: {} }));
    try {
      const token = await sign({ iat: now(), exp: now() + 600 });
      for (let i = 0; i < 3; i++) {
        const a = await ask(unreachable.server.url, token, '127.0.0.50');
        expect([a.status, a.code]).toEqual([401, 'UNAUTHENTICATED']);
        expect(a.message).toContain('could not be fetched');
      }
    } finally {
      await unreachable.stop();
    }
  });

  it('are refused without exp', async () => {
    const a = await ask(s.server.url, await sign({ iat: now() }));
    expect([a.status, a.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(a.message).toContain('"exp"');
  });

  it('are refused when issued in the future beyond the clock tolerance', async () => {
    const a = await ask(s.server.url, await sign({ iat: now() + 60, exp: now() + 600 }));
    expect([a.status, a.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(a.message).toContain('"iat"');
    expect((await ask(s.server.url, await sign({ iat: now(), exp: now() + 600 }))).status).toBe(200);
  });
});

describe('settings', () => {
  const sso = { FIELDTRAIL_OIDC_ISSUER: 'https://sso.example.test/', FIELDTRAIL_OIDC_JWKS_URL: 'https://sso.example.test/jwks' };

  it('an issuer without an audience stops start-up, naming FIELDTRAIL_OIDC_AUDIENCE', () => {
    expect(() => loadConfig(sso)).toThrow(ConfigError);
    expect(() => loadConfig(sso)).toThrow(/FIELDTRAIL_OIDC_AUDIENCE/);
    expect(loadConfig({ ...sso, FIELDTRAIL_OIDC_AUDIENCE: 'fieldtrail' }).oidc).toMatchObject({ audience: 'fieldtrail', clockToleranceSeconds: 5 });
  });

  it('reads the limits, and names a bad one', () => {
    expect(loadConfig({}).credentialLimits).toEqual({ failuresPerKeyId: 10, failuresPerAddress: 30, keyRecheckMs: 5000 });
    expect(loadConfig({ FIELDTRAIL_AUTH_FAILURES_PER_KEY: '5', FIELDTRAIL_AUTH_FAILURES_PER_ADDRESS: '0', FIELDTRAIL_KEY_REVOCATION_SECONDS: '0' }).credentialLimits).toEqual({
      failuresPerKeyId: 5,
      failuresPerAddress: 0,
      keyRecheckMs: 0,
    });
    for (const name of ['FIELDTRAIL_AUTH_FAILURES_PER_KEY', 'FIELDTRAIL_AUTH_FAILURES_PER_ADDRESS', 'FIELDTRAIL_KEY_REVOCATION_SECONDS', 'FIELDTRAIL_OIDC_CLOCK_TOLERANCE_SECONDS']) {
      expect(() => loadConfig({ ...sso, FIELDTRAIL_OIDC_AUDIENCE: 'fieldtrail', [name]: '-1' })).toThrow(new RegExp(`^${name} must be a whole number`));
    }
  });
});
