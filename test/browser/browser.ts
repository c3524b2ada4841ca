/**
 * What every browser test shares: the built dashboard (built by the browser project's global
 * setup), Debian's Chromium driven by playwright-core on a throw-away profile, and the list of everything that went wrong in the page — console errors
 * and warnings, uncaught errors, failed requests, HTTP errors. A test fails when that list is not
 * empty, except for the 401s a test says it expects (before signing in).
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it) or FIELDTRAIL_CHROMIUM.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPart, DASHBOARD } = require('../../scripts/build.js') as { buildPart(root: string, part: unknown): boolean; DASHBOARD: unknown };

export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.FIELDTRAIL_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The dashboard as Vite builds it: the browser project's global setup builds it before any file
 * (test/support/dashboard-setup.js); this only repeats that check, which costs a hash of its inputs.
 */
export function ensureDashboardBuilt(): void {
  buildPart(ROOT, DASHBOARD);
}

/**
 * Waits until `expression` is true in the page. Polls with page.evaluate, which Chromium runs for
 * the DevTools protocol, because page.waitForFunction evals its predicate inside the page and the
 * dashboard's Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses that.
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(`!!(${expression})`)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** What went wrong in the page since the last reset. */
  problems: string[];
  /** The 401s from /graphql seen while `expectUnauthenticated` was on. */
  unauthenticated: string[];
  /** While true, a 401 from /graphql (and Chromium's console line about it) is expected, not a problem. */
  expectUnauthenticated: boolean;
  /** Every console message, to check what the page never logs. */
  console: string[];
  reset(): void;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set FIELDTRAIL_CHROMIUM`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'fieldtrail-chromium-'));
  // A persistent context on a fresh, throw-away profile directory (--user-data-dir).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const session: BrowserSession = {
    context,
    page,
    problems: [],
    unauthenticated: [],
    expectUnauthenticated: false,
    console: [],
    reset() {
      session.problems = [];
      session.unauthenticated = [];
      session.console = [];
    },
    async shot(name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  page.on('console', (msg) => {
    session.console.push(msg.text());
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    // Chromium reports every 4xx answer to fetch on the console too.
    if (session.expectUnauthenticated && /status of 401 \(Unauthorized\)/.test(msg.text()) && /\/graphql$/.test(msg.location().url)) return;
    session.problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => session.problems.push(`page error: ${err.message}`));
  // Chromium aborts the fetches of a page the test navigates away from (page.goto while an answer
  // is on its way): not a problem of the dashboard, which never aborts its own requests.
  let navigations = 0;
  const startedAt = new WeakMap<object, number>();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  page.on('request', (req) => startedAt.set(req, navigations));
  page.on('requestfailed', (req) => {
    const problem = `request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText})`;
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') return void session.problems.push(problem);
    // The navigation that aborted it may be reported just after the failure.
    setTimeout(() => {
      if (navigations === startedAt.get(req)) session.problems.push(problem);
    }, 250);
  });
  page.on('response', (res) => {
    if (res.status() < 400) return;
    const what = `HTTP ${res.status()}: ${res.request().method()} ${res.url()}`;
    if (session.expectUnauthenticated && res.status() === 401 && new URL(res.url()).pathname === '/graphql') session.unauthenticated.push(what);
    else session.problems.push(what);
  });
  return session;
}

/** A built dashboard served by a real app seeded with the 进圈 inventory, and a browser on it. */
export interface SeededDashboard {
  app: TestApp;
  browser: BrowserSession;
  page: Page;
  /** http://127.0.0.1:PORT, where the dashboard is served. */
  base: string;
}

export async function openSeededDashboard(): Promise<SeededDashboard> {
  ensureDashboardBuilt();
  const app = await startTestApp({ seed: 'jinquan' });
  const browser = await openBrowser();
  return { app, browser, page: browser.page, base: app.server.url.replace(/\/graphql$/, '') };
}

export async function closeSeededDashboard(d: Partial<SeededDashboard>): Promise<void> {
  await d.browser?.close();
  await d.app?.stop();
}

/** Before each test: no problems carried over, and the browser's own language (zh-CN) again. */
export async function resetBetweenTests(d: SeededDashboard): Promise<void> {
  d.browser.reset();
  if (d.page.url().startsWith(d.base)) await d.page.evaluate(`localStorage.removeItem('fieldtrail.lang')`);
}

/** Asks the API directly (anonymously, on loopback), to compare what the page shows with what the API says. */
export async function askApi<T>(app: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(app.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
