/**
 * Prints the list-size statistics (store.listSizeStatistics(), what the query cost model
 * estimates with) of a synthetic inventory, loaded into an in-memory SQLite store, as JSON.
 * `test/security/fixtures/list-sizes-L.json` was written by
 * `npx ts-node --transpile-only bench/list-sizes.ts --scale L > test/security/fixtures/list-sizes-L.json`
 * (about 30 s on 2 cores), so the cost model's test prices documents at L without loading L.
 */
import { parseArgs } from 'node:util';
import { InventoryService } from '../src/services/inventory-service';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { DEFAULT_SEED, generateInventory, SCALES, type SyntheticScale } from './generate';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'M' }, seed: { type: 'string' } } });
  const scale = values.scale as SyntheticScale;
  if (!(scale in SCALES)) throw new Error(`--scale must be M or L, got "${values.scale}"`);
  const store = new SqliteStore({ path: ':memory:' });
  try {
    await store.migrate();
    const { manifest } = generateInventory(scale, values.seed ? Number(values.seed) : DEFAULT_SEED);
    await new InventoryService(store).importManifest(manifest, 'REPLACE');
    process.stdout.write(`${JSON.stringify(await store.listSizeStatistics(), null, 1)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
