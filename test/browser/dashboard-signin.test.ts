/**
 * The dashboard under the access rules, in a real browser: a server that lets nobody in without
 * credentials (anonymous loopback reads off, as with FIELDTRAIL_ANONYMOUS_LOOPBACK=false), a real
 * API key in its store and an SSO issuer whose tokens it verifies. The dashboard meets the 401,
 * asks for a key, keeps it for the tab, sends it as Bearer on every request, shows who is signed
 * in and signs out; an SSO portal's `#token=…` redirect signs in without a 401 and leaves no
 * token in the address bar. The expected 401s before signing in are counted, not failures; any
 * other console error, failed request or HTTP error fails the test. Screenshots: test-artifacts/.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Page, Request } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server';
import { AccessControl } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import { OidcVerifier } from '../../src/services/access/oidc';
import { seedIfEmpty } from '../../src/services/seeds';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { ensureDashboardBuilt, openBrowser, type BrowserSession } from './browser';

jest.setTimeout(180_000);

const ISSUER = 'https://sso.example.test';
let store: SqliteStore;
let server: RunningServer;
let browser: BrowserSession;
let page: Page;
let base: string;
/** A real viewer API key: `ft_<id>_<secret>`. */
let apiKey: string;
let apiKeyId: string;
/** The key's secret part (after `ft_<id>_`). */
let apiSecret: string;
let ssoToken: (claims: Record<string, unknown>) => Promise<string>;
/** The Authorization header of every /graphql request the page sent. */
let sent: Array<string | undefined> = [];

beforeAll(async () => {
  ensureDashboardBuilt();
  store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  await seedIfEmpty(store);
  const { secret, record } = await newApiKey('dashboard browser test', 'viewer');
  await store.saveApiKey(record);
  apiKey = secret;
  apiKeyId = record.id;
  apiSecret = secret.slice(`ft_${record.id}_`.length);
  // The company's SSO: tokens signed with its key, verified against its JWKS (held locally here).
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'sso-1', alg: 'RS256' };
  ssoToken = (claims) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'sso-1' }).setIssuer(ISSUER).setAudience('fieldtrail').setIssuedAt().setExpirationTime('1h').sign(privateKey);
  const oidc = new OidcVerifier(
    { issuer: ISSUER, jwksUrl: `${ISSUER}/jwks`, audience: 'fieldtrail', roleClaim: 'groups', roleMap: { 'privacy-dpo': 'viewer' } },
    createLocalJWKSet({ keys: [jwk] }),
  );
  server = await startServer(store, { port: 0, host: '127.0.0.1', access: new AccessControl(store, oidc, false), logError: () => undefined });
  base = server.url.replace(/\/graphql$/, '');
  browser = await openBrowser();
  page = browser.page;
  page.on('request', (req: Request) => {
    if (new URL(req.url()).pathname === '/graphql') sent.push(req.headers().authorization);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await store?.close();
});

beforeEach(() => {
  browser.reset();
  browser.expectUnauthenticated = false;
  sent = [];
});

afterEach(() => {
  expect(browser.problems).toEqual([]);
  // Whatever happened, the page never logged a credential.
  expect(browser.console.filter((m) => m.includes(apiKey) || m.includes(apiSecret))).toEqual([]);
});

const storedToken = () => page.evaluate<string | null>(`sessionStorage.getItem('fieldtrail.token')`);

