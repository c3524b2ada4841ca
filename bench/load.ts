/**
 * Bounded load test on loopback (issue 6): a real server process over the seeded 进圈 inventory,
 * autocannon with mixed reads and writes (editors upserting purposes, readers asking a field's
 * lineage and the field list) for three rounds of 30 s. Reports errors (must be 0) and the server's
 * RSS after each round (must not keep growing). Writes bench/results/load.json and a section of
 * BENCHMARKS.md. Run: `npm run bench:load` (only 127.0.0.1 is ever contacted).
 */
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newApiKey } from '../src/services/access/api-keys';
import { seedIfEmpty } from '../src/services/seeds';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { startServerProcess } from './server-process';

const ROOT = join(__dirname, '..', '..');
const ROUNDS = 3;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);

const READ_LINEAGE = JSON.stringify({ query: '{ personalField(key: "imei") { key recipients { key } lineage(maxDepth: 5) { truncated paths { hops { key } destination { key } } } } }' });
const READ_LIST = JSON.stringify({ query: '{ personalFields(first: 50) { totalCount nodes { key sensitive category { key } purposes { key } } } }' });
let writes = 0;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-load-'));
  const db = join(dir, 'load.db');
  const store = new SqliteStore({ path: db });
  await store.migrate();
  await seedIfEmpty(store);
  const key = await newApiKey('load test', 'editor');
  await store.saveApiKey(key.record);
  await store.close();

  const server = await startServerProcess(ROOT, db);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key.secret}` };
  const rounds: Array<{ round: number; requests: number; rps: number; p50_ms: number; p99_ms: number; errors: number; non2xx: number; graphqlErrors: number; rss_mb: number }> = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      let graphqlErrors = 0;
      const result = await autocannon({
        url: server.url,
        connections: 10,
        duration: SECONDS,
        method: 'POST',
        headers,
        requests: [
          { method: 'POST', body: READ_LINEAGE },
          { method: 'POST', body: READ_LIST },
          { method: 'POST', body: READ_LINEAGE },
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                query: 'mutation($i: PurposeInput!) { upsertPurpose(input: $i) { key version } }',
                variables: { i: { key: `load-${writes++ % 200}`, name: `Load ${writes}`, functionType: 'EXTENDED' } },
              }),
            }),
          },
        ],
        setupClient: (client) => {
          client.on('body', (body: Buffer) => {
            if (body.includes('"errors"')) graphqlErrors++;
          });
        },
      });
      const rss = server.rssMb().rss;
      rounds.push({
        round,
        requests: result.requests.total,
        rps: Math.round(result.requests.average),
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        graphqlErrors,
        rss_mb: Math.round(rss),
      });
      console.log(`round ${round}: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors}, RSS ${Math.round(rss)} MB`);
    }
  } finally {
    await server.stop();
  }
  const growth = rounds[rounds.length - 1].rss_mb - rounds[0].rss_mb;
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    seconds_per_round: SECONDS,
    connections: 10,
    mix: '50% field lineage, 25% field list, 25% purpose upserts (editor)',
    rounds,
    total_errors: rounds.reduce((n, r) => n + r.errors + r.non2xx + r.graphqlErrors, 0),
    rss_growth_mb_first_to_last: growth,
  };
  writeFileSync(join(ROOT, 'bench', 'results', 'load.json'), JSON.stringify(report, null, 2) + '\n');
  const table = [
    `Measured ${report.date.slice(0, 10)} on Node ${report.node}: ${report.mix}, ${report.connections} connections, ${SECONDS} s per round, one server process over the seeded 进圈 inventory.`,
    '',
    '| round | requests | req/s | p50 (ms) | p99 (ms) | errors + timeouts | non-2xx | GraphQL errors | server RSS after (MB) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rounds.map((r) => `| ${r.round} | ${r.requests} | ${r.rps} | ${r.p50_ms} | ${r.p99_ms} | ${r.errors} | ${r.non2xx} | ${r.graphqlErrors} | ${r.rss_mb} |`),
    '',
    `Errors in all: ${report.total_errors}. RSS from the first round to the last: ${growth >= 0 ? '+' : ''}${growth} MB.`,
  ].join('\n');
  const path = join(ROOT, 'BENCHMARKS.md');
  const doc = readFileSync(path, 'utf8');
  const section = `<!-- bench:load:start -->\n${table}\n<!-- bench:load:end -->`;
  writeFileSync(path, doc.includes('<!-- bench:load:start -->') ? doc.replace(/<!-- bench:load:start -->[\s\S]*<!-- bench:load:end -->/, section) : `${doc.trimEnd()}\n\n## Load test (mixed reads and writes)\n\n${section}\n`);
  if (report.total_errors > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
