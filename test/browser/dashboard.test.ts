/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core, against a real
 * FieldTrail server (real HTTP, real embedded store seeded with the 进圈 inventory) serving the
 * built dashboard at `/`. Every test fails on any console error or warning, uncaught page
 * error, failed request or HTTP error. Screenshots go to test-artifacts/.
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it) or FIELDTRAIL_CHROMIUM.
 * Builds the dashboard first when dashboard/dist is missing or older than its sources (browser.ts).
 */
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { askApi, closeSeededDashboard, openSeededDashboard, resetBetweenTests, waitForExpression, type BrowserSession, type SeededDashboard } from './browser';

jest.setTimeout(180_000);

let app: TestApp;
let browser: BrowserSession;
let page: Page;
let base: string;

const api = <T>(query: string, variables: Record<string, unknown> = {}) => askApi<T>(app, query, variables);

async function shot(name: string): Promise<void> {
  await browser.shot(name);
}

/** The diagram's Cytoscape instance, as the page rendered it. */
const CY = `document.querySelector('[data-testid="lineage-canvas"]')._cyreg.cy`;

async function diagramNodes(): Promise<Array<{ id: string; label: string; visible: boolean }>> {
  await waitForExpression(page, `(() => { const c = document.querySelector('[data-testid="lineage-canvas"]'); return c && c._cyreg && c._cyreg.cy && c._cyreg.cy.nodes().length > 0; })()`);
  return page.evaluate(`(() => {
    const cy = ${CY};
    const w = cy.width(), h = cy.height();
    return cy.nodes().map((n) => {
      const bb = n.renderedBoundingBox();
      return { id: n.id(), label: n.data('label').replace(/\\u200b/g, ''), visible: bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= w && bb.y2 <= h };
    });
  })()`);
}

