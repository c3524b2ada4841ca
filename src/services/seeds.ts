/** The bundled seed inventories (seeds/*.yaml): loaded into an empty store on first start. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InventoryStore } from '../store/inventory-store';
import { packageRoot } from '../util/package-root';
import { InventoryService } from './inventory-service';
import { readManifestFile } from './manifest-files';

export function seedFiles(dir = join(packageRoot(), 'seeds')): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Seeds the store when it holds no policy document yet; returns the files loaded. */
export async function seedIfEmpty(store: InventoryStore, files = seedFiles()): Promise<string[]> {
  if ((await store.listAll('document')).length > 0) return [];
  const service = new InventoryService(store);
  for (const file of files) await service.importManifest(readManifestFile(file), 'MERGE');
  return files;
}
