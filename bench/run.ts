/**
 * `npm run bench -- --scale S|M|L`: every measurement of issue 7 in one run, written to
 * bench/results/<scale>.json and to that scale's table in BENCHMARKS.md.
 *
 * Flags: --scale S|M|L (default M), --store sqlite|neo4j (default sqlite), --seed N (generator
 * seed), --quick (short runs, for trying the harness; results are then written to
 * bench/results/<scale>[-neo4j].quick.json and not to BENCHMARKS.md), --keep (keep the database:
 * the file under the temp directory, or the inventory in Neo4j).
 *
 * With --store neo4j every measurement runs against the Neo4j named by NEO4J_URI / NEO4J_USER /
 * NEO4J_PASSWORD or .neo4j/env (`npm run neo4j:start`); that database is emptied before each
 * import. Results go to bench/results/<scale>-neo4j.json with the same keys as the SQLite ones
 * (what only SQLite has is null, explained in `notes`), and BENCHMARKS.md gets the side-by-side
 * section of both stores at that scale.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../src/domain/manifest';
import { checkReferences } from '../src/domain/references';
import { parseManifest } from '../src/domain/validate';
import { startServer } from '../src/server';
import { InventoryService } from '../src/services/inventory-service';
import { readManifestFile } from '../src/services/manifest-files';
import { seedFiles } from '../src/services/seeds';
import { packageRoot } from '../src/util/package-root';
import { buildFloorIndex, FloorTracer } from './floor';
import { DEFAULT_SEED, generateInventory, prng, SCALES, type SyntheticScale } from './generate';
import { FIELD_LIST_QUERY, FIELD_PAGE_QUERY, FIELD_PAGE_WIDE_HOPS_QUERY, LINEAGE_QUERY, OVERVIEW_QUERY, TYPENAME_QUERY } from './queries';
import { GRAPHQL_HEADERS, post, startServerProcess, type ServerProcess } from './server-process';
import { cpuBaselineMs, machine, round, summarize, type Summary } from './stats';
import { countCalls, unbatched, withRoundTrip } from './store-wrappers';
import { renderMarkdown, writeBenchmarksSection, writeComparisonSection } from './report';
import { BenchUsageError, neo4jBenchStore, sqliteBenchStore, type BenchStore, type BenchStoreKind } from './stores';

type Scale = 'S' | SyntheticScale;

const MAX_DEPTH = 5;
const MAX_PATHS = 1000;
const LINEAGE_FIELDS = 1000;
/** The modelled network round trip before each store call in `nplus1_with_round_trip`. */
const ROUND_TRIP_MS = 1;

interface Plan {
  importRuns: number;
  coldStarts: number;
  lineageRounds: number;
  throughputRuns: number;
  throughputSeconds: number;
  warmupSeconds: number;
  batchedRuns: number;
  naiveRuns: number;
}

