/** Writes the public contract: schema/schema.graphql (SDL) and schema/manifest.schema.json. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestJsonSchema } from '../src/domain/manifest';
import { renderSdl } from '../src/graphql/sdl';
import { packageRoot } from '../src/util/package-root';

async function main() {
  const dir = join(packageRoot(), 'schema');
  writeFileSync(join(dir, 'schema.graphql'), await renderSdl());
  writeFileSync(join(dir, 'manifest.schema.json'), JSON.stringify(manifestJsonSchema(), null, 2) + '\n');
  console.log(`wrote ${dir}/schema.graphql and ${dir}/manifest.schema.json`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
