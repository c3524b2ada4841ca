/**
 * The compiled JavaScript that process tests spawn. Jest's global setup builds dist/ once per run
 * (`node scripts/build.js tests`), so a spawned CLI starts in about a second instead of paying a
 * ts-node transpile of its whole import graph.
 */
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** `node <COMPILED_CLI> …` is what `npm start` and an installed `fieldtrail` run. */
export const COMPILED_CLI = join(ROOT, 'dist', 'src', 'cli.js');

/** The compiled counterpart of a TypeScript file of this repository (e.g. a test fixture). */
export function compiledPath(tsFile: string): string {
  return join(ROOT, 'dist', relative(ROOT, tsFile)).replace(/\.ts$/, '.js');
}