it('the server refuses anonymous requests here, even from loopback', async () => {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(res.status).toBe(401);
  expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

it('asks for an API key on 401, refuses a wrong one, keeps the right one for the tab and sends it as Bearer; signs out', async () => {
  browser.expectUnauthenticated = true;
  await page.goto(`${base}/`);
  const panel = page.getByTestId('sign-in-panel');
  await panel.waitFor();
  expect(browser.unauthenticated.length).toBeGreaterThan(0);
  expect(sent.every((h) => h === undefined)).toBe(true);
  expect(await page.getByTestId('overview').count()).toBe(0);
  await browser.shot('dashboard-sign-in');

  // A key that is not one: refused with the server's reason, nothing kept.
  await page.getByTestId('sign-in-token').fill(`ft_000000000000_${'A'.repeat(43)}`);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('sign-in-error').waitFor();
  expect(await page.getByTestId('sign-in-error').textContent()).toContain('invalid or revoked API key');
  expect(await storedToken()).toBeNull();

  // The real key, pasted as a whole header value: the inventory appears.
  const refusedSoFar = browser.unauthenticated.length;
  browser.expectUnauthenticated = false;
  sent = [];
  await page.getByTestId('sign-in-token').fill(`Bearer ${apiKey}`);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('overview').waitFor();
  await page.getByTestId('kpi-fields').waitFor();
  await page.getByTestId('findings-by-severity').waitFor();
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: '{ personalFields(first: 0) { totalCount } }' }),
  });
  const { data } = (await res.json()) as { data: { personalFields: { totalCount: number } } };
  expect(await page.getByTestId('kpi-fields').textContent()).toBe(String(data.personalFields.totalCount));
  expect(await page.getByTestId('signed-in-as').textContent()).toContain(apiKeyId);
  expect(await page.getByTestId('signed-in-as').textContent()).not.toContain(apiSecret);
  expect(await storedToken()).toBe(apiKey);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.every((h) => h === `Bearer ${apiKey}`)).toBe(true);
  expect(browser.unauthenticated.length).toBe(refusedSoFar);
  await browser.shot('dashboard-signed-in');

  // Kept for the tab: a reload and another page need no new sign-in (any 401 now fails the test).
  await page.reload();
  await page.getByTestId('kpi-fields').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: '个人信息字段', exact: true }).click();
  await page.getByTestId('fields-table').locator('tbody tr').first().waitFor();
  expect(sent.every((h) => h === `Bearer ${apiKey}`)).toBe(true);

  // Signing out forgets the key: the next request is anonymous, refused, and the panel is back.
  browser.expectUnauthenticated = true;
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-panel').waitFor();
  expect(await storedToken()).toBeNull();
  expect(await page.getByTestId('signed-in-as').count()).toBe(0);
});

it('takes an SSO token from the #token= fragment, strips it from the address bar, and shows who is signed in', async () => {
  const token = await ssoToken({ sub: 'u-1001', name: '王敏', groups: ['privacy-dpo'] });
  expect(await storedToken()).toBeNull();
  // From the SSO portal's redirect: no 401 at all, the token is there before the first request.
  await page.goto(`${base}/fields?sensitive=true#token=${token}`);
  await page.getByTestId('fields-table').locator('tbody tr').first().waitFor();
  expect(page.url()).toBe(`${base}/fields?sensitive=true`);
  expect(await page.evaluate<string>('location.href')).not.toContain(token);
  expect(await storedToken()).toBe(token);
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('王敏');
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.every((h) => h === `Bearer ${token}`)).toBe(true);
  expect(browser.console.filter((m) => m.includes(token))).toEqual([]);
  await browser.shot('dashboard-sso-fragment');

  // Going back does not bring the token back into the address bar.
  await page.goto(`${base}/parties#token=${token}&party-umeng`);
  await page.getByTestId('party-umeng').waitFor();
  expect(page.url()).toBe(`${base}/parties#party-umeng`);
  await page.goBack();
  expect(page.url()).not.toContain(token);

  // A token the issuer did not sign is refused: the panel says so, and nothing is kept.
  browser.expectUnauthenticated = true;
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-panel').waitFor();
  const forged = (await ssoToken({ sub: 'u-1001', name: '王敏', groups: ['privacy-dpo'] })).replace(/\.[^.]+$/, '.AAAA');
  await page.goto(`${base}/#token=${forged}`);
  await page.getByTestId('sign-in-error').waitFor();
  expect(await page.getByTestId('sign-in-error').textContent()).toContain('invalid or expired token');
  expect(page.url()).toBe(`${base}/`);
  expect(await storedToken()).toBeNull();
});
