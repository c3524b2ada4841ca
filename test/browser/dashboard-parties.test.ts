/**
 * The parties page in a real browser, against a real server whose store holds the 进圈 inventory
 * plus 120 more parties (so the directory spans three pages of 50): by default it lists recipients
 * only (`kinds`: every kind but the data subject and the handler's own systems), search (key, names,
 * SDK package names) and kind are filtered by the server, pages come from the connection's cursors,
 * and a #party-KEY link opens that party's card even when it is not on the page shown. Every expectation is compared with what the API
 * answers, and what the page sent is read from its own requests.
 */
import type { Page, Request } from 'playwright-core';
import { InventoryService } from '../../src/services/inventory-service';
import { startTestApp, type TestApp } from '../support/app';
import { askApi, closeSeededDashboard, ensureDashboardBuilt, openBrowser, resetBetweenTests, type BrowserSession, type SeededDashboard } from './browser';

jest.setTimeout(180_000);

const EXTRA = 120;
/** partner-000 … partner-119: keys that sort between the seed's, alternating two kinds. */
const extraParties = Array.from({ length: EXTRA }, (_, n) => {
  const id = String(n).padStart(3, '0');
  return { key: `partner-${id}`, name: `Partner ${id} GmbH`, nameZh: `合作伙伴${id}`, kind: n % 3 === 0 ? 'ENTRUSTED_PARTY' : 'THIRD_PARTY', country: 'DE' };
});

/** The default view's filter: every kind but DATA_SUBJECT and FIRST_PARTY, in the schema's order. */
const RECIPIENTS = ['AFFILIATE', 'ENTRUSTED_PARTY', 'THIRD_PARTY', 'AUTHORITY', 'PUBLIC'];

let dashboard: SeededDashboard;
let app: TestApp;
let browser: BrowserSession;
let page: Page;
let base: string;

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp({ seed: 'jinquan' });
  await new InventoryService(app.store).importManifest({ parties: extraParties }, 'MERGE');
  browser = await openBrowser();
  page = browser.page;
  base = app.server.url.replace(/\/graphql$/, '');
  dashboard = { app, browser, page, base };
});
afterAll(() => closeSeededDashboard(dashboard ?? { app }));
beforeEach(() => resetBetweenTests(dashboard));
afterEach(() => {
  expect(browser.problems).toEqual([]);
});

interface Conn {
  totalCount: number;
  countsByKind: Array<{ kind: string; count: number }>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Array<{ key: string }>;
}
/** The API's own answer for a filter and page, to compare the page with. */
async function apiPage(filter: Record<string, unknown>, after: string | null = null): Promise<Conn> {
  const q = `query ($filter: PartyFilter, $after: String) { partiesConnection(filter: $filter, first: 50, after: $after) { totalCount countsByKind { kind count } pageInfo { endCursor hasNextPage } nodes { key } } }`;
  return (await askApi<{ partiesConnection: Conn }>(app, q, { filter, after })).partiesConnection;
}

/** The keys of the cards in the list (not the linked card above it), in order. */
async function listedKeys(): Promise<string[]> {
  const ids = await page.getByTestId('party-list').locator('article.party-card').evaluateAll((cards) => cards.map((c) => c.id));
  return ids.map((id) => id.replace(/^party-/, ''));
}

/** The next request the page sends for the parties directory, with its variables. */
function nextDirectoryRequest(): Promise<Request> {
  return page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('query PartiesDirectory'));
}
const variablesOf = (r: Request) => (JSON.parse(r.postData() ?? '{}') as { variables: { filter: { search: string | null; kind?: string; kinds?: string[] }; first: number; after: string | null } }).variables;

/** Waits for the answer to land (the list not busy) and the range line to read what the API counts ('第 1–50 项,共 139 项'). */
async function waitForRange(from: number, to: number, total: number): Promise<void> {
  await page.locator('[data-testid="parties-results"][aria-busy="false"]').waitFor();
  await page.getByTestId('parties-range').filter({ hasText: `第 ${from}–${to} 项,共 ${total} 项` }).waitFor();
}

