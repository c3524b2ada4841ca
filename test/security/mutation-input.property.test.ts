/**
 * Mutation inputs, fuzzed over real HTTP (fast-check): hostile, wrong-typed and oversized values in
 * every property of upsertPersonalField and upsertDataFlow. The server never answers with an
 * internal error, names the problem, and the inventory is byte-for-byte unchanged (same export).
 */
import fc from 'fast-check';
import { print } from 'graphql';
import { ExportInventoryDocument, UpsertDataFlowDocument, UpsertPersonalFieldDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { syntheticInventory } from '../support/synthetic';

let app: TestApp;
let baseline: string;
beforeAll(async () => {
  app = await startTestApp({ seed: syntheticInventory(10) });
  baseline = JSON.stringify((await app.query(ExportInventoryDocument)).exportInventory);
});
afterAll(() => app.stop());

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("'; DROP TABLE fields; --", '") DETACH DELETE n //', '\u0000\u0007', '', '   ', '💥'.repeat(300), 'x'.repeat(20_000), -1, 1e308, true, null, [], {}, ['ghost'], [1, 2], { nested: { deeper: [] } }),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
);

const validField = { key: 'fuzz-field', name: 'Fuzz', category: 'plain' };
const validFlow = { key: 'fuzz-flow', from: 'app', to: 'vendor-1', kind: 'PROVISION', fields: ['f00001'], consent: 'CONSENT', optional: true };

async function post(document: string, input: Record<string, unknown>) {
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.tokens.editor}` },
    body: JSON.stringify({ query: document, variables: { input } }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

async function currentExport(): Promise<string> {
  return JSON.stringify((await app.query(ExportInventoryDocument)).exportInventory);
}

test.each([
  ['upsertPersonalField', print(UpsertPersonalFieldDocument), validField],
  ['upsertDataFlow', print(UpsertDataFlowDocument), validFlow],
] as const)('%s: a hostile value in any property is refused cleanly, or stored as plain data', async (_name, document, valid) => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...Object.keys(valid), 'sources', 'description', 'nameZh'), hostile, async (prop, value) => {
      const res = await post(document, { ...valid, [prop]: value });
      if (res.body.errors) {
        const code = res.body.errors[0].extensions?.code;
        expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(code);
        expect(res.body.errors[0].message.length).toBeGreaterThan(0);
        expect(JSON.stringify(res.body)).not.toMatch(/SQLITE|sqlite3|at \w+ \(|\.ts:\d+/);
        expect(await currentExport()).toBe(baseline);
      } else {
        // Accepted: it was valid data after all (a hostile-looking name, say). Undo it.
        const del = await fetch(app.server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${app.tokens.editor}` },
          body: JSON.stringify({ query: `mutation($k: ID!) { ${document.includes('upsertDataFlow') ? 'deleteDataFlow' : 'deletePersonalField'}(key: $k) }`, variables: { k: (res.body.data as Record<string, { key: string }>)[_name].key } }),
        });
        expect(del.status).toBe(200);
        expect(await currentExport()).toBe(baseline);
      }
    }),
    { numRuns: 60 },
  );
});
