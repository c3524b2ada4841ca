/** `migrate` and `copy`: whole stores, not their contents. */
import { copyStores } from '../composition';
import type { Config } from '../config';
import { UsageError, withStore } from './common';

export const STORES_USAGE = `  migrate                    bring the configured store's schema up to date (SQLite migrations,
                             Neo4j constraints and indexes); idempotent
  copy --from STORE --to STORE
                             copy a whole inventory between stores and verify it by comparing exports;
                             STORE is sqlite:PATH or a Neo4j URI (neo4j://, neo4j+s://, bolt://)
`;

/** Opening a store migrates it; all that is left is to say so. */
export async function migrate(config: Config): Promise<number> {
  await withStore(config, async (store) => console.log(`fieldtrail: ${store.location} is up to date`));
  return 0;
}

export async function copy(from: string | undefined, to: string | undefined): Promise<number> {
  if (!from || !to) throw new UsageError('copy needs --from STORE and --to STORE');
  const summary = await copyStores(from, to, process.env);
  console.log(`copied ${summary.nodes} nodes from ${summary.from} to ${summary.to}; the exports are identical`);
  return 0;
}
