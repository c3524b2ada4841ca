/** Validates manifest files: `ts-node scripts/check-manifest.ts seeds/*.yaml`. Exit 1 on problems. */
import { validateManifest } from '../src/domain/validate';
import { readManifestFile } from '../src/services/manifest-files';

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const m = validateManifest(readManifestFile(file), undefined, `invalid manifest ${file}`);
    console.log(`${file}: ok — ${m.documents.length} documents, ${m.documents.reduce((n, d) => n + d.clauses.length, 0)} clauses, ` +
      `${m.categories.length} categories, ${m.fields.length} fields, ${m.purposes.length} purposes, ${m.permissions.length} permissions, ` +
      `${m.parties.length} parties, ${m.legalBases.length} legal bases, ${m.flows.length} flows`);
  } catch (err) {
    failed = true;
    console.error((err as Error).message);
  }
}
process.exit(failed ? 1 : 0);
