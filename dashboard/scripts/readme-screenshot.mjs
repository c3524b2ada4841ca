#!/usr/bin/env node
/**
 * Re-takes the README's screenshot (docs/dashboard-lineage.png) from a running FieldTrail:
 *   npm start &   node dashboard/scripts/readme-screenshot.mjs [http://127.0.0.1:4000]
 * Uses Debian's Chromium (/usr/bin/chromium, or FIELDTRAIL_CHROMIUM) through playwright-core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
const out = fileURLToPath(new URL('../../docs/dashboard-lineage.png', import.meta.url));
const profile = mkdtempSync(join(tmpdir(), 'fieldtrail-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.FIELDTRAIL_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  locale: 'zh-CN',
  viewport: { width: 1600, height: 1000 },
  deviceScaleFactor: 1,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${base}/fields/imei?flow=app-umeng`);
  await page.getByTestId('flow-panel').getByTestId('clause').first().waitFor();
  await page.waitForTimeout(500);
  // Show the flow's policy wording and the first clauses it cites.
  await page.getByTestId('flow-panel').locator('h3').nth(0).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
