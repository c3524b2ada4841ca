/**
 * Times the two validation phases of an import (shape parse, reference check) on a generated
 * inventory, repeated, reporting medians. Not part of `npm run bench`.
 *
 * Usage: npx tsc -p bench/tsconfig.json && node --expose-gc --max-old-space-size=6144 \
 *   dist/bench/validate-phases.js [--scale L] [--runs 5] [--zod]
 */
import { parseArgs } from 'node:util';
import { manifestSchema, type Manifest } from '../src/domain/manifest';
import { checkReferences } from '../src/domain/references';
import { parseManifest } from '../src/domain/validate';
import { generateInventory, type SyntheticScale } from './generate';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'L' }, runs: { type: 'string', default: '5' }, zod: { type: 'boolean', default: false } } });
const scale = values.scale as SyntheticScale;
const runs = Number(values.runs);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const input = generateInventory(scale).manifest;
const parse: number[] = [];
const zod: number[] = [];
const check: number[] = [];
let manifest: Manifest | null = null;
for (let i = 0; i < runs; i++) {
  manifest = null;
  gc();
  let t = performance.now();
  manifest = parseManifest(input);
  parse.push(performance.now() - t);
  gc();
  t = performance.now();
  const problems = checkReferences(manifest);
  check.push(performance.now() - t);
  if (problems.length > 0) throw new Error(`invalid: ${JSON.stringify(problems.slice(0, 3))}`);
  if (values.zod) {
    gc();
    t = performance.now();
    manifestSchema.parse(input);
    zod.push(performance.now() - t);
  }
}
const fmt = (xs: number[]) => `median ${Math.round(median(xs))} ms [${xs.map((x) => Math.round(x)).join(', ')}]`;
console.log(`scale ${scale}, ${runs} runs`);
console.log(`parseManifest   ${fmt(parse)}`);
console.log(`checkReferences ${fmt(check)}`);
if (values.zod) console.log(`zod parse       ${fmt(zod)}`);
