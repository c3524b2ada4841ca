/**
 * `npm run bench -- --scale S|M|L`: every measurement of issue 7 in one run, in phases. The
 * results go to bench/out/<scale>[-neo4j][.quick].json (git-ignored), rewritten after every phase,
 * and a Markdown rendering beside it; only `--record` updates the committed bench/results/ and
 * BENCHMARKS.md, and only from a complete run.
 *
 * Flags: --scale S|M|L (default M), --store sqlite|neo4j (default sqlite), --seed N (generator
 * seed), --quick (short runs, for trying the harness; never recorded), --record (see above),
 * --keep (keep the database: the file under the temp directory, or the inventory in Neo4j).
 *
 * Each phase is timed against a CPU baseline taken just before and after it; a phase that fails is
 * recorded as failed (with its reason and whatever it measured) and the run goes on with the next.
 *
 * With --store neo4j every measurement runs against the Neo4j named by NEO4J_URI / NEO4J_USER /
 * NEO4J_PASSWORD or .neo4j/env (`npm run neo4j:start`); that database is emptied before each
 * import. Results have the same keys as the SQLite ones (what only SQLite has is null, explained
 * in `notes`); recorded, they update the side-by-side section of both stores at that scale.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readManifestFile } from '../src/services/manifest-files';
import { seedFiles } from '../src/services/seeds';
import { packageRoot } from '../src/util/package-root';
import { DEFAULT_SEED, generateInventory, prng, SCALES, type SyntheticScale } from './generate';
import {
  coldStartPhase,
  floorPhase,
  httpShippedPhase,
  httpUncachedPhase,
  importPhase,
  LINEAGE_FIELDS,
  naivePhase,
  roundTripPhase,
  storeCallsPhase,
  storePhase,
  type Ctx,
  type Plan,
} from './phases';
import { renderComparison, renderMarkdown, writeBenchmarksSection, writeComparisonSection, type Results } from './report';
import { derive, OUT_DIR, RECORD_DIR, resultsName, writeAtomically, type PhaseRecord } from './results-file';
import { killServerProcesses } from './server-process';
import { cpuBaselineMs, machine, round } from './stats';
import { BenchUsageError, neo4jBenchStore, sqliteBenchStore, type BenchStore, type BenchStoreKind } from './stores';

type Scale = 'S' | SyntheticScale;

function plan(scale: Scale, quick: boolean): Plan {
  if (quick) return { importRuns: 1, coldStarts: 1, lineageRounds: 1, throughputRuns: 1, throughputSeconds: 2, warmupSeconds: 1, batchedRuns: 3, naiveRuns: 1, baselineRuns: 3 };
  return {
    baselineRuns: 7,
    importRuns: 3,
    coldStarts: scale === 'L' ? 3 : 5,
    lineageRounds: 3,
    throughputRuns: 3,
    throughputSeconds: 10,
    warmupSeconds: 2,
    batchedRuns: 10,
    naiveRuns: 3,
  };
}

const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** The phases in the order they run; all but the import need its database. */
const PHASES: Array<{ name: string; run: (ctx: Ctx) => Promise<void>; sqliteOnly?: string }> = [
  { name: 'import', run: importPhase },
  { name: 'lineage_floor', run: floorPhase },
  { name: 'lineage_store', run: storePhase },
  { name: 'cold_start', run: coldStartPhase },
  { name: 'http_uncached', run: httpUncachedPhase },
  { name: 'http_shipped', run: httpShippedPhase },
  { name: 'store_calls', run: storeCallsPhase },
  { name: 'nplus1', run: naivePhase },
  {
    name: 'nplus1_round_trip',
    run: roundTripPhase,
    sqliteOnly: 'not run: the modelled 1 ms timer stands in for a networked store on SQLite; on Neo4j every store call is a real Bolt round trip, measured in nplus1_speedup',
  },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'M' },
      store: { type: 'string', default: 'sqlite' },
      seed: { type: 'string' },
      quick: { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const scale = values.scale as Scale;
  if (!['S', 'M', 'L'].includes(scale)) throw new BenchUsageError(`--scale must be S, M or L, got "${values.scale}"`);
  const storeKind = values.store as BenchStoreKind;
  if (storeKind !== 'sqlite' && storeKind !== 'neo4j') throw new BenchUsageError(`--store must be sqlite or neo4j, got "${values.store}"`);
  if (values.record && values.quick) throw new BenchUsageError('--record takes full runs only: --quick figures are for trying the harness');
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  const p = plan(scale, values.quick!);
  const root = packageRoot();
  const started = performance.now();
  const sqliteVersion = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  // Reached (and its settings checked) before anything is generated: a missing server fails at once.
  const work = mkdtempSync(join(tmpdir(), `fieldtrail-bench-${scale}-`));
  let bench: BenchStore;
  try {
    bench = storeKind === 'neo4j' ? await neo4jBenchStore(root, process.env) : sqliteBenchStore(join(work, 'fieldtrail.db'), sqliteVersion);
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
  const name = resultsName(scale, bench.kind, values.quick!);
  const outFile = join(root, OUT_DIR, `${name}.json`);
  log(`scale ${scale}, store ${bench.location} (${bench.version}), work directory ${work}; results in ${outFile.slice(root.length + 1)}`);

  const phases: Record<string, PhaseRecord> = {};
  const r: Record<string, any> = {
    scale,
    store: { kind: bench.kind, version: bench.version, location: bench.location, server_rss_mb: null },
    notes: {} as Record<string, string>,
    spec: scale === 'S' ? null : SCALES[scale],
    date: new Date().toISOString(),
    machine: machine(sqliteVersion),
    // Other work on the machine skews every figure: say how busy it was.
    load_average: { at_start: loadavg().map((v) => round(v, 2)), at_end: null },
    seed,
    complete: false,
    phases,
    lineage_detail: {},
    nplus1_detail: {},
    nplus1_with_round_trip: null,
  };
  const save = () => {
    derive(r);
    r.load_average.at_end = loadavg().map((v) => round(v, 2));
    r.bench_seconds = round((performance.now() - started) / 1000, 0);
    writeAtomically(outFile, JSON.stringify(r, null, 2) + '\n');
  };
  // Killed or interrupted: what the finished phases measured is already in the file; say where it stopped.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const record of Object.values(phases)) if (record.status === 'running') Object.assign(record, { status: 'aborted', reason: `the run got ${signal}` });
      save();
      killServerProcesses();
      if (!values.keep) rmSync(work, { recursive: true, force: true });
      console.error(`bench: ${signal}: stopped; the figures measured so far are in ${outFile}`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }

  // ---- the inventory ---------------------------------------------------------------------
  let t = performance.now();
  const ctx: Ctx = { root, bench, p, log, r, input: undefined };
  if (scale === 'S') {
    const files = seedFiles();
    if (files.length !== 1) throw new Error(`scale S expects one seed file, found ${files.length}`);
    ctx.input = readManifestFile(files[0]);
    r.generator = { source: files[0].slice(root.length + 1) };
  } else {
    const generated = generateInventory(scale, seed);
    ctx.input = generated.manifest;
    r.generator = generated.stats;
  }
  r.generate_ms = round(performance.now() - t, 0);
  log(`inventory ready in ${r.generate_ms} ms`);
  save();

  for (const phase of PHASES) {
    if (phase.sqliteOnly && bench.kind !== 'sqlite') {
      phases[phase.name] = { status: 'not_applicable', reason: phase.sqliteOnly };
      if (phase.name === 'nplus1_round_trip') r.notes.nplus1_with_round_trip = phase.sqliteOnly;
      continue;
    }
    if (phase.name !== 'import' && phases.import?.status !== 'ok') {
      phases[phase.name] = { status: 'skipped', reason: 'the import failed: there is no database to measure' };
      save();
      continue;
    }
    const record: PhaseRecord = { status: 'running', cpu_baseline_ms: { before: cpuBaselineMs(p.baselineRuns) } };
    phases[phase.name] = record;
    save();
    t = performance.now();
    try {
      await phase.run(ctx);
      record.status = 'ok';
    } catch (err) {
      Object.assign(record, { status: 'failed', reason: err instanceof Error ? err.message.slice(0, 2000) : String(err) });
      log(`phase ${phase.name} FAILED (the run goes on):`, err);
      killServerProcesses();
    }
    record.seconds = round((performance.now() - t) / 1000, 1);
    record.cpu_baseline_ms!.after = cpuBaselineMs(p.baselineRuns);
    log(`phase ${phase.name}: ${record.status} in ${record.seconds} s; cpu baseline ${record.cpu_baseline_ms!.before} → ${record.cpu_baseline_ms!.after} ms`);
    if (phase.name === 'import' && ctx.manifest) {
      const m = ctx.manifest;
      r.inventory = {
        fields: m.fields.length,
        categories: m.categories.length,
        parties: m.parties.length,
        flows: m.flows.length,
        sensitive_fields: (r.generator as { sensitiveFields?: number }).sensitiveFields ?? null,
      };
      ctx.sample = chooseSample(m.fields.map((f) => f.key), seed);
      ctx.input = null; // the rest of the run needs only the parsed manifest
    }
    save();
  }
  r.store.server_rss_mb = bench.serverRssMb();
  if (bench.kind === 'neo4j') Object.assign(r.notes, NEO4J_NOTES);
  const unfinished = Object.entries(phases).filter(([, rec]) => rec.status !== 'ok' && rec.status !== 'not_applicable');
  r.complete = unfinished.length === 0;
  save();
  log(`wrote ${outFile.slice(root.length + 1)}${r.complete ? '' : ` (incomplete: ${unfinished.map(([k, rec]) => `${k} ${rec.status}`).join(', ')})`}`);
  writeAtomically(join(root, OUT_DIR, `${name}.md`), renderOut(root, r as unknown as Results, bench.kind, values.quick!));

  if (values.record) {
    if (!r.complete) {
      process.exitCode = 1;
      log('not recorded: a run with failed phases does not replace the committed figures (its results stay in bench/out/)');
    } else record(root, r as unknown as Results, bench.kind, scale);
  }
  if (!values.keep) {
    rmSync(work, { recursive: true, force: true });
    if (bench.kind === 'neo4j') await bench.empty();
  }
  await bench.close();
  log(`done in ${r.bench_seconds} s`);
  if (!r.complete) process.exitCode = 1;
}

/** The fields lineage is asked for: LINEAGE_FIELDS of them, drawn with the seed (repeated when fewer). */
function chooseSample(fieldKeys: string[], seed: number): string[] {
  const random = prng(seed ^ 0x1eaf);
  const sample: string[] = [];
  if (fieldKeys.length <= LINEAGE_FIELDS) {
    while (sample.length < LINEAGE_FIELDS) sample.push(fieldKeys[sample.length % fieldKeys.length]);
    return sample;
  }
  const chosen = new Set<number>();
  while (chosen.size < LINEAGE_FIELDS) chosen.add(Math.floor(random() * fieldKeys.length));
  for (const i of chosen) sample.push(fieldKeys[i]);
  return sample;
}

const NEO4J_NOTES: Record<string, string> = {
  'import_detail.database_mb': 'SQLite file size; Neo4j keeps its store files on the server (not measured)',
  nplus1_detail: 'store times are the wall time with at least one store call in flight (Bolt round trips included), not the synchronous time of the embedded store',
  throughput_rps: 'the Neo4j adapter has no cheap change mark, so the answer cache is off on Neo4j: the "as shipped" server computes every answer, like the uncached one',
  lineage_cached_ms: 'no answer cache on Neo4j (see throughput_rps): every answer is computed',
  lineage_detail: 'store_first_request_ms is the first round of requests; the Neo4j adapter keeps no in-process index to fill',
  rss_mb: 'the FieldTrail server process only; the Neo4j server process is store.server_rss_mb',
};

/** bench/out/<name>.md: this run's table, and the side-by-side section when the other store's run is in bench/out/ too. */
function renderOut(root: string, r: Results, kind: BenchStoreKind, quick: boolean): string {
  const parts = kind === 'sqlite' ? [renderMarkdown(r)] : [];
  const other = join(root, OUT_DIR, `${resultsName(r.scale, kind === 'sqlite' ? 'neo4j' : 'sqlite', quick)}.json`);
  if (existsSync(other)) {
    const both = [r, JSON.parse(readFileSync(other, 'utf8')) as Results];
    if (kind === 'neo4j') both.reverse();
    try {
      parts.push(`## SQLite and Neo4j side by side, scale ${r.scale}\n\n${renderComparison(both[0], both[1])}`);
    } catch (err) {
      parts.push(`(no side-by-side section: ${(err as Error).message})`);
    }
  }
  return (parts.length ? parts.join('\n\n') : `No table of its own for a Neo4j run; see ${OUT_DIR}/${resultsName(r.scale, kind, quick)}.json.`) + '\n';
}

/** `--record`: the committed results file, this scale's table (SQLite) and the side-by-side section. */
function record(root: string, r: Results, kind: BenchStoreKind, scale: Scale): void {
  const dir = join(root, RECORD_DIR);
  writeAtomically(join(dir, `${resultsName(scale, kind, false)}.json`), JSON.stringify(r, null, 2) + '\n');
  log(`recorded ${RECORD_DIR}/${resultsName(scale, kind, false)}.json`);
  const markdown = join(root, 'BENCHMARKS.md');
  // The SQLite run owns its scale's table; either run refreshes the side-by-side section when
  // both stores' recorded results exist.
  if (kind === 'sqlite') {
    writeBenchmarksSection(markdown, scale, renderMarkdown(r));
    log('updated BENCHMARKS.md');
  }
  const other = join(dir, kind === 'sqlite' ? `${scale}-neo4j.json` : `${scale}.json`);
  if (existsSync(other)) {
    const both = [r, JSON.parse(readFileSync(other, 'utf8')) as Results];
    if (kind === 'neo4j') both.reverse();
    writeComparisonSection(markdown, both[0], both[1]);
    log(`updated the side-by-side section of BENCHMARKS.md (scale ${scale}, SQLite and Neo4j)`);
  } else if (kind === 'neo4j') {
    log(`no ${RECORD_DIR}/${scale}.json: run \`npm run bench -- --scale ${scale} --record\` for the SQLite side of BENCHMARKS.md`);
  }
}

main().then(
  () => process.exit(),
  (err) => {
    // A mistake in how the bench was started is one line; anything else keeps its stack.
    console.error(err instanceof BenchUsageError ? `bench: ${err.message}` : err);
    killServerProcesses();
    process.exit(1);
  },
);
