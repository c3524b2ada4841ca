/** Reading and writing manifests as YAML or JSON files. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { Manifest } from '../domain/manifest';
import { ValidationError } from '../domain/problems';

export type ManifestFormat = 'yaml' | 'json';

export function formatOf(path: string): ManifestFormat {
  return /\.json$/i.test(path) ? 'json' : 'yaml';
}

/** Parses manifest text; syntax errors become a ValidationError naming the line. */
export function parseManifestText(text: string, format: ManifestFormat, source = 'manifest'): unknown {
  try {
    // YAML is a superset of JSON, but JSON.parse gives the exact position for .json files.
    return format === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 1000 });
  } catch (err) {
    throw new ValidationError([{ path: '', message: `${source} is not valid ${format.toUpperCase()}: ${(err as Error).message}` }], `cannot read ${source}`);
  }
}

export function readManifestFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ValidationError([{ path: '', message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }], 'cannot read manifest');
  }
  return parseManifestText(text, formatOf(path), path);
}

export function serializeManifest(manifest: Manifest, format: ManifestFormat): string {
  return format === 'json'
    ? JSON.stringify(manifest, null, 2) + '\n'
    : stringifyYaml(manifest, { lineWidth: 0, aliasDuplicateObjects: false });
}
