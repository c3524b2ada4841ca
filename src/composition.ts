/**
 * The composition root: the one module that knows the concrete store adapters. It picks and opens
 * the store a configuration or URL names (schema brought up to date), and wires whole-store
 * operations (copy, restore) that need stores opened. The CLI calls it; nothing below it does.
 */
import { existsSync } from 'node:fs';
import type { Config } from './config';
import type { AuditEntry, WriteContext } from './domain/audit';
import { StoreUnavailableError } from './store/errors';
import type { InventoryStore } from './store/inventory-store';
import { openNeo4jStore } from './store/neo4j/connection';
import { SqliteStore } from './store/sqlite/sqlite-store';
import { copyInventory, type CopySummary } from './services/copy';

/** What opening may do: a command that only reads must not leave an empty database behind. */
export interface OpenOptions {
  /** Refuse a SQLite file that does not exist yet, instead of creating it (default: create). */
  mustExist?: boolean;
}

export async function openStore(config: Pick<Config, 'store' | 'dbPath' | 'neo4j'>, options: OpenOptions = {}): Promise<InventoryStore> {
  if (config.store === 'neo4j') return openNeo4jStore(config.neo4j);
  if (options.mustExist && config.dbPath !== ':memory:' && !existsSync(config.dbPath)) {
    throw new StoreUnavailableError(
      `no database at ${config.dbPath} (nothing was created). \`fieldtrail import FILE --db ${config.dbPath}\` or \`fieldtrail serve --db ${config.dbPath}\` creates one.`,
    );
  }
  const store = new SqliteStore({ path: config.dbPath });
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/**
 * Opens a store named by URL, for `fieldtrail copy`: `sqlite:PATH` (or a bare path ending in .db),
 * or a Neo4j URI (`neo4j://`, `neo4j+s://`, `bolt://`, `bolt+s://`); Neo4j credentials come from
 * the URI's user info or NEO4J_USER / NEO4J_PASSWORD, the database from `?database=` or NEO4J_DATABASE.
 */
export async function openStoreUrl(url: string, env: NodeJS.ProcessEnv, options: OpenOptions = {}): Promise<InventoryStore> {
  if (/^(neo4j|bolt)(\+s|\+ssc)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username) || env.NEO4J_USER;
    const password = decodeURIComponent(parsed.password) || env.NEO4J_PASSWORD;
    const database = parsed.searchParams.get('database') ?? env.NEO4J_DATABASE;
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return openStore({ store: 'neo4j', dbPath: '', neo4j: { uri: parsed.toString().replace(/\/$/, ''), user, password, database } });
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (!path) throw new Error(`"${url}" names no database file`);
  return openStore({ store: 'sqlite', dbPath: path, neo4j: {} }, options);
}

/** Opens both stores by URL, copies the whole inventory and verifies it, then closes both. */
export async function copyStores(fromUrl: string, toUrl: string, env: NodeJS.ProcessEnv): Promise<CopySummary> {
  // The source is read, never created: a typo in --from must not copy an empty inventory.
  const source = await openStoreUrl(fromUrl, env, { mustExist: true });
  try {
    const target = await openStoreUrl(toUrl, env);
    try {
      return await copyInventory(source, target);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** What `restore` did: the RESTORE entry it appended to the restored audit log. */
export interface RestoreSummary {
  entry: AuditEntry;
  /** Entries the restored log holds (before the RESTORE entry). */
  restoredEntries: number;
  /** Entries of the replaced log that came after the restored log's last entry. */
  droppedEntries: number;
}

/**
 * Replaces the embedded database file with a checked backup, then appends a RESTORE entry to the
 * restored log saying what was restored and what of the replaced log it dropped. Runs with no
 * store open: restoring swaps the file itself, so it belongs here, beside opening, not on the port.
 */
export async function restoreEmbeddedDatabase(backupPath: string, dbPath: string, context?: WriteContext): Promise<RestoreSummary> {
  const logs = await SqliteStore.restore(backupPath, dbPath);
  const store = new SqliteStore({ path: dbPath });
  try {
    // A backup from before the hash chain gets its hashes here (migration 7), before the entry links to them.
    await store.migrate();
    const restored = store.auditLogSummary();
    const entry = await store.recordRestore(
      logs.replaced && { log: logs.replaced },
      { backup: backupPath, log: restored, droppedEntries: logs.dropped },
      context,
    );
    return { entry, restoredEntries: restored.entries, droppedEntries: logs.dropped };
  } finally {
    await store.close();
  }
}
