/**
 * The README's example queries, sent over HTTP to a real server on each store with the 进圈 seed
 * loaded as `npm start` loads it: the answer must be the one the README prints. The store is
 * opened by the same function the CLI uses (`openStore`), so on Neo4j this is the server
 * `FIELDTRAIL_STORE=neo4j` with the settings of .neo4j/env would run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../../src/server';
import { seedIfEmpty } from '../../src/services/seeds';
import type { InventoryStore } from '../../src/store/inventory-store';
import { openStore } from '../../src/composition';
import { closeNeo4jAdmin, emptyNeo4j, neo4jTestSettings, openTestNeo4jStore } from '../support/neo4j';
import { describeEachStore, type StoreKind } from '../support/stores';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** Every ```graphql block that the README follows directly with its ```json answer. */
function examples(): Array<{ query: string; answer: unknown }> {
  const out: Array<{ query: string; answer: unknown }> = [];
  const pattern = /```graphql\n([^`]*)```\s*\n+```json\n([^`]*)```/g;
  for (const m of README.matchAll(pattern)) out.push({ query: m[1], answer: JSON.parse(m[2]) });
  return out;
}

const EXAMPLES = examples();

it('the README has example queries with answers to check', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
});

afterAll(closeNeo4jAdmin);

describeEachStore('README examples', (kind: StoreKind) => {
  let store: InventoryStore;
  let server: RunningServer;

  beforeAll(async () => {
    if (kind === 'neo4j') {
      // Hold the test lock and start from an empty database, then open it as the CLI would.
      const held = await openTestNeo4jStore();
      await emptyNeo4j();
      const settings = neo4jTestSettings()!;
      const cli = await openStore({ store: 'neo4j', dbPath: '', neo4j: settings });
      const closeCli = cli.close.bind(cli);
      cli.close = async () => {
        await closeCli();
        await held.close();
      };
      store = cli;
    } else {
      store = await openStore({ store: 'sqlite', dbPath: ':memory:', neo4j: {} });
    }
    await seedIfEmpty(store);
    server = await startServer(store, { port: 0, host: '127.0.0.1', logError: () => undefined });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });

  test.each(EXAMPLES.map((e, i) => [i + 1, e.query.split('\n').find((l) => /\w/.test(l) && l.trim() !== '{')!.trim(), e] as const))(
    'example %d (%s) answers as the README says',
    async (_n, _title, { query, answer }) => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      expect(body.errors).toBeUndefined();
      const expected = answer && typeof answer === 'object' && 'data' in answer ? (answer as { data: unknown }).data : answer;
      expect(body.data).toEqual(expected);
    },
  );
});
