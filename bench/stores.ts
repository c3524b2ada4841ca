/**
 * The store a bench run measures: the embedded SQLite file (default) or a Neo4j server
 * (`--store neo4j`). Every measurement opens, empties and serves the store through this, so
 * the run itself is the same for both.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { InventoryStore } from '../src/store/inventory-store';
import { describeNeo4j, openNeo4jStore, type Neo4jSettings } from '../src/store/neo4j/connection';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import type { StoreTarget } from './server-process';

export type BenchStoreKind = 'sqlite' | 'neo4j';

/** A mistake in how the bench was started: printed as one line, without a stack. */
export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

export interface BenchStore {
  kind: BenchStoreKind;
  /** Secret-free, for logs and results. */
  location: string;
  /** `3.53.2` (SQLite) or the server's agent string (`Neo4j/5.26.x`). */
  version: string;
  /** How server processes started by the bench reach this store. */
  target: StoreTarget;
  /** Opens the store with its schema up to date (a new connection each time). */
  open(): Promise<InventoryStore>;
  /** Removes the whole inventory: the SQLite files, or every node of the Neo4j database. */
  empty(): Promise<void>;
  /** The database file's size (SQLite); null where the store keeps its files elsewhere. */
  sizeMb(): number | null;
  /** The Neo4j server process's memory, when the bench knows its pid (the project's own server). */
  serverRssMb(): { rss: number; peak: number } | null;
  close(): Promise<void>;
}

export function sqliteBenchStore(dbPath: string, sqliteVersion: string): BenchStore {
  return {
    kind: 'sqlite',
    location: 'sqlite:(a file in the work directory)',
    version: sqliteVersion,
    target: { store: 'sqlite', dbPath },
    async open() {
      const store = new SqliteStore({ path: dbPath });
      await store.migrate();
      return store;
    },
    async empty() {
      for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
    },
    sizeMb() {
      let bytes = 0;
      for (const s of ['', '-wal']) if (existsSync(dbPath + s)) bytes += statSync(dbPath + s).size;
      return bytes / 2 ** 20;
    },
    serverRssMb: () => null,
    async close() {},
  };
}

type Settings = Required<Pick<Neo4jSettings, 'uri' | 'user' | 'password'>> & { database?: string; from: string };

/**
 * Neo4j settings from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (and NEO4J_DATABASE), else from
 * .neo4j/env as `npm run neo4j:start` writes it; null when neither names a server.
 */
export function neo4jBenchSettings(root: string, env: NodeJS.ProcessEnv): Settings | null {
  let values: Record<string, string | undefined> = env;
  let from = 'the environment';
  if (!env.NEO4J_URI) {
    const file = join(root, '.neo4j', 'env');
    if (!existsSync(file)) return null;
    values = {};
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (m) values[m[1]] = m[2];
    }
    from = '.neo4j/env';
  }
  if (!values.NEO4J_URI) return null;
  return { uri: values.NEO4J_URI, user: values.NEO4J_USER || 'neo4j', password: values.NEO4J_PASSWORD ?? '', database: values.NEO4J_DATABASE || undefined, from };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const DELETE_BATCH = 5000;

/**
 * The Neo4j the bench measures. The run deletes every node of that database (before each import,
 * and at the end unless --keep), so a server that is not on this machine is refused unless
 * FIELDTRAIL_BENCH_EMPTY_NEO4J=1 says it may be emptied.
 */
export async function neo4jBenchStore(root: string, env: NodeJS.ProcessEnv): Promise<BenchStore> {
  const settings = neo4jBenchSettings(root, env);
  if (!settings) {
    throw new BenchUsageError('--store neo4j needs a Neo4j server: run `npm run neo4j:start` first (or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD)');
  }
  const location = describeNeo4j(settings);
  let host = '';
  try {
    host = new URL(settings.uri).hostname;
  } catch {
    throw new BenchUsageError(`NEO4J_URI (from ${settings.from}) is not a URI: ${location}`);
  }
  if (!LOOPBACK.has(host) && env.FIELDTRAIL_BENCH_EMPTY_NEO4J !== '1') {
    throw new BenchUsageError(`the bench deletes every node of ${location}, which is not on this machine; set FIELDTRAIL_BENCH_EMPTY_NEO4J=1 if that database may be emptied`);
  }
  const driver: Driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), { disableLosslessIntegers: true, userAgent: 'fieldtrail-bench' });
  let version = 'unknown';
  try {
    version = (await driver.getServerInfo({ database: settings.database })).agent ?? version;
  } catch (err) {
    await driver.close();
    throw new BenchUsageError(`cannot reach Neo4j at ${location} (settings from ${settings.from}): ${(err as Error).message.split('\n')[0]} — is it running? (\`npm run neo4j:start\`)`);
  }
  // The project's own server (npm run neo4j:start) leaves its pid beside its settings.
  const pidFile = join(root, '.neo4j', 'pid');
  const pid = settings.from === '.neo4j/env' && existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : null;
  const { from: _from, ...connection } = settings;
  return {
    kind: 'neo4j',
    location,
    version,
    target: { store: 'neo4j', neo4j: connection },
    open: () => openNeo4jStore(connection),
    async empty() {
      for (;;) {
        const { records } = await driver.executeQuery(
          'MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted',
          { batch: neo4j.int(DELETE_BATCH) },
          { database: settings.database },
        );
        if (!records[0].get('deleted')) break;
      }
    },
    sizeMb: () => null,
    serverRssMb() {
      if (pid === null) return null;
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
        return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
      } catch {
        return null;
      }
    },
    close: () => driver.close(),
  };
}
