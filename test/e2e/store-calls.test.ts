/**
 * DataLoaders per request: the number of store calls for a list query must not grow with the
 * number of items listed (no N+1), measured on each real store behind a real HTTP server.
 */
import { FieldListDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore } from '../support/stores';
import { countCalls, type CountingStore } from '../support/counting-store';
import { syntheticInventory } from '../support/synthetic';

// With this file's stores closed, the test Neo4j holds nothing (and its admin driver is closed).
afterAll(expectNeo4jLeftEmpty);

describeEachStore('store calls per list query', (kind) => {
  let app: TestApp;
  let counter: CountingStore;

  beforeAll(async () => {
    app = await startTestApp({
      seed: syntheticInventory(600),
      store: kind,
      wrap: (store) => (counter = countCalls(store)).store,
    });
  });
  afterAll(() => app?.stop());

  async function callsToList(first: number): Promise<{ calls: number; listed: number; byMethod: Record<string, number> }> {
    counter.reset();
    const { personalFields } = await app.query(FieldListDocument, { first });
    return { calls: counter.total(), listed: personalFields.nodes.length, byMethod: Object.fromEntries(counter.calls) };
  }

  it('lists 10 and 500 fields with category, flows, purposes and recipients in the same number of store calls', async () => {
    // The first request also reads the list-size statistics the query cost model keeps.
    await callsToList(1);
    const small = await callsToList(10);
    const large = await callsToList(500);
    expect(small.listed).toBe(10);
    expect(large.listed).toBe(500);
    expect(large.byMethod).toEqual(small.byMethod);
    expect(large.calls).toBe(small.calls);
    // listFields, category nodes, field.flows, flow nodes, purpose nodes, party nodes.
    expect(large.calls).toBeLessThanOrEqual(8);
  });

  it('really answers the nested fields it counted', async () => {
    const { personalFields } = await app.query(FieldListDocument, { first: 500 });
    const f0 = personalFields.nodes.find((n) => n.key === 'f00000')!;
    expect(f0.category.key).toBe('ids');
    expect(f0.sensitive).toBe(true);
    expect(f0.flows.map((f) => f.key).sort()).toEqual(['collect', 'share-0']);
    expect(f0.purposes.map((p) => p.key)).toEqual(['p-a']);
    expect(f0.recipients.map((r) => r.key)).toEqual(['vendor-0']);
    const f4 = personalFields.nodes.find((n) => n.key === 'f00004')!;
    expect(f4.recipients.map((r) => r.key)).toEqual(['vendor-4']);
    expect(f4.purposes.map((p) => p.key)).toEqual(['p-a', 'p-b']);
  });
});
