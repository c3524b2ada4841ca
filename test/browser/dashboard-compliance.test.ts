/**
 * Findings and reports in a real browser (Debian's Chromium through playwright-core) against a
 * real FieldTrail server with the 进圈 inventory: the overview's open findings by severity, the
 * Findings page filtered to HIGH and to a rule with the clauses quoted verbatim, and report files
 * generated through the GraphQL API and saved by the browser. Fails on any console error,
 * failed request or HTTP error; screenshots go to test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { askApi, closeSeededDashboard, openSeededDashboard, resetBetweenTests, waitForExpression, type BrowserSession, type SeededDashboard } from './browser';

jest.setTimeout(180_000);

let app: TestApp;
let browser: BrowserSession;
let page: Page;
let base: string;

const api = <T>(query: string, variables: Record<string, unknown> = {}) => askApi<T>(app, query, variables);

let dashboard: SeededDashboard;
beforeAll(async () => {
  dashboard = await openSeededDashboard();
  ({ app, browser, page, base } = dashboard);
});
afterAll(() => closeSeededDashboard(dashboard ?? {}));
// Each test starts clean, in the browser's language (zh-CN), whatever the previous one switched to.
beforeEach(() => resetBetweenTests(dashboard));

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** Clicks a download button and returns the file the browser saved. */
async function download(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  if (!path) throw new Error(`the download from ${testId} failed: ${await file.failure()}`);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

it('serves /findings and /reports as dashboard routes', async () => {
  for (const path of ['/findings', '/reports', '/findings/', '/reports/']) {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  }
  expect((await fetch(`${base}/findings/x`)).status).toBe(404);
});

it('overview: open findings by severity, as the API counts them, linking to the findings', async () => {
  const { findings } = await api<{ findings: { bySeverity: Array<{ severity: string; count: number }> } }>('{ findings { bySeverity { severity count } } }');
  await page.goto(`${base}/`);
  const panel = page.getByTestId('findings-by-severity');
  await panel.waitFor();
  const labels = await panel.locator('.bar-label').allTextContents();
  const values = (await panel.locator('.bar-value').allTextContents()).map(Number);
  const bySeverity = Object.fromEntries(findings.bySeverity.map((c) => [c.severity, c.count]));
  expect(labels).toEqual(['高', '中', '低', '提示']);
  expect(values).toEqual([bySeverity.HIGH, bySeverity.MEDIUM, bySeverity.LOW, bySeverity.INFO]);
  expect(bySeverity.HIGH).toBeGreaterThan(0);
  await panel.locator('a.bar-row').first().click();
  await page.waitForURL(/\/findings\?severity=HIGH$/);
  await page.getByTestId('findings-list').waitFor();
});

it('findings: filter to HIGH and to a rule, read a real finding with the clauses it cites, verbatim', async () => {
  const { high, umeng } = await api<{
    high: { nodes: Array<{ id: string; severity: string }> };
    umeng: {
      nodes: Array<{ id: string; message: string; subject: { name: string }; articles: Array<{ citation: string }>; clauses: Array<{ ref: string; text: string }> }>;
    };
  }>(
    `{ high: findings(filter: { minSeverity: HIGH }) { nodes { id severity } }
       umeng: findings(filter: { involving: "umeng", rules: ["provision-without-separate-consent"] }) {
         nodes { id message subject { name } articles { citation } clauses { ref text } } } }`,
  );
  expect(umeng.nodes).toHaveLength(1);
  const expected = umeng.nodes[0];
  expect(expected.id).toBe('provision-without-separate-consent:FLOW:app-umeng');

  await page.goto(`${base}/`);
  await nav('合规问题').click();
  await page.getByTestId('findings-list').waitFor();
  await page.getByTestId('severity-HIGH').click();
  await page.waitForURL(/severity=HIGH/);
  await waitForExpression(page, `[...document.querySelectorAll('[data-testid="findings-list"] > article')].every((a) => a.dataset.severity === 'HIGH')`);
  const cards = page.getByTestId('findings-list').locator(':scope > article');
  expect(await cards.count()).toBe(high.nodes.length);
  expect(await page.getByTestId('severity-HIGH').textContent()).toContain(String(high.nodes.length));

  await browser.shot('dashboard-findings-high');
  const card = page.getByTestId(`finding-${expected.id}`);
  await card.scrollIntoViewIfNeeded();
  expect(await card.getByTestId('finding-message').textContent()).toBe(expected.message);
  expect(await card.getByTestId('finding-subject').textContent()).toContain(expected.subject.name);
  const articles = await card.getByTestId('finding-articles').locator('strong').allTextContents();
  expect(articles).toEqual(expected.articles.map((a) => a.citation));
  expect(articles).toContain('PIPL Art. 23');
  await card.getByTestId('finding-clauses').locator('summary').click();
  // The policy's own words, every clause the finding cites, in order.
  const shown = await card.locator('.clause-text').allTextContents();
  expect(shown).toEqual(expected.clauses.map((c) => c.text));
  expect(shown.join('\n')).toContain('友盟+SDK');
  await page.evaluate(`window.scrollBy(0, document.querySelector('[data-testid="finding-${expected.id}"]').getBoundingClientRect().top - 72)`);
  await browser.shot('dashboard-finding-clauses');

  // Narrow to one rule: the API's answer for it, still HIGH only.
  await page.getByTestId('filter-rule').selectOption('provision-without-separate-consent');
  await page.waitForURL(/rule=provision-without-separate-consent/);
  const { rule } = await api<{ rule: { nodes: Array<{ id: string; severity: string }> } }>('{ rule: findings(filter: { rules: ["provision-without-separate-consent"] }) { nodes { id severity } } }');
  const ruleHigh = rule.nodes.filter((n) => n.severity === 'HIGH').map((n) => n.id);
  await waitForExpression(page, `document.querySelectorAll('[data-testid="findings-list"] > article').length === ${ruleHigh.length}`);
  const ruleCards = await page.getByTestId('findings-list').locator(':scope > article').all();
  expect(await Promise.all(ruleCards.map((c) => c.getAttribute('data-testid')))).toEqual(ruleHigh.map((id) => `finding-${id}`));

  // The finding's subject opens the flow beside the list, with its clauses.
  await page.getByTestId(`finding-${expected.id}`).getByTestId('finding-open-flow').click();
  await page.waitForURL(/flow=app-umeng/);
  await page.getByTestId('flow-panel').getByTestId('clause').first().waitFor();

  // English labels; the policy's wording stays as it is.
  await page.getByTestId('lang-switch').click();
  await nav('Findings').waitFor();
  expect(await page.getByTestId('severity-HIGH').textContent()).toContain('High');
  expect(await page.getByTestId(`finding-${expected.id}`).locator('.clause-text').allTextContents()).toEqual(expected.clauses.map((c) => c.text));
  await browser.shot('dashboard-findings-rule-en');
});

it('reports: records of processing, the PIA and the two lists, generated through the API and saved as files', async () => {
  const report = (kind: string, format: string) =>
    api<{ complianceReport: { fileName: string; content: string; encoding: string } }>(`{ complianceReport(kind: ${kind}, format: ${format}) { fileName content encoding } }`).then((r) => r.complianceReport);
  const firstLine = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/)[0];

  await page.goto(`${base}/`);
  await nav('报告').click();
  await page.getByTestId('reports-page').waitFor();

  // Records of processing, CSV: the same file as the API's, first line the Art. 30 header.
  const ropa = await report('ROPA', 'CSV');
  const csv = await download('download-ROPA-CSV');
  expect(csv.name).toBe(ropa.fileName);
  expect(csv.name).toMatch(/^fieldtrail-ropa-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = csv.bytes.toString('utf8');
  expect(firstLine(csvText)).toBe(firstLine(ropa.content));
  expect(firstLine(csvText)).toMatch(/^Record,\(a\) Controller 处理者,/);
  expect(csvText.split(/\r?\n/).length).toBe(ropa.content.split(/\r?\n/).length);
  await page.getByTestId('report-status-ROPA').getByText(ropa.fileName).waitFor();

  // XLSX comes from the API as base64: the saved file is the decoded workbook, same table.
  const xlsx = await download('download-ROPA-XLSX');
  expect(xlsx.name).toMatch(/^fieldtrail-ropa-.*\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(header.join(',')).toBe(firstLine(csvText));
  expect(sheet.rowCount).toBe(csvText.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean).length);

  const pia = await download('download-PIA-HTML');
  expect(pia.name).toMatch(/^fieldtrail-pia-.*\.html$/);
  expect(pia.bytes.toString('utf8')).toContain('个人信息保护影响评估报告');
  const piaMd = await download('download-PIA-MD');
  expect(piaMd.name).toMatch(/\.md$/);

  const collected = await download('download-COLLECTED_PI-CSV');
  expect(firstLine(collected.bytes.toString('utf8'))).toBe(firstLine((await report('COLLECTED_PI', 'CSV')).content));
  expect(firstLine(collected.bytes.toString('utf8'))).toMatch(/^个人信息 Field,/);
  const collectedMd = await download('download-COLLECTED_PI-MD');
  expect(collectedMd.bytes.toString('utf8')).toContain('已收集个人信息清单');

  const third = await download('download-THIRD_PARTIES-CSV');
  expect(firstLine(third.bytes.toString('utf8'))).toMatch(/^第三方名称 Recipient,/);
  expect(third.bytes.toString('utf8')).toContain('aaid.umeng.com');
  const thirdMd = await download('download-THIRD_PARTIES-MD');
  expect(thirdMd.bytes.toString('utf8')).toContain('与第三方共享个人信息清单');
  await browser.shot('dashboard-reports');
});