/** Clicks an arrow on the canvas itself, a quarter of the way along it (clear of its label). */
async function clickEdge(edgeId: string): Promise<void> {
  const point = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const cy = ${CY};
    const e = cy.getElementById(${JSON.stringify(edgeId)});
    if (e.empty()) return null;
    const s = e.renderedSourceEndpoint(), t = e.renderedTargetEndpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + s.x + (t.x - s.x) * 0.25, y: box.top + s.y + (t.y - s.y) * 0.25 };
  })()`);
  if (!point) throw new Error(`no arrow ${edgeId} in the diagram`);
  await page.mouse.click(point.x, point.y);
}

let dashboard: SeededDashboard;
beforeAll(async () => {
  dashboard = await openSeededDashboard();
  ({ app, browser, page, base } = dashboard);
});
afterAll(() => closeSeededDashboard(dashboard ?? {}));
// Each test starts clean, in the browser's language (zh-CN), whatever the previous one switched to.
beforeEach(() => resetBetweenTests(dashboard));

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

it('serves the dashboard at / and keeps GraphQL at /graphql', async () => {
  const html = await (await fetch(`${base}/`)).text();
  expect(html).toContain('<div id="root">');
  const deep = await fetch(`${base}/fields/imei`);
  expect(deep.status).toBe(200);
  expect(deep.headers.get('content-type')).toContain('text/html');
  // Only the dashboard's own routes fall back to index.html; anything else is a real 404.
  for (const path of ['/nope', '/fields/imei/extra', '/assets/missing.js']) expect((await fetch(`${base}${path}`)).status).toBe(404);
  expect((await api<{ personalField: { key: string } }>('{ personalField(key: "imei") { key } }')).personalField.key).toBe('imei');
});

it('overview: the counts are what the API says', async () => {
  const expected = await api<{
    f: { totalCount: number };
    s: { totalCount: number };
    fl: { totalCount: number };
    x: { totalCount: number };
    parties: unknown[];
  }>('{ f: personalFields(first: 0) { totalCount } s: personalFields(first: 0, filter: { sensitive: true }) { totalCount } fl: dataFlows(first: 0) { totalCount } x: dataFlows(first: 0, filter: { crossBorder: true }) { totalCount } parties { key } }');
  await page.goto(`${base}/`);
  await page.getByTestId('overview').waitFor();
  expect(await page.getByTestId('kpi-fields').textContent()).toBe(String(expected.f.totalCount));
  expect(await page.getByTestId('kpi-sensitive').textContent()).toBe(String(expected.s.totalCount));
  expect(await page.getByTestId('kpi-flows').textContent()).toBe(String(expected.fl.totalCount));
  expect(await page.getByTestId('kpi-cross-border').textContent()).toBe(String(expected.x.totalCount));
  expect(await page.getByTestId('kpi-parties').textContent()).toBe(String(expected.parties.length));
  // Bars per kind come from the API's counts: they add up to every party and every flow.
  const bars = async (testId: string) => (await page.getByTestId(testId).locator('.bar-value').allTextContents()).map(Number);
  expect((await bars('by-party-kind')).reduce((a, b) => a + b, 0)).toBe(expected.parties.length);
  expect((await bars('by-flow-kind')).reduce((a, b) => a + b, 0)).toBe(expected.fl.totalCount);
  // Sensitive classes add up to the sensitive fields; the most shared list links to fields.
  await page.getByTestId('by-class').waitFor();
  const classCounts = await page.getByTestId('by-class').locator('.bar-value').allTextContents();
  expect(classCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(expected.s.totalCount);
  expect(await page.getByTestId('most-shared').locator('tbody tr').count()).toBeGreaterThan(0);
  await shot('dashboard-overview');
});

it('search "IMEI", open the field, see 友盟+ and 北京流体 in the diagram, open a flow with its clause text, switch language', async () => {
  await page.goto(`${base}/`);
  await nav('个人信息字段').click();
  await page.getByTestId('field-search').fill('IMEI');
  await page.waitForURL(/q=IMEI/);
  const row = page.getByTestId('field-row-imei');
  await row.waitFor();
  await waitForExpression(page, `document.querySelectorAll('[data-testid="fields-table"] tbody tr').length === 1`);
  await shot('dashboard-fields-search');
  await row.click();
  await page.waitForURL(/\/fields\/imei$/);
  expect(await page.getByTestId('field-title').textContent()).toBe('IMEI');

  const nodes = await diagramNodes();
  const umeng = nodes.find((n) => n.id === 'umeng');
  const liuti = nodes.find((n) => n.id === 'liuti');
  expect(umeng?.label.split('\n')[0]).toBe('友盟+');
  expect(liuti?.label.split('\n')[0]).toBe('北京流体网络科技有限公司');
  expect(umeng?.visible && liuti?.visible).toBe(true);
  // Third parties are marked as such in the diagram.
  expect(umeng?.label.split('\n')[1]).toBe('第三方');
  await shot('dashboard-field-imei-zh');

  await clickEdge('app-umeng');
  await page.waitForURL(/flow=app-umeng/);
  const panel = page.getByTestId('flow-panel');
  await panel.getByTestId('clause').first().waitFor();
  const { dataFlow } = await api<{ dataFlow: { sources: Array<{ ref: string; text: string }> } }>('{ dataFlow(key: "app-umeng") { sources { ref text } } }');
  const shown = await panel.locator('.clause-text').allTextContents();
  // The policy's own words, verbatim, every clause the flow cites.
  expect(shown).toEqual(dataFlow.sources.map((s) => s.text));
  expect(shown.join('\n')).toContain('友盟+SDK');
  expect(await panel.textContent()).toContain('com.umeng');
  expect(await panel.textContent()).toContain('PIPL Art. 13(1)(1)');
  await shot('dashboard-flow-panel-zh');

  await page.getByTestId('lang-switch').click();
  await nav('Fields').waitFor();
  expect(await page.evaluate('document.documentElement.lang')).toBe('en');
  const english = await diagramNodes();
  expect(english.find((n) => n.id === 'umeng')?.label.split('\n')).toEqual(['Umeng+ (analytics SDK)', 'Third party']);
  expect(english.find((n) => n.id === 'liuti')?.label.split('\n')[0]).toBe('Beijing Liuti Network Technology Co., Ltd.');
  // Labels switch; the policy's wording does not.
  expect(await panel.locator('.clause-text').allTextContents()).toEqual(dataFlow.sources.map((s) => s.text));
  expect(await panel.locator('.facts').textContent()).toContain('Consent');
  await shot('dashboard-field-imei-en');

  // The choice is remembered across pages and reloads.
  await page.reload();
  await nav('Fields').waitFor();
});

it('fields: paginates through the connection and filters like the API', async () => {
  const { all, sensitive } = await api<{ all: { totalCount: number }; sensitive: { totalCount: number } }>(
    '{ all: personalFields(first: 0) { totalCount } sensitive: personalFields(first: 0, filter: { sensitive: true, recipientKey: "umeng" }) { totalCount } }',
  );
  await page.goto(`${base}/fields`);
  const range = page.getByTestId('fields-range');
  await range.waitFor();
  expect(await range.textContent()).toBe(`第 1–25 项,共 ${all.totalCount} 项`);
  const first = await page.locator('[data-testid="fields-table"] tbody tr').first().getAttribute('data-testid');
  await page.getByTestId('page-next').click();
  await page.waitForURL(/cursors=/);
  await waitForExpression(page, `document.querySelector('[data-testid="fields-range"]').textContent.startsWith('第 26–')`);
  expect(await page.locator('[data-testid="fields-table"] tbody tr').first().getAttribute('data-testid')).not.toBe(first);
  await page.getByTestId('page-prev').click();
  await waitForExpression(page, `document.querySelector('[data-testid="fields-range"]').textContent.startsWith('第 1–25')`);

  await page.getByTestId('filter-sensitive').selectOption('true');
  await page.getByTestId('filter-recipient').selectOption('umeng');
  await waitForExpression(page, `document.querySelector('[data-testid="fields-range"]').textContent.endsWith('共 ${sensitive.totalCount} 项')`);
  expect(await page.locator('[data-testid="fields-table"] tbody tr').count()).toBe(sensitive.totalCount);
  expect(await page.locator('[data-testid="fields-table"] tbody tr .badge-sensitive').count()).toBe(sensitive.totalCount);
});

it('field page: direction, depth and truncation, collapsed fan-outs that expand', async () => {
  await page.goto(`${base}/fields/phone-number?depth=1`);
  await page.getByTestId('truncated-banner').waitFor();
  expect(await page.getByTestId('depth-value').textContent()).toBe('1');
  await page.getByTestId('direction-UPSTREAM').click();
  await page.waitForURL(/direction=UPSTREAM/);
  await page.getByTestId('depth').fill('8');
  await page.waitForURL(/depth=8/);
  await waitForExpression(page, `!document.querySelector('[data-testid="truncated-banner"]')`);
  const upstream = await diagramNodes();
  // Upstream from where the number ends up, back to where it came from: the user and the carriers.
  expect(upstream.map((n) => n.id)).toEqual(expect.arrayContaining(['user', 'carriers', 'jinquan-servers']));

  await page.goto(`${base}/fields/real-name?collapse=4`);
  await page.getByTestId('collapsed-banner').waitFor();
  const collapsed = await diagramNodes();
  const group = collapsed.find((n) => n.id.startsWith('group:'));
  expect(group).toBeDefined();
  await shot('dashboard-field-collapsed');
  const point = await page.evaluate<{ x: number; y: number }>(`(() => {
    const cy = ${CY};
    const p = cy.getElementById(${JSON.stringify(group!.id)}).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`);
  await page.mouse.click(point.x, point.y);
  await waitForExpression(page, `${CY}.getElementById(${JSON.stringify(group!.id)}).empty()`);
  const expanded = await diagramNodes();
  expect(expanded.length).toBeGreaterThan(collapsed.length);
});

it('export: the Mermaid text is the API\'s PersonalField.lineageGraph', async () => {
  await page.goto(`${base}/fields/imei`);
  await diagramNodes();
  await page.getByTestId('export-mermaid').click();
  const text = page.getByTestId('export-text');
  await text.waitFor();
  const { personalField } = await api<{ personalField: { lineageGraph: string } }>('{ personalField(key: "imei") { lineageGraph(format: MERMAID, language: ZH) } }');
  expect(await text.inputValue()).toBe(personalField.lineageGraph);
  expect(personalField.lineageGraph).toContain('flowchart LR');
  await page.keyboard.press('Escape');
  await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
});
// The parties page (paged, filtered by the server, deep links) is tested in dashboard-parties.test.ts.
