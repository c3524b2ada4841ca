/** Picks and opens the store adapter the configuration names, with its schema up to date. */
import type { Config } from '../config';
import type { InventoryStore } from './inventory-store';
import { SqliteStore } from './sqlite/sqlite-store';

export async function openStore(config: Pick<Config, 'store' | 'dbPath'>): Promise<InventoryStore> {
  if (config.store === 'neo4j') {
    // The Neo4j adapter is its own piece of work (issue 3); say so rather than fall back silently.
    throw new Error('FIELDTRAIL_STORE=neo4j: the Neo4j adapter is not available in this version; use FIELDTRAIL_STORE=sqlite');
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
