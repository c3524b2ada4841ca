/**
 * The committed contracts (schema/schema.graphql, schema/manifest.schema.json) must be exactly what
 * the code emits, so every API change shows up in a reviewed diff. Run `npm run schema` to update.
 */
import { readFileSync } from 'node:fs';
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
