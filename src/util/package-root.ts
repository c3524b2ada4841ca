/** Where the package is installed: seeds, the built dashboard and the schema are found from here. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
