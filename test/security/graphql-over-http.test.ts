/**
 * GraphQL-over-HTTP conformance: the graphql-http package's server audits against the real server.
 * Every MUST passes; SHOULD/MAY results are printed so regressions are visible.
 */
import { auditServer } from 'graphql-http';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

it('passes every audit with zero errors', async () => {
  const results = await auditServer({ url: app.server.url });
  const errors = results.filter((r) => r.status === 'error').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
  expect(errors).toEqual([]);
  const mustFailures = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => r.name);
  expect(mustFailures).toEqual([]);
  expect(results.length).toBeGreaterThan(20);
});
