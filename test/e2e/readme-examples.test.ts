/**
 * The example queries of the README and of every page in docs/, sent over HTTP to a real server
 * on each store with the 进圈 seed loaded as `npm start` loads it: the answer must be the one the
 * page prints. The README's `curl` example is sent with the body it shows. The store is
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

const ROOT = path.join(__dirname, '..', '..');
const PAGES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/**
 * Every ```graphql block a page follows directly with its ```json answer, and every ```sh block
 * with a `curl … -d '{"query": …}'` that a ```json answer follows.
 */
function examples(): Array<{ page: string; query: string; answer: unknown }> {
  const out: Array<{ page: string; query: string; answer: unknown }> = [];
  for (const page of PAGES) {
    const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
    for (const m of text.matchAll(/```graphql\n([^`]*)```\s*\n+```json\n([^`]*)```/g)) out.push({ page, query: m[1], answer: JSON.parse(m[2]) });
    for (const m of text.matchAll(/```sh\n([^`]*?curl[^`]*?)```\s*\n+```json\n([^`]*)```/g)) {
      const body = /-d '([^']*)'/.exec(m[1]);
      if (!body) throw new Error(`${page}: a curl example without a -d '…' body`);
      out.push({ page, query: (JSON.parse(body[1]) as { query: string }).query, answer: JSON.parse(m[2]) });
    }
  }
  return out;
}

const EXAMPLES = examples();

it('the pages have example queries with answers to check, the first screen of the README among them', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
  expect(EXAMPLES.filter((e) => e.page === 'README.md')).toHaveLength(1);
});

afterAll(closeNeo4jAdmin);

describeEachStore('documented examples', (kind: StoreKind) => {
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

  test.each(EXAMPLES.map((e) => [e.page, e.query.split('\n').find((l) => /\w/.test(l) && l.trim() !== '{')!.trim().slice(0, 80), e] as const))(
    '%s: %s answers as printed',
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