function plan(scale: Scale, quick: boolean): Plan {
  if (quick) return { importRuns: 1, coldStarts: 1, lineageRounds: 1, throughputRuns: 1, throughputSeconds: 2, warmupSeconds: 1, batchedRuns: 3, naiveRuns: 1 };
  return {
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'M' },
      store: { type: 'string', default: 'sqlite' },
      seed: { type: 'string' },
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const scale = values.scale as Scale;
  if (!['S', 'M', 'L'].includes(scale)) throw new BenchUsageError(`--scale must be S, M or L, got "${values.scale}"`);
  const storeKind = values.store as BenchStoreKind;
  if (storeKind !== 'sqlite' && storeKind !== 'neo4j') throw new BenchUsageError(`--store must be sqlite or neo4j, got "${values.store}"`);
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  const p = plan(scale, values.quick!);
  const root = packageRoot();
  const started = performance.now();
  // Other work on the machine skews every figure: say how busy it was.
  const loadStart = loadavg();
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
  log(`scale ${scale}, store ${bench.location} (${bench.version}), work directory ${work}`);
  const notes: Record<string, string> = {};
  const baseline = { cpu_ms: cpuBaselineMs() };
  log('cpu baseline', baseline.cpu_ms, 'ms');

  // ---- the inventory ---------------------------------------------------------------------
  let t = performance.now();
  let input: unknown;
  let generator: unknown;
  if (scale === 'S') {
    const files = seedFiles();
    if (files.length !== 1) throw new Error(`scale S expects one seed file, found ${files.length}`);
    input = readManifestFile(files[0]);
    generator = { source: files[0].slice(root.length + 1) };
  } else {
    const generated = generateInventory(scale, seed);
    input = generated.manifest;
    generator = generated.stats;
  }
  const generateMs = performance.now() - t;
  log(`inventory ready in ${Math.round(generateMs)} ms`);

  // ---- import: the normal service path into an empty store, all or nothing ---------------
  t = performance.now();
  const manifest: Manifest = parseManifest(input);
  const parseMs = performance.now() - t;
  t = performance.now();
  const problems = checkReferences(manifest);
  const checkMs = performance.now() - t;
  if (problems.length > 0) throw new Error(`generated manifest is invalid: ${JSON.stringify(problems.slice(0, 5))}`);
  if (bench.kind === 'neo4j') log(`emptying ${bench.location} (every node is deleted before each import)`);
  t = performance.now();
  await bench.empty();
  if (bench.kind === 'neo4j') log(`emptied in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const writer = await bench.open();
  t = performance.now();
  await writer.write(manifest, 'REPLACE');
  const writeMs = performance.now() - t;
  await writer.close();
  log(`breakdown: parse ${Math.round(parseMs)} ms, reference check ${Math.round(checkMs)} ms, store write ${Math.round(writeMs)} ms`);
  const importSeconds: number[] = [];
  for (let i = 0; i < p.importRuns; i++) {
    t = performance.now();
    await bench.empty();
    if (bench.kind === 'neo4j') log(`emptied in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const store = await bench.open();
    t = performance.now();
    await new InventoryService(store).importManifest(input, 'REPLACE');
    importSeconds.push((performance.now() - t) / 1000);
    await store.close();
    log(`import run ${i + 1}: ${importSeconds[i].toFixed(2)} s`);
  }
  const flows = manifest.flows.length;
  const importRates = importSeconds.map((s) => flows / s);
  input = null; // the rest of the run needs only the parsed manifest

  // ---- which fields lineage is asked for ---------------------------------------------------
  const random = prng(seed ^ 0x1eaf);
  const fieldKeys = manifest.fields.map((f) => f.key);
  const sample: string[] = [];
  if (fieldKeys.length <= LINEAGE_FIELDS) {
    while (sample.length < LINEAGE_FIELDS) sample.push(fieldKeys[sample.length % fieldKeys.length]);
  } else {
    const chosen = new Set<number>();
    while (chosen.size < LINEAGE_FIELDS) chosen.add(Math.floor(random() * fieldKeys.length));
    for (const i of chosen) sample.push(fieldKeys[i]);
  }

  // ---- the floor: BFS over integer adjacency arrays ------------------------------------------
  t = performance.now();
  const floorIndex = buildFloorIndex(manifest);
  const floorBuildMs = performance.now() - t;
  const tracer = new FloorTracer(floorIndex);
  const floorPaths = sample.map((k) => tracer.downstream(k, MAX_DEPTH, MAX_PATHS).paths);
  const floorSamples: number[] = [];
  for (let round = 0; round < p.lineageRounds + 1; round++) {
    for (const key of sample) {
      const t0 = performance.now();
      tracer.downstream(key, MAX_DEPTH, MAX_PATHS);
      if (round > 0) floorSamples.push(performance.now() - t0); // round 0 warms the JIT
    }
  }
  log('floor p50', summarize(floorSamples).p50, 'ms');

  // ---- the store, called directly --------------------------------------------------------------
  const direct = await bench.open();
  const request = (fieldKey: string) => ({ fieldKey, direction: 'DOWNSTREAM' as const, limits: { maxDepth: MAX_DEPTH, maxPaths: MAX_PATHS }, startKeys: null });
  t = performance.now();
  const first = await direct.traceLineage([request(sample[0])]);
  const indexBuildMs = performance.now() - t;
  const storeSamples: number[] = [];
  const storeFirstTouch: number[] = [];
  const storePaths: number[] = [];
  let truncatedCount = 0;
  for (let round = 0; round < p.lineageRounds + 1; round++) {
    for (const key of sample) {
      const t0 = performance.now();
      const [traced] = await direct.traceLineage([request(key)]);
      const ms = performance.now() - t0;
      if (round > 0) storeSamples.push(ms);
      else {
        // Round 0 is each field's first request: the store reads its flows into the index.
        storeFirstTouch.push(ms);
        storePaths.push(traced.paths.length);
        if (traced.truncated) truncatedCount++;
      }
    }
  }
  void first;
  const mismatches = sample.filter((_, i) => storePaths[i] !== floorPaths[i]);
  const pathCounts = summarize(storePaths, 0);
  log('store p50', summarize(storeSamples).p50, 'ms; path count mismatches vs floor:', mismatches.length);
  await direct.close();

  // ---- cold start: process start to the first answer, on the existing database ------------------
  const coldStart: number[] = [];
  const coldListening: number[] = [];
  for (let i = 0; i < p.coldStarts; i++) {
    const server = await startServerProcess(root, bench.target);
    await post(server.url, LINEAGE_QUERY, { key: sample[0] });
    coldStart.push(performance.now() - server.startedAt);
    coldListening.push(server.listeningMs);
    await server.stop();
    log(`cold start ${i + 1}: ${Math.round(coldStart[i])} ms (listening after ${Math.round(server.listeningMs)} ms)`);
  }

  // ---- over HTTP, without the answer cache: the work each request really costs ----------------
  // Lineage latency and the uncached throughputs come from a server with FIELDTRAIL_RESPONSE_CACHE_MB=0,
  // so repeated rounds measure the work, not memory.
  const uncached: ServerProcess = await startServerProcess(root, bench.target, { FIELDTRAIL_RESPONSE_CACHE_MB: '0' });
  await post(uncached.url, LINEAGE_QUERY, { key: sample[0] });
  const httpLineage: number[] = [];
  const httpFloor: number[] = [];
  let responseBytes = 0;
  for (let round = 0; round < p.lineageRounds + 1; round++) {
    for (const key of sample) {
      const t0 = performance.now();
      const body = JSON.stringify(await post(uncached.url, LINEAGE_QUERY, { key }));
      if (round > 0) httpLineage.push(performance.now() - t0);
      else responseBytes += body.length;
    }
  }
  for (let i = 0; i < 1000 + LINEAGE_FIELDS; i++) {
    const t0 = performance.now();
    await post(uncached.url, TYPENAME_QUERY);
    if (i >= 1000) httpFloor.push(performance.now() - t0);
  }
  log('http lineage p50', summarize(httpLineage).p50, 'ms; { __typename } p50', summarize(httpFloor).p50, 'ms');

  // Throughput: check each query answers without errors, then autocannon.
  const throughput = async (url: string, name: string, query: string, vary: boolean, runs = p.throughputRuns) => {
    // The check request, timed: when an answer takes longer than a run, the run completes none.
    const tCheck = performance.now();
    await post(url, query, vary ? { key: sample[0] } : undefined);
    const oneRequestMs = round(performance.now() - tCheck, 1);
    const rates: number[] = [];
    let latencyP50 = 0;
    let latencyP99 = 0;
    for (let run = 0; run < runs + 1; run++) {
      let next = 0;
      const body = () => JSON.stringify(vary ? { query, variables: { key: sample[next++ % sample.length] } } : { query });
      const result = await autocannon({
        url,
        connections: 10,
        duration: run === 0 ? p.warmupSeconds : p.throughputSeconds,
        method: 'POST',
        headers: GRAPHQL_HEADERS,
        body: body(),
        requests: vary ? [{ method: 'POST', setupRequest: (req) => ({ ...req, body: body() }) }] : undefined,
        // Slow queries queue behind each other on the server's one thread: wait for them.
        timeout: 120,
      });
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
      }
      if (run === 0) continue; // warm-up
      // Completed answers over the run's length (answers still in flight at the end are not counted).
      rates.push(result['2xx'] / (result.duration || p.throughputSeconds));
      latencyP50 = Math.max(latencyP50, result.latency.p50);
      latencyP99 = Math.max(latencyP99, result.latency.p99);
    }
    const s = summarize(rates, 1);
    log(`${name}: ${s.p50} req/s${s.min === 0 ? ` (a run completed no answer; one request alone took ${oneRequestMs} ms)` : ''}`);
    return { rps: s, latency_ms: { p50: latencyP50, p99: latencyP99, one_request_ms: oneRequestMs } };
  };
  const fieldPageUncachedRps = await throughput(uncached.url, 'field page, no answer cache', FIELD_PAGE_QUERY, true);
  const fieldPageWideRps = await throughput(uncached.url, 'field page, hops with both ends, no answer cache', FIELD_PAGE_WIDE_HOPS_QUERY, true, 1);
  const overviewUncachedRps = await throughput(uncached.url, 'overview, no answer cache', OVERVIEW_QUERY, false);
  const rssUncached = uncached.rssMb();
  await uncached.stop();

  // ---- over HTTP, as shipped (answer cache on): throughput, cached latency, memory -------------
  const server: ServerProcess = await startServerProcess(root, bench.target);
  await post(server.url, LINEAGE_QUERY, { key: sample[0] });
  const rssAfterLoading = server.rssMb();
  const floorRps = await throughput(server.url, 'floor { __typename }', TYPENAME_QUERY, false);
  // Every field page of the sample asked once first: the runs then measure answers kept in memory.
  let fieldPageBytes = 0;
  for (const key of sample) fieldPageBytes += JSON.stringify(await post(server.url, FIELD_PAGE_QUERY, { key })).length;
  log(`field pages of the sample: ${Math.round(fieldPageBytes / sample.length)} bytes on average, ${Math.round(fieldPageBytes / 2 ** 20)} MB in all`);
  const fieldPageRps = await throughput(server.url, 'field page', FIELD_PAGE_QUERY, true);
  const overviewRps = await throughput(server.url, 'overview', OVERVIEW_QUERY, false);
  for (const key of sample) await post(server.url, LINEAGE_QUERY, { key });
  const httpLineageCached: number[] = [];
  for (const key of sample) {
    const t0 = performance.now();
    await post(server.url, LINEAGE_QUERY, { key });
    httpLineageCached.push(performance.now() - t0);
  }
  const rssAfterLoad = server.rssMb();
  await server.stop();

  // ---- store calls and N+1, in this process, on the real HTTP path ------------------------------
  // On Neo4j a store call is a network round trip: its time is counted until it settles.
  const timing = bench.kind === 'neo4j' ? 'in-flight' : 'sync';
  const counted = await bench.open();
  const counter = countCalls(counted, timing);
  // No answer cache here: these figures are about the store calls one request makes.
  const countingServer = await startServer(counter.store, { port: 0, host: '127.0.0.1', responseCacheMb: 0, logError: (e) => console.error(e) });
  const callsFor = async (first: number) => {
    counter.reset();
    const res = (await post(countingServer.url, FIELD_LIST_QUERY, { first })) as { data: { personalFields: { nodes: unknown[] } } };
    if (res.data.personalFields.nodes.length !== Math.min(first, manifest.fields.length)) throw new Error('field list came back short');
    return { total: counter.total(), byMethod: Object.fromEntries([...counter.calls].sort()) };
  };
  await callsFor(10); // warm
  const listBytes = JSON.stringify(await post(countingServer.url, FIELD_LIST_QUERY, { first: 500 })).length;
  const calls10 = await callsFor(10);
  const calls500 = await callsFor(500);
  const batched: number[] = [];
  const batchedStoreMs: number[] = [];
  for (let i = 0; i < p.batchedRuns + 1; i++) {
    counter.reset();
    const t0 = performance.now();
    await post(countingServer.url, FIELD_LIST_QUERY, { first: 500 });
    if (i > 0) {
      batched.push(performance.now() - t0);
      batchedStoreMs.push(counter.ms());
    }
  }
  await countingServer.stop();

  const naiveCounter = countCalls(counted, timing);
  const naiveServer = await startServer(unbatched(naiveCounter.store), { port: 0, host: '127.0.0.1', responseCacheMb: 0, logError: (e) => console.error(e) });
  const naive: number[] = [];
  const naiveStoreMs: number[] = [];
  let naiveCalls = 0;
  for (let i = 0; i < p.naiveRuns; i++) {
    naiveCounter.reset();
    const t0 = performance.now();
    await post(naiveServer.url, FIELD_LIST_QUERY, { first: 500 });
    naive.push(performance.now() - t0);
    naiveStoreMs.push(naiveCounter.ms());
    naiveCalls = naiveCounter.total();
  }
  await naiveServer.stop();
  log(`field list of 500: batched ${summarize(batched).p50} ms (${calls500.total} store calls), naive ${summarize(naive).p50} ms (${naiveCalls} store calls)`);

  // The same comparison with a modelled network round trip before every store call (what a
  // store on another machine would add); a model, reported apart from the measurement. On Neo4j
  // the round trips are real (the measurement above), so the model is not run there.
  const remoteList = async (store: ReturnType<typeof withRoundTrip>, runs: number) => {
    const server = await startServer(store, { port: 0, host: '127.0.0.1', responseCacheMb: 0, logError: (e) => console.error(e) });
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      await post(server.url, FIELD_LIST_QUERY, { first: 500 });
      if (i > 0) times.push(performance.now() - t0);
    }
    await server.stop();
    return summarize(times, 1);
  };
  let withModelledRoundTrip: { what: string; round_trip_ms: number; batched_ms: Summary; naive_ms: Summary; speedup: number } | null = null;
  if (bench.kind === 'sqlite') {
    const remoteBatched = await remoteList(withRoundTrip(counted, ROUND_TRIP_MS), p.batchedRuns);
    const remoteNaive = await remoteList(unbatched(withRoundTrip(counted, ROUND_TRIP_MS)), 1);
    log(`with a ${ROUND_TRIP_MS} ms round trip per store call: batched ${remoteBatched.p50} ms, naive ${remoteNaive.p50} ms`);
    withModelledRoundTrip = {
      what: `a modelled round trip: every store call first waits ${ROUND_TRIP_MS} ms (a timer), both paths; the naive path runs once after a warm-up`,
      round_trip_ms: ROUND_TRIP_MS,
      batched_ms: remoteBatched,
      naive_ms: remoteNaive,
      speedup: round(remoteNaive.p50 / remoteBatched.p50, 1),
    };
  } else {
    notes.nplus1_with_round_trip =
      'not run: the modelled 1 ms timer stands in for a networked store on SQLite; on Neo4j every store call is a real Bolt round trip, measured in nplus1_speedup';
  }
  await counted.close();
  const storeServerRss = bench.serverRssMb();

  // ---- results -----------------------------------------------------------------------------------
  const lineageMs = summarize(httpLineage);
  const lineageStoreMs = summarize(storeSamples, 4);
  const lineageFloorMs = summarize(floorSamples, 4);
  const httpFloorMs = summarize(httpFloor);
  const coldStartMs = summarize(coldStart, 0);
  const importRate = summarize(importRates, 0);
  const dbMb = bench.sizeMb();
  if (bench.kind === 'neo4j') {
    notes['import_detail.database_mb'] = 'SQLite file size; Neo4j keeps its store files on the server (not measured)';
    notes.nplus1_detail =
      'store times are the wall time with at least one store call in flight (Bolt round trips included), not the synchronous time of the embedded store';
    notes.throughput_rps =
      'the Neo4j adapter has no cheap change mark, so the answer cache is off on Neo4j: the "as shipped" server computes every answer, like the uncached one';
    notes.lineage_cached_ms = 'no answer cache on Neo4j (see throughput_rps): every answer is computed';
    notes.lineage_detail = 'store_first_request_ms is the first round of requests; the Neo4j adapter keeps no in-process index to fill';
    notes.rss_mb = 'the FieldTrail server process only; the Neo4j server process is store.server_rss_mb';
  }
  const results = {
    scale,
    store: {
      kind: bench.kind,
      version: bench.version,
      location: bench.location,
      /** The Neo4j server process's memory at the end of the HTTP measurements (null: embedded, or pid unknown). */
      server_rss_mb: storeServerRss,
    },
    notes,
    spec: scale === 'S' ? null : SCALES[scale],
    date: new Date().toISOString(),
    machine: machine(sqliteVersion),
    load_average: { at_start: loadStart.map((v) => round(v, 2)), at_end: loadavg().map((v) => round(v, 2)) },
    seed,
    generator,
    inventory: {
      fields: manifest.fields.length,
      categories: manifest.categories.length,
      parties: manifest.parties.length,
      flows,
      sensitive_fields: (generator as { sensitiveFields?: number }).sensitiveFields ?? null,
    },
    generate_ms: round(generateMs, 0),
    baseline,
    lineage_ms: lineageMs,
    lineage_store_ms: lineageStoreMs,
    lineage_floor_ms: lineageFloorMs,
    overhead_ratio: round(lineageMs.p50 / lineageStoreMs.p50, 2),
    floor_ratio: round(lineageStoreMs.p50 / lineageFloorMs.p50, 2),
    lineage_detail: {
      fields: new Set(sample).size,
      requests_per_round: sample.length,
      rounds: p.lineageRounds,
      paths_per_field: pathCounts,
      truncated_fields: truncatedCount,
      mean_response_bytes: Math.round(responseBytes / sample.length),
      floor_path_count_mismatches: mismatches.length,
      store_first_request_ms: summarize(storeFirstTouch, 4),
      first_call_ms: round(indexBuildMs, 1),
      floor_index_build_ms: round(floorBuildMs, 0),
      http_floor_ms: httpFloorMs,
    },
    store_calls: { list_10: calls10.total, list_500: calls500.total, by_method_10: calls10.byMethod, by_method_500: calls500.byMethod },
    nplus1_speedup: round(summarize(naive).p50 / summarize(batched).p50, 1),
    nplus1_detail: {
      batched_ms: summarize(batched, 1),
      naive_ms: summarize(naive, 1),
      naive_store_calls: naiveCalls,
      batched_store_ms: summarize(batchedStoreMs, 1),
      naive_store_ms: summarize(naiveStoreMs, 1),
      store_time_speedup: round(summarize(naiveStoreMs).p50 / summarize(batchedStoreMs).p50, 1),
      response_bytes: listBytes,
    },
    nplus1_with_round_trip: withModelledRoundTrip,
    throughput_rps: { overview: overviewRps.rps, field_page: fieldPageRps.rps },
    throughput_latency_ms: { overview: overviewRps.latency_ms, field_page: fieldPageRps.latency_ms, floor: floorRps.latency_ms },
    throughput_uncached_rps: { overview: overviewUncachedRps.rps, field_page: fieldPageUncachedRps.rps, field_page_hops_with_ends: fieldPageWideRps.rps },
    throughput_uncached_latency_ms: { overview: overviewUncachedRps.latency_ms, field_page: fieldPageUncachedRps.latency_ms },
    floor_rps: floorRps.rps,
    field_page_vs_floor: round(fieldPageRps.rps.p50 / floorRps.rps.p50, 3),
    field_page_uncached_vs_floor: round(fieldPageUncachedRps.rps.p50 / floorRps.rps.p50, 3),
    lineage_cached_ms: summarize(httpLineageCached),
    field_page_mean_bytes: Math.round(fieldPageBytes / sample.length),
    import_flows_per_s: importRate,
    import_detail: {
      runs_s: importSeconds.map((s) => round(s, 2)),
      mode:
        bench.kind === 'neo4j'
          ? 'REPLACE into an empty Neo4j database (every node deleted first), through InventoryService.importManifest'
          : 'REPLACE into an empty file database, through InventoryService.importManifest',
      parse_ms: round(parseMs, 0),
      reference_check_ms: round(checkMs, 0),
      store_write_ms: round(writeMs, 0),
      store_write_flows_per_s: round(flows / (writeMs / 1000), 0),
      database_mb: dbMb === null ? null : round(dbMb, 1),
    },
    cold_start_ms: coldStartMs,
    cold_start_detail: { listening_ms: summarize(coldListening, 0), what: 'spawn of `node dist/src/cli.js serve` to the first lineage answer, existing database' },
    rss_mb: { after_loading: rssAfterLoading.rss, after_load_run: rssAfterLoad.rss, peak: Math.max(rssAfterLoad.peak, rssUncached.peak) },
    rss_uncached_server_mb: rssUncached,
    ratios_to_cpu_baseline: {
      lineage_p50: round(lineageMs.p50 / baseline.cpu_ms, 4),
      lineage_p99: round(lineageMs.p99 / baseline.cpu_ms, 4),
      lineage_store_p50: round(lineageStoreMs.p50 / baseline.cpu_ms, 5),
      cold_start: round(coldStartMs.p50 / baseline.cpu_ms, 2),
      import_s_per_100k_flows: round(((100_000 / importRate.p50) * 1000) / baseline.cpu_ms, 2),
    },
    ratios_to_http_floor: {
      lineage_p50: round(lineageMs.p50 / httpFloorMs.p50, 2),
      lineage_p99: round(lineageMs.p99 / httpFloorMs.p50, 2),
    },
    bench_seconds: 0,
  };
  results.bench_seconds = round((performance.now() - started) / 1000, 0);

  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${scale}${bench.kind === 'neo4j' ? '-neo4j' : ''}${values.quick ? '.quick' : ''}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${file.slice(root.length + 1)}`);
  if (!values.quick) {
    const markdown = join(root, 'BENCHMARKS.md');
    // The SQLite run owns its scale's table; either run refreshes the side-by-side section when
    // both stores' results exist.
    if (bench.kind === 'sqlite') {
      writeBenchmarksSection(markdown, scale, renderMarkdown(results));
      log('updated BENCHMARKS.md');
    }
    const other = join(resultsDir, bench.kind === 'sqlite' ? `${scale}-neo4j.json` : `${scale}.json`);
    if (existsSync(other)) {
      const both = [results, JSON.parse(readFileSync(other, 'utf8'))];
      if (bench.kind === 'neo4j') both.reverse();
      writeComparisonSection(markdown, both[0], both[1]);
      log(`updated the side-by-side section of BENCHMARKS.md (scale ${scale}, SQLite and Neo4j)`);
    } else if (bench.kind === 'neo4j') {
      log(`no ${other.slice(root.length + 1)}: run \`npm run bench -- --scale ${scale}\` for the SQLite side of BENCHMARKS.md`);
    }
  }
  if (!values.keep) {
    rmSync(work, { recursive: true, force: true });
    if (bench.kind === 'neo4j') await bench.empty();
  }
  await bench.close();
  log(`done in ${results.bench_seconds} s`);
}

main().then(
  () => process.exit(0),
  (err) => {
    // A mistake in how the bench was started is one line; anything else keeps its stack.
    console.error(err instanceof BenchUsageError ? `bench: ${err.message}` : err);
    process.exit(1);
  },
);
