/** Picks and opens the store adapter the configuration names, with its schema up to date. */
import type { Config } from '../config';
import type { InventoryStore } from './inventory-store';
import { openNeo4jStore } from './neo4j/connection';
import { SqliteStore } from './sqlite/sqlite-store';

export async function openStore(config: Pick<Config, 'store' | 'dbPath' | 'neo4j'>): Promise<InventoryStore> {
  if (config.store === 'neo4j') return openNeo4jStore(config.neo4j);
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
export async function openStoreUrl(url: string, env: NodeJS.ProcessEnv): Promise<InventoryStore> {
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
  return openStore({ store: 'sqlite', dbPath: path, neo4j: {} });
}
