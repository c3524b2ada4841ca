/**
 * The committed contracts (schema/schema.graphql, schema/manifest.schema.json) must be exactly what
 * the code emits, so every API change shows up in a reviewed diff. Run `npm run schema` to update.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestJsonSchema } from '../src/domain/manifest';
import { renderSdl } from '../src/graphql/sdl';

const SCHEMA_DIR = join(__dirname, '..', 'schema');

it('schema/schema.graphql is the SDL the code builds', async () => {
  expect(readFileSync(join(SCHEMA_DIR, 'schema.graphql'), 'utf8')).toBe(await renderSdl());
});

it('schema/manifest.schema.json is the JSON Schema of the manifest format', () => {
  expect(JSON.parse(readFileSync(join(SCHEMA_DIR, 'manifest.schema.json'), 'utf8'))).toEqual(manifestJsonSchema());
});

it('the SDL has the names dashboards and assessment tools code against', async () => {
  const sdl = await renderSdl();
  for (const needle of [
    'personalFields(after: String, filter: PersonalFieldFilter, first: Int = 50): PersonalFieldConnection!',
    'direction: LineageDirection = DOWNSTREAM',
    'maxDepth: Int = 5',
    '): Lineage!',
    'dataFlows(after: String, filter: DataFlowFilter, first: Int = 50): DataFlowConnection!',
    'importInventory(manifest: JSON!, mode: ImportMode = MERGE): ImportResult!',
    'recipients: [Party!]!',
    'crossBorder: Boolean!',
    'truncated: Boolean!',
  ]) {
    expect(sdl).toContain(needle);
  }
});

it('test/generated/graphql.ts is what codegen.yml generates from the committed SDL (run `npm run codegen`)', () => {
  const root = join(__dirname, '..');
  const out = mkdtempSync(join(tmpdir(), 'fieldtrail-codegen-'));
  // Same config, output redirected, so the check never rewrites the committed file.
  const config = readFileSync(join(root, 'codegen.yml'), 'utf8').replace('test/generated/graphql.ts:', `${join(out, 'graphql.ts')}:`);
  writeFileSync(join(out, 'codegen.yml'), config);
  const res = spawnSync(process.execPath, [join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', join(out, 'codegen.yml')], { cwd: root, encoding: 'utf8' });
  expect(res.status).toBe(0);
  expect(readFileSync(join(root, 'test', 'generated', 'graphql.ts'), 'utf8')).toBe(readFileSync(join(out, 'graphql.ts'), 'utf8'));
});
