/**
 * Times the SQLite store's bulk write on its own: `store.write(manifest, 'REPLACE')` into a new
 * file, as the bench's import breakdown does, split into phases: the INSERTs of each table, the
 * index builds, foreign_key_check (when it runs), the rest of the transaction, and the commit
 * (with its checkpoint). Wall / CPU ms per phase; CPU includes SQLite's sort helper threads.
 *
 * Usage: `npx tsc -p bench/tsconfig.json && node --max-old-space-size=6144 dist/bench/import-phases.js --scale L --runs 3`
 *   --detail     each table and index apart
 *   --merge      MERGE into the empty store instead of REPLACE
 *   --cached     read the parsed manifest from the temp directory (faster start, but JSON-parsed strings)
 *   --shuffle    nodes in random order, as a hand-written manifest may have them
 *   --nockpt     no checkpoint at commit (to see what it costs)
 *   --page-size  make the file with another page size first (an experiment: the store does not)
 *   --keep       keep the database file
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../src/domain/manifest';
import { parseManifest } from '../src/domain/validate';
import { BatchInsert } from '../src/store/sqlite/batch-insert';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { generateInventory, type SyntheticScale } from './generate';

async function main() {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'M' }, runs: { type: 'string', default: '3' }, cached: { type: 'boolean', default: false }, merge: { type: 'boolean', default: false }, nockpt: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, detail: { type: 'boolean', default: false }, 'page-size': { type: 'string' }, shuffle: { type: 'boolean', default: false } },
  });
  const scale = values.scale as SyntheticScale;
  // By default the manifest is generated and parsed as the bench does (its strings as the
  // generator makes them); --cached reads a parsed copy from the temp directory instead.
  const cache = join(tmpdir(), `fieldtrail-manifest-${scale}.json`);
  let manifest: Manifest;
  if (values.cached && existsSync(cache)) {
    manifest = JSON.parse(readFileSync(cache, 'utf8')) as Manifest;
  } else {
    manifest = parseManifest(generateInventory(scale).manifest);
    if (values.cached) writeFileSync(cache, JSON.stringify(manifest));
  }
  if (values.shuffle) {
    // Experiment: nodes in no particular order, as a hand-written manifest may have them.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const shuffle = <T>(a: T[]) => {
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
    };
    for (const section of [manifest.fields, manifest.flows, manifest.parties, manifest.categories]) shuffle(section as unknown[]);
  }
  const dbPath = join(tmpdir(), `fieldtrail-phases-${process.pid}.db`);
  const removeDb = () => ['', '-wal', '-shm'].forEach((s) => rmSync(dbPath + s, { force: true }));
  const totals: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    removeDb();
    if (values['page-size']) {
      // Experiment: a database file made with another page size before the store opens it.
      const raw = new Database(dbPath);
      raw.pragma(`page_size = ${values['page-size']}`);
      raw.pragma('journal_mode = WAL');
      raw.close();
    }
    const store = new SqliteStore({ path: dbPath });
    await store.migrate();
    const db = (store as unknown as { db: { exec: (sql: string) => unknown; pragma: (...a: unknown[]) => unknown } }).db;
    const phases = new Map<string, [number, number]>();
    // CPU time only where calls are few (process.cpuUsage() costs ~10 µs, and rows are sent 50,000 times).
    const timed = (label: (self: unknown, ...a: unknown[]) => string, fn: (...a: any[]) => unknown, cpu = true) => // eslint-disable-line @typescript-eslint/no-explicit-any
      function (this: unknown, ...a: unknown[]): unknown {
        const t = performance.now();
        const c = cpu ? process.cpuUsage() : null;
        try {
          return fn.apply(this, a);
        } finally {
          const l = label(this, ...a);
          const u = c ? process.cpuUsage(c) : { user: NaN, system: NaN };
          const [w0, c0] = phases.get(l) ?? [0, 0];
          phases.set(l, [w0 + performance.now() - t, c0 + (u.user + u.system) / 1000]);
        }
      };
    const exec = db.exec.bind(db);
    const pragma = db.pragma.bind(db);
    db.exec = timed((_, sql) => `exec ${String(sql).slice(0, 40).replace(/\s+/g, ' ')}`, exec) as typeof db.exec;
    db.pragma = timed((_, p) => `pragma ${String(p).split(/[ =]/)[0]}`, pragma) as typeof db.pragma;
    // Time spent sending each table's rows (the INSERT statements).
    const proto = BatchInsert.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const [sendFull, flush] = [proto.sendFull, proto.flush];
    const table = (self: unknown) => `insert ${(self as { head: string }).head.split(' ')[2]}`;
    proto.sendFull = timed(table, sendFull, false);
    proto.flush = timed(table, flush, false);
    // The transaction's body, timed apart from BEGIN/COMMIT (the commit writes the WAL and checkpoints).
    const dbt = db as unknown as { transaction: (fn: (...a: unknown[]) => unknown) => unknown };
    const transaction = dbt.transaction.bind(db);
    dbt.transaction = (fn) => transaction(timed(() => 'transaction body', fn));
    if (values.nockpt) pragma('wal_autocheckpoint = 0');
    const cpu = process.cpuUsage();
    const t = performance.now();
    await store.write(manifest, values.merge ? 'MERGE' : 'REPLACE');
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const body = phases.get('transaction body')?.[0] ?? 0;
    phases.set('commit (whole write - body)', [ms - body, NaN]);
    const walMB = existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size / 1e6 : 0;
    totals.push(ms);
    [proto.sendFull, proto.flush] = [sendFull, flush];
    await store.close();
    const size = statSync(dbPath).size;
    // Per phase: wall / CPU ms (CPU of the whole process, sort helper threads included).
    const group = (k: string) => (k.startsWith('insert') ? 'inserts' : k.startsWith('exec CREATE INDEX') ? 'indexes' : k);
    const sums = new Map<string, [number, number]>();
    for (const [k, [w, c]] of phases) {
      const [w0, c0] = sums.get(group(k)) ?? [0, 0];
      sums.set(group(k), [w0 + w, c0 + c]);
    }
    sums.delete('transaction body');
    const accounted = [...sums.values()].reduce((n, [w]) => n + w, 0);
    sums.set('rest of the body (JS, counts, …)', [ms - accounted, NaN]);
    const detail = [...phases].filter(([, [w]]) => w > 20).map(([k, [w, c]]) => `${k}: ${Math.round(w)}/${Math.round(c)}`).join('; ');
    const big = [...sums].filter(([, [w]]) => w > 20).map(([k, [w, c]]) => `${k}: ${Math.round(w)}/${Math.round(c)}`).join('; ') + (values.detail ? `\n  ${detail}` : '');
    console.log(`run ${i + 1}: ${Math.round(ms)} ms (${Math.round(manifest.flows.length / (ms / 1000))} flows/s), cpu ${Math.round(used.user / 1000)}+${Math.round(used.system / 1000)} ms, wal ${walMB.toFixed(1)} MB, db ${(size / 1e6).toFixed(1)} MB, load ${loadavg()[0].toFixed(2)}, maxrss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB | ${big}`);
  }
  if (values.keep) console.log(`kept ${dbPath}`);
  else removeDb();
  const sorted = [...totals].sort((a, b) => a - b);
  console.log(`scale ${scale}: median ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms over ${totals.length} runs (${sorted.map(Math.round).join(', ')})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