it('asks the server for one page of 50 and shows "N of M" from its totalCount; Next and Previous page by cursor, from the keyboard', async () => {
  const first = await apiPage({ kinds: RECIPIENTS });
  expect(first.totalCount).toBeGreaterThan(100);
  const request = nextDirectoryRequest();
  await page.goto(`${base}/parties`);
  // The page asks for a page, never for every party with every party's flows.
  const sent = await request;
  expect(sent.postData()).toContain('partiesConnection');
  expect(sent.postData()).not.toMatch(/\bparties\s*[({]/);
  expect(variablesOf(sent)).toMatchObject({ first: 50, after: null, filter: { search: null, kinds: RECIPIENTS } });
  await waitForRange(1, 50, first.totalCount);
  expect(await listedKeys()).toEqual(first.nodes.map((n) => n.key));

  const second = await apiPage({ kinds: RECIPIENTS }, first.pageInfo.endCursor);
  const next = page.getByTestId('page-next');
  await next.focus();
  const nextRequest = nextDirectoryRequest();
  await page.keyboard.press('Enter');
  expect(variablesOf(await nextRequest).after).toBe(first.pageInfo.endCursor);
  await waitForRange(51, 100, first.totalCount);
  const shown = await listedKeys();
  expect(shown).toEqual(second.nodes.map((n) => n.key));
  expect(shown.filter((k) => first.nodes.some((n) => n.key === k))).toEqual([]);
  // The page is in the URL, so it survives a reload.
  expect(new URL(page.url()).searchParams.get('cursors')).toBe(first.pageInfo.endCursor);
  await page.reload();
  await waitForRange(51, 100, first.totalCount);
  expect(await listedKeys()).toEqual(shown);

  await page.getByTestId('page-prev').focus();
  await page.keyboard.press('Enter');
  await waitForRange(1, 50, first.totalCount);
  expect(await listedKeys()).toEqual(first.nodes.map((n) => n.key));
  expect(await page.getByTestId('page-prev').isDisabled()).toBe(true);
});

it('search goes to the server (case-folded), back to page 1, and the count shown is its totalCount', async () => {
  await page.goto(`${base}/parties`);
  await waitForRange(1, 50, (await apiPage({ kinds: RECIPIENTS })).totalCount);
  const request = nextDirectoryRequest();
  await page.getByTestId('party-search').fill('PARTNER 01');
  expect(variablesOf(await request).filter).toEqual({ search: 'PARTNER 01', kinds: RECIPIENTS });
  const found = await apiPage({ search: 'PARTNER 01', kinds: RECIPIENTS });
  expect(found.totalCount).toBe(10);
  await waitForRange(1, 10, found.totalCount);
  expect(await listedKeys()).toEqual(found.nodes.map((n) => n.key));
  expect(new URL(page.url()).searchParams.get('q')).toBe('PARTNER 01');
  // The recipients and everyone chips count what the search matches, from the server's countsByKind.
  expect(await page.getByTestId('kind-recipients').textContent()).toContain(String(found.totalCount));
  expect(await page.getByTestId('kind-all').textContent()).toContain(String((await apiPage({ search: 'PARTNER 01' })).totalCount));

  // An SDK package name, as an engineer would search it: the party whose SDK it is.
  await page.getByTestId('party-search').fill('COM.UMENG');
  await waitForRange(1, 1, 1);
  expect(await listedKeys()).toEqual(['umeng']);
  expect(await page.getByTestId('party-list').getByTestId('party-umeng').locator('.chip-code').allTextContents()).toContain('com.umeng');

  // A Chinese name, found by the server too.
  await page.getByTestId('party-search').fill('友盟');
  await waitForRange(1, 1, (await apiPage({ search: '友盟' })).totalCount);
  expect(await listedKeys()).toEqual(['umeng']);
});

it('recipients by default: the data subject and the handler\'s own systems only under "Everyone"', async () => {
  const recipients = await apiPage({ search: 'jinquan', kinds: RECIPIENTS });
  const everyone = await apiPage({ search: 'jinquan' });
  expect(everyone.nodes.map((n) => n.key)).toEqual(expect.arrayContaining(['jinquan-app', 'jinquan-servers']));
  await page.goto(`${base}/parties?q=jinquan`);
  await waitForRange(recipients.totalCount ? 1 : 0, recipients.totalCount, recipients.totalCount);
  expect(await listedKeys()).toEqual(recipients.nodes.map((n) => n.key));
  expect(await page.getByTestId('kind-recipients').getAttribute('aria-pressed')).toBe('true');
  expect(await page.getByTestId('party-list').locator('article.party-FIRST_PARTY, article.party-DATA_SUBJECT').count()).toBe(0);

  const request = nextDirectoryRequest();
  await page.getByTestId('kind-all').click();
  expect(variablesOf(await request).filter).toEqual({ search: 'jinquan' });
  await waitForRange(1, everyone.totalCount, everyone.totalCount);
  expect(await listedKeys()).toEqual(everyone.nodes.map((n) => n.key));
  expect(await page.getByTestId('kind-all').getAttribute('aria-pressed')).toBe('true');
  expect(new URL(page.url()).searchParams.get('all')).toBe('1');

  // And back: the recipients chip drops `all`.
  await page.getByTestId('kind-recipients').click();
  await waitForRange(recipients.totalCount ? 1 : 0, recipients.totalCount, recipients.totalCount);
  expect(new URL(page.url()).searchParams.get('all')).toBeNull();
});

it('the kind filter goes to the server; each chip shows its countsByKind', async () => {
  const all = await apiPage({});
  const recipients = await apiPage({ kinds: RECIPIENTS });
  const entrusted = await apiPage({ kind: 'ENTRUSTED_PARTY' });
  await page.goto(`${base}/parties`);
  await waitForRange(1, 50, recipients.totalCount);
  expect(await page.getByTestId('kind-recipients').textContent()).toContain(String(recipients.totalCount));
  expect(await page.getByTestId('kind-all').textContent()).toContain(String(all.totalCount));
  for (const c of all.countsByKind.filter((k) => k.count > 0)) {
    expect(await page.getByTestId(`kind-${c.kind}`).textContent()).toContain(String(c.count));
  }
  const chip = page.getByTestId('kind-ENTRUSTED_PARTY');
  const request = nextDirectoryRequest();
  await chip.click();
  expect(variablesOf(await request).filter).toEqual({ search: null, kind: 'ENTRUSTED_PARTY' });
  expect(await page.getByTestId('kind-recipients').getAttribute('aria-pressed')).toBe('false');
  await waitForRange(1, Math.min(50, entrusted.totalCount), entrusted.totalCount);
  expect(await chip.getAttribute('aria-pressed')).toBe('true');
  expect(await listedKeys()).toEqual(entrusted.nodes.map((n) => n.key));
  expect(await page.getByTestId('party-list').locator('article.party-card:not(.party-ENTRUSTED_PARTY)').count()).toBe(0);
  expect(new URL(page.url()).searchParams.get('kind')).toBe('ENTRUSTED_PARTY');
});

it('a #party-KEY link opens that party\'s card, fetched by key, though it is not on the page shown', async () => {
  const { party } = await askApi<{ party: { inbound: Array<{ key: string; carriedFields: Array<{ key: string }> }> } }>(app, '{ party(key: "umeng") { inbound { key carriedFields { key } } } }');
  const first = await apiPage({ kinds: RECIPIENTS });
  expect(first.nodes.map((n) => n.key)).not.toContain('umeng');
  await page.goto(`${base}/parties#party-umeng`);
  const card = page.getByTestId('linked-party').getByTestId('party-umeng');
  await card.waitFor();
  await waitForRange(1, 50, first.totalCount);
  expect(await listedKeys()).toEqual(first.nodes.map((n) => n.key));
  // What it receives, why, under which consent, and its SDK packages.
  expect(await card.locator('.chip-code').allTextContents()).toEqual(['aaid.umeng.com', 'com.umeng']);
  for (const flow of party.inbound) {
    const row = card.getByTestId(`inbound-${flow.key}`);
    expect(await row.locator('.chip-field').count()).toBe(flow.carriedFields.length);
    expect(await row.textContent()).toContain('同意');
    expect(await row.textContent()).toContain('统计分析服务');
  }
  await browser.shot('dashboard-parties');
  await card.getByTestId('inbound-app-umeng').click();
  await page.getByTestId('flow-panel').getByTestId('clause').first().waitFor();
  expect(page.url()).toBe(`${base}/parties?flow=app-umeng#party-umeng`);

  // Closing the linked card drops the fragment and keeps the rest.
  await page.getByTestId('linked-close').click();
  await page.getByTestId('linked-party').waitFor({ state: 'detached' });
  expect(page.url()).toBe(`${base}/parties?flow=app-umeng`);

  // A party that does not exist says so.
  await page.goto(`${base}/parties#party-nobody`);
  await page.getByTestId('linked-party').filter({ hasText: 'nobody' }).waitFor();
});
