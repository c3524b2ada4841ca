/** `import` and `export`: whole manifests in and out of the configured store. */
import { writeFileSync } from 'node:fs';
import type { Config } from '../config';
import { InventoryService } from '../services/inventory-service';
import { readManifestFile, serializeManifest, type ManifestFormat } from '../services/manifest-files';
import { cliActor, UsageError, withStore } from './common';

export const INVENTORY_USAGE = `  import FILE [--replace]    import a manifest (YAML or JSON); MERGE by default, --replace empties first
  export [--format yaml|json] [--out FILE]
                             write the whole inventory as a manifest (stdout by default)
`;

export async function importManifest(config: Config, args: string[], replace: boolean): Promise<number> {
  if (args.length !== 1) throw new UsageError('import takes exactly one FILE');
  await withStore(config, async (store) => {
    const summary = await new InventoryService(store).importManifest(readManifestFile(args[0]), replace ? 'REPLACE' : 'MERGE', { actor: cliActor() });
    const counts = Object.entries(summary.written).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t}`).join(', ');
    console.log(`imported ${args[0]} (${summary.mode}) into ${store.location}: ${counts || 'nothing'}${summary.removed ? `; removed ${summary.removed} nodes first` : ''}`);
  }, { mayCreate: true });
  return 0;
}

export async function exportManifest(config: Config, values: { format?: string; out?: string }): Promise<number> {
  const format = (values.format ?? (values.out && /\.json$/i.test(values.out) ? 'json' : 'yaml')) as ManifestFormat;
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`--format must be yaml or json, got "${format}"`);
  await withStore(config, async (store) => {
    const text = serializeManifest(await new InventoryService(store).exportManifest(), format);
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text);
  });
  return 0;
}
