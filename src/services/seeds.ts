/** The bundled seed inventories (seeds/*.yaml): loaded into an empty store on first start. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { InventoryStore } from '../store/inventory-store';
import { InventoryService } from './inventory-service';
import { readManifestFile } from './manifest-files';

/** The directory holding package.json, found from this file whether run from src/ or dist/. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

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
