/**
 * Both store adapters for suites that must give the same answers on each: the embedded SQLite
 * store (in memory) always, and the project's Neo4j when one is configured (see neo4j.ts). On CI
 * a missing Neo4j is an error, never a silent skip.
 */
import type { InventoryStore } from '../../src/store/inventory-store';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { NEO4J_SKIP_NOTICE, neo4jRequired, neo4jTestSettings, openTestNeo4jStore } from './neo4j';

export type StoreKind = 'sqlite' | 'neo4j';

/** The adapters this run tests. */
export function testStoreKinds(): StoreKind[] {
  if (neo4jTestSettings()) return ['sqlite', 'neo4j'];
  if (neo4jRequired()) throw new Error(`CI must run the Neo4j suites. ${NEO4J_SKIP_NOTICE}`);
  return ['sqlite'];
}

/** A fresh, migrated, empty store of that kind; close() it when done (Neo4j: empties the database again). */
export async function openTestStore(kind: StoreKind): Promise<InventoryStore> {
  if (kind === 'neo4j') return openTestNeo4jStore();
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  return store;
}

/** `describe` once per adapter under test, titled `title (sqlite)`, `title (neo4j)`. */
export function describeEachStore(title: string, body: (kind: StoreKind) => void): void {
  for (const kind of testStoreKinds()) describe(`${title} (${kind})`, () => body(kind));
}
