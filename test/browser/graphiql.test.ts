/**
 * The query editor: GraphiQL built into the dashboard, opened at /graphiql in a real browser under
 * the server's Content-Security-Policy. It loads nothing from another origin, runs a query against
 * /graphql and shows the API's answer; any CSP violation or other console error fails the test.
 */
import type { Request } from 'playwright-core';
import { askApi, closeSeededDashboard, openSeededDashboard, resetBetweenTests, waitForExpression, type SeededDashboard } from './browser';

jest.setTimeout(180_000);

let dashboard: SeededDashboard;
beforeAll(async () => {
  dashboard = await openSeededDashboard();
});
afterAll(() => closeSeededDashboard(dashboard ?? {}));
beforeEach(() => resetBetweenTests(dashboard));
afterEach(() => {
  expect(dashboard.browser.problems).toEqual([]);
});

it('opens GraphiQL from the header, runs a query from the URL and shows the API answer, loading nothing from elsewhere', async () => {
  const { page, base, app } = dashboard;
  const requested: string[] = [];
  const onRequest = (r: Request) => requested.push(r.url());
  page.on('request', onRequest);
  try {
    const query = '{ party(key: "umeng") { key name country } }';
    // GraphiQL ignores "run" until its editors exist and it has read the schema (introspection).
    const introspected = page.waitForResponse((r) => r.url() === `${base}/graphql` && (r.request().postData() ?? '').includes('IntrospectionQuery'));
    const document = await page.goto(`${base}/graphiql?query=${encodeURIComponent(query)}`);
    expect(document?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    expect((await introspected).status()).toBe(200);
    await waitForExpression(page, `(document.querySelector('.graphiql-query-editor .CodeMirror')?.textContent ?? '').includes('party(key: "umeng")')`);
    await page.locator('.graphiql-execute-button').click();
    const expected = await askApi<{ party: { key: string; name: string; country: string } }>(app, query);
    await waitForExpression(page, `(document.querySelector('.result-window')?.textContent ?? '').includes(${JSON.stringify(expected.party.name)})`);
    const shown = await page.locator('.result-window').textContent();
    expect(shown).toContain('"key": "umeng"');
    expect(shown).toContain(`"country": "${expected.party.country}"`);
    // Everything came from the server itself: no CDN, no fonts or scripts from elsewhere.
    expect(requested.filter((url) => !url.startsWith(`${base}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(requested.some((url) => /\/assets\/GraphiQLPage-[\w-]+\.js$/.test(url))).toBe(true);

    // The header's API link opens it too.
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'GraphQL 接口' }).click();
    await page.locator('.graphiql-container').waitFor();
    expect(new URL(page.url()).pathname).toBe('/graphiql');
  } finally {
    page.off('request', onRequest);
  }
});
