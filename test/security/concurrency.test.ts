/**
 * Several server processes writing one SQLite file under many concurrent requests: no lost
 * updates (every increment lands, through expectedVersion and retries) and no SQLITE_BUSY or
 * other internal error ever reaches a client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newApiKey } from '../../src/services/access/api-keys';
import { InventoryService } from '../../src/services/inventory-service';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { syntheticInventory } from '../support/synthetic';
import { COMPILED_CLI } from '../support/compiled';

const ROOT = join(__dirname, '..', '..');
const SERVERS = 3;
const WORKERS_PER_SERVER = 6;
const INCREMENTS_PER_WORKER = 4;

let db: string;
let token: string;
const children: ChildProcess[] = [];
const urls: string[] = [];

beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'fieldtrail-concurrency-')), 'shared.db');
  const store = new SqliteStore({ path: db });
  await store.migrate();
  await new InventoryService(store).importManifest({ ...syntheticInventory(5), parties: [...syntheticInventory(5).parties!, { key: 'counter', name: 'count:0', kind: 'THIRD_PARTY' }] }, 'REPLACE');
  const key = await newApiKey('concurrency test', 'editor');
  await store.saveApiKey(key.record);
  token = key.secret;
  await store.close();
  for (let i = 0; i < SERVERS; i++) {
    const child = spawn(process.execPath, [COMPILED_CLI, 'serve', '--no-seed', '--port', '0', '--db', db], { cwd: ROOT });
    children.push(child);
    urls.push(
      await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const m = /listening on (\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(children.map((c) => new Promise((r) => { c.once('exit', r); c.kill('SIGTERM'); })));
});

async function gql(url: string, query: string, variables: object) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: { party?: { name: string; version: number }; upsertParty?: unknown; upsertPurpose?: unknown }; errors?: Array<{ message: string; extensions: { code: string } }> };
}

it('loses no update and never shows a client SQLITE_BUSY', async () => {
  const unexpected: string[] = [];
  let conflicts = 0;
  const increment = async (url: string) => {
    for (;;) {
      const read = await gql(url, 'query($k: ID!) { party(key: $k) { name version } }', { k: 'counter' });
      if (read.errors) unexpected.push(read.errors[0].message);
      const { name, version } = read.data!.party!;
      const next = Number(name.split(':')[1]) + 1;
      const write = await gql(url, 'mutation($i: PartyInput!) { upsertParty(input: $i) { version } }', { i: { key: 'counter', name: `count:${next}`, kind: 'THIRD_PARTY', expectedVersion: version } });
      if (!write.errors) return;
      if (write.errors[0].extensions.code === 'CONFLICT') conflicts++;
      else {
        unexpected.push(`${write.errors[0].extensions.code}: ${write.errors[0].message}`);
        return;
      }
    }
  };
  // Alongside, plain writes of distinct nodes from every worker.
  const create = (url: string, id: string) =>
    gql(url, 'mutation($i: PurposeInput!) { upsertPurpose(input: $i) { key } }', { i: { key: `p-${id}`, name: id, functionType: 'BASIC' } }).then((r) => {
      if (r.errors) unexpected.push(`${r.errors[0].extensions.code}: ${r.errors[0].message}`);
    });

  await Promise.all(
    urls.flatMap((url, s) =>
      Array.from({ length: WORKERS_PER_SERVER }, async (_, w) => {
        for (let i = 0; i < INCREMENTS_PER_WORKER; i++) {
          await Promise.all([increment(url), create(url, `${s}-${w}-${i}`)]);
        }
      }),
    ),
  );

  expect(unexpected).toEqual([]);
  const total = SERVERS * WORKERS_PER_SERVER * INCREMENTS_PER_WORKER;
  const final = await gql(urls[0], 'query($k: ID!) { party(key: $k) { name version } }', { k: 'counter' });
  expect(final.data!.party!.name).toBe(`count:${total}`);
  expect(final.data!.party!.version).toBe(total + 1);
  const purposes = await gql(urls[1], '{ purposes { key } }', {});
  expect((purposes.data as unknown as { purposes: unknown[] }).purposes.length).toBe(3 + total);
  // Contention really happened: some writers had to retry.
  expect(conflicts).toBeGreaterThan(0);
}, 120_000);
