/**
 * The project's Neo4j for tests: settings from NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD or from
 * .neo4j/env (written by `npm run neo4j:start`), a cross-process lock (Neo4j Community has one
 * database, so test files take turns), and a clean-up that leaves nothing FieldTrail wrote behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jSettings } from '../../src/store/neo4j/connection';
import { openNeo4jStore } from '../../src/store/neo4j/connection';
import type { InventoryStore } from '../../src/store/inventory-store';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const neo4jEnv = require('./neo4j-env.js') as {
  readNeo4jEnv(env: NodeJS.ProcessEnv): Record<string, string> | null;
  testNeo4jUris(values: Record<string, string> | null): string[];
  skipNotice: string;
};

const ROOT = path.resolve(__dirname, '..', '..');

/** The line printed when the Neo4j suites do not run. */
export const NEO4J_SKIP_NOTICE: string = neo4jEnv.skipNotice;

/**
 * Settings for this jest worker's test Neo4j, or null when none is configured. With several
 * databases (`npm run neo4j:start` starts one per worker) worker N takes the N-th, so parallel
 * test files never share one; the lock below still orders files that land on the same database.
 */
export function neo4jTestSettings(env: NodeJS.ProcessEnv = process.env): (Required<Pick<Neo4jSettings, 'uri' | 'user' | 'password'>> & { database?: string }) | null {
  const values = neo4jEnv.readNeo4jEnv(env);
  if (!values?.NEO4J_URI) return null;
  const uris = neo4jEnv.testNeo4jUris(values);
  const worker = Math.max(1, Number(env.JEST_WORKER_ID) || 1);
  return { uri: uris[(worker - 1) % uris.length], user: values.NEO4J_USER ?? 'neo4j', password: values.NEO4J_PASSWORD ?? '', database: values.NEO4J_DATABASE || undefined };
}

/** One lock per database: the URI's host and port name it. */
function lockDir(): string {
  const uri = neo4jTestSettings()?.uri ?? 'none';
  return path.join(ROOT, '.neo4j', `test-lock-${uri.replace(/^[a-z+]+:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_')}`);
}

/** CI must run the Neo4j suites; a developer without Java may skip them. */
export function neo4jRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.FIELDTRAIL_REQUIRE_NEO4J === '1';
}

// ---- one test file at a time on the one database ----------------------------------------------

let held = 0;

function lockOwnerAlive(): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir(), 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive but not ours; anything else (no file, ESRCH): stale.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Longer than any one test file holds the database (the M-scale copy takes a few minutes). */
const LOCK_WAIT_MS = 15 * 60_000;

async function acquire(): Promise<void> {
  if (held++ > 0) return;
  fs.mkdirSync(path.dirname(lockDir()), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (Date.now() > deadline) {
      held--;
      const owner = fs.existsSync(path.join(lockDir(), 'pid')) ? fs.readFileSync(path.join(lockDir(), 'pid'), 'utf8') : '?';
      throw new Error(`the test Neo4j has been held by process ${owner} for ${LOCK_WAIT_MS / 60_000} minutes (a test that never closed its store?); remove ${lockDir()} if that process is gone`);
    }
    try {
      fs.mkdirSync(lockDir());
      fs.writeFileSync(path.join(lockDir(), 'pid'), String(process.pid));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock whose owner died is taken over; a lock being written (no pid yet) is waited for.
      if (fs.existsSync(path.join(lockDir(), 'pid')) && !lockOwnerAlive()) fs.rmSync(lockDir(), { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function release(): void {
  if (--held > 0) return;
  fs.rmSync(lockDir(), { recursive: true, force: true });
}

// ---- clean database -----------------------------------------------------------------------------

let admin: Driver | undefined;
function adminDriver(settings: NonNullable<ReturnType<typeof neo4jTestSettings>>): Driver {
  admin ??= neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), { disableLosslessIntegers: true });
  return admin;
}

/** Deletes every node (inventory, versions, audit entries, API keys, snapshots): the test database is FieldTrail's alone. */
export async function emptyNeo4j(): Promise<void> {
  const settings = neo4jTestSettings();
  if (!settings) throw new Error(NEO4J_SKIP_NOTICE);
  const driver = adminDriver(settings);
  for (;;) {
    const { records } = await driver.executeQuery('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted', {}, { database: settings.database });
    if (!records[0].get('deleted')) break;
  }
}

/**
 * Counts every node left in the database (a test that cleans up leaves 0). Counted under the
 * lock, so a test file running in another worker cannot be caught mid-test: with this file's
 * stores closed, what is counted is what the last holder left behind.
 */
export async function neo4jNodeCount(): Promise<number> {
  const settings = neo4jTestSettings();
  if (!settings) throw new Error(NEO4J_SKIP_NOTICE);
  await acquire();
  try {
    const { records } = await adminDriver(settings).executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: settings.database });
    return records[0].get('n') as number;
  } finally {
    release();
  }
}

/**
 * Opens the FieldTrail store on the emptied test database, holding the lock until it is closed;
 * closing empties the database again, so nothing leaks into the next test.
 */
export async function openTestNeo4jStore(options: { batchSize?: number; stagingBatchSize?: number } = {}): Promise<InventoryStore> {
  const settings = neo4jTestSettings();
  if (!settings) throw new Error(NEO4J_SKIP_NOTICE);
  await acquire();
  try {
    if (held === 1) await emptyNeo4j();
    const store = await openNeo4jStore({ ...settings, ...options });
    const close = store.close.bind(store);
    let closed = false;
    store.close = async () => {
      if (closed) return close();
      closed = true;
      try {
        await close();
        if (held === 1) await emptyNeo4j();
      } finally {
        release();
      }
    };
    return store;
  } catch (err) {
    release();
    throw err;
  }
}

/** Closes the admin driver (jest's afterAll in files that used Neo4j). */
export async function closeNeo4jAdmin(): Promise<void> {
  await admin?.close();
  admin = undefined;
}

/**
 * jest's file-level afterAll in files that may use the test Neo4j: once the file's stores are
 * closed the database holds no node at all (inventory, versions, audit entries, API keys,
 * snapshots), then the admin driver is closed. Does nothing when no Neo4j is configured.
 */
export async function expectNeo4jLeftEmpty(): Promise<void> {
  if (!neo4jTestSettings()) return;
  try {
    expect(await neo4jNodeCount()).toBe(0);
  } finally {
    await closeNeo4jAdmin();
  }
}
