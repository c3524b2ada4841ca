/**
 * The measurements of a bench run, one function per phase (run.ts runs them in order, each with
 * its own CPU baseline). Every figure is put into `ctx.r` as soon as it is measured, so a phase
 * that fails half-way still leaves what it measured in the results file.
 */
import autocannon from 'autocannon';
import type { Manifest } from '../src/domain/manifest';
import { checkReferences } from '../src/domain/references';
import { parseManifest } from '../src/domain/validate';
import { startServer, type RunningServer } from '../src/server';
import { InventoryService } from '../src/services/inventory-service';
import { buildFloorIndex, FloorTracer } from './floor';
import { FIELD_LIST_QUERY, FIELD_PAGE_QUERY, FIELD_PAGE_WIDE_HOPS_QUERY, LINEAGE_QUERY, OVERVIEW_QUERY, TYPENAME_QUERY } from './queries';
import { GRAPHQL_HEADERS, post, startServerProcess } from './server-process';
import { round, summarize, type Summary } from './stats';
import { countCalls, unbatched, withRoundTrip } from './store-wrappers';
import type { BenchStore } from './stores';

export const MAX_DEPTH = 5;
export const MAX_PATHS = 1000;
export const LINEAGE_FIELDS = 1000;
/** The modelled network round trip before each store call in `nplus1_with_round_trip`. */
export const ROUND_TRIP_MS = 1;
/**
 * How long the naive (one store call per item) list may take, in its server and its client. It is
 * the slowest request of the run (16 s at L on a quiet machine, over 30 s, the server's default
 * request timeout, on a loaded one); a bound is kept so that a hung request still ends the phase.
 */
export const NAIVE_TIMEOUT_MS = 20 * 60_000;

export interface Plan {
  importRuns: number;
  coldStarts: number;
  lineageRounds: number;
  throughputRuns: number;
  throughputSeconds: number;
  warmupSeconds: number;
  batchedRuns: number;
  naiveRuns: number;
  /** Runs of the CPU baseline workload taken before and after each phase. */
  baselineRuns: number;
}

export interface Ctx {
  root: string;
  bench: BenchStore;
  p: Plan;
  log: (...args: unknown[]) => void;
  /** The results being built (the shape of report.ts's Results once every phase has run). */
  r: Record<string, any>;
  input: unknown;
  manifest?: Manifest;
  sample?: string[];
  floorPaths?: number[];
}

const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`${what} is missing (an earlier phase failed)`);
  return v;
};

/** Import: the normal service path into an empty store, all or nothing; the parse and write apart. */
export async function importPhase(ctx: Ctx): Promise<void> {
  const { bench, p, r, log } = ctx;
  let t = performance.now();
  const manifest: Manifest = parseManifest(ctx.input);
  const parseMs = performance.now() - t;
  t = performance.now();
  const problems = checkReferences(manifest);
  const checkMs = performance.now() - t;
  if (problems.length > 0) throw new Error(`generated manifest is invalid: ${JSON.stringify(problems.slice(0, 5))}`);
  ctx.manifest = manifest;
  if (bench.kind === 'neo4j') log(`emptying ${bench.location} (every node is deleted before each import)`);
  await bench.empty();
  const writer = await bench.open();
  t = performance.now();
  await writer.write(manifest, 'REPLACE');
  const writeMs = performance.now() - t;
  await writer.close();
  log(`breakdown: parse ${Math.round(parseMs)} ms, reference check ${Math.round(checkMs)} ms, store write ${Math.round(writeMs)} ms`);
  const flows = manifest.flows.length;
  const dbMb = bench.sizeMb();
  r.import_detail = {
    runs_s: [] as number[],
    mode:
      bench.kind === 'neo4j'
        ? 'REPLACE into an empty Neo4j database (every node deleted first), through InventoryService.importManifest'
        : 'REPLACE into an empty file database, through InventoryService.importManifest',
    parse_ms: round(parseMs, 0),
    reference_check_ms: round(checkMs, 0),
    store_write_ms: round(writeMs, 0),
    store_write_flows_per_s: round(flows / (writeMs / 1000), 0),
    database_mb: dbMb === null ? null : round(dbMb, 1),
  };
  for (let i = 0; i < p.importRuns; i++) {
    await bench.empty();
    const store = await bench.open();
    t = performance.now();
    await new InventoryService(store).importManifest(ctx.input, 'REPLACE');
    const seconds = (performance.now() - t) / 1000;
    await store.close();
    r.import_detail.runs_s.push(round(seconds, 2));
    r.import_flows_per_s = summarize(r.import_detail.runs_s.map((s: number) => flows / s), 0);
    log(`import run ${i + 1}: ${seconds.toFixed(2)} s`);
  }
}

/** The floor: BFS over integer adjacency arrays built from the manifest, on the sample's fields. */
export async function floorPhase(ctx: Ctx): Promise<void> {
  const manifest = need(ctx.manifest, 'the manifest');
  const sample = need(ctx.sample, 'the sample');
  const t = performance.now();
  const floorIndex = buildFloorIndex(manifest);
  ctx.r.lineage_detail.floor_index_build_ms = round(performance.now() - t, 0);
  const tracer = new FloorTracer(floorIndex);
  ctx.floorPaths = sample.map((k) => tracer.downstream(k, MAX_DEPTH, MAX_PATHS).paths);
  const samples: number[] = [];
  for (let i = 0; i < ctx.p.lineageRounds + 1; i++) {
    for (const key of sample) {
      const t0 = performance.now();
      tracer.downstream(key, MAX_DEPTH, MAX_PATHS);
      if (i > 0) samples.push(performance.now() - t0); // round 0 warms the JIT
    }
  }
  ctx.r.lineage_floor_ms = summarize(samples, 4);
  ctx.log('floor p50', ctx.r.lineage_floor_ms.p50, 'ms');
}

export const lineageRequest = (fieldKey: string) => ({ fieldKey, direction: 'DOWNSTREAM' as const, limits: { maxDepth: MAX_DEPTH, maxPaths: MAX_PATHS }, startKeys: null });

/** The store, called directly: each field's first request, then the timed rounds. */
export async function storePhase(ctx: Ctx): Promise<void> {
  const sample = need(ctx.sample, 'the sample');
  const direct = await ctx.bench.open();
  try {
    let t = performance.now();
    await direct.traceLineage([lineageRequest(sample[0])]);
    const firstCallMs = performance.now() - t;
    const samples: number[] = [];
    const firstTouch: number[] = [];
    const paths: number[] = [];
    let truncated = 0;
    for (let i = 0; i < ctx.p.lineageRounds + 1; i++) {
      for (const key of sample) {
        t = performance.now();
        const [traced] = await direct.traceLineage([lineageRequest(key)]);
        const ms = performance.now() - t;
        if (i > 0) samples.push(ms);
        else {
          // Round 0 is each field's first request: the store reads its flows into the index.
          firstTouch.push(ms);
          paths.push(traced.paths.length);
          if (traced.truncated) truncated++;
        }
      }
    }
    const mismatches = ctx.floorPaths ? sample.filter((_, i) => paths[i] !== ctx.floorPaths![i]).length : null;
    ctx.r.lineage_store_ms = summarize(samples, 4);
    Object.assign(ctx.r.lineage_detail, {
      fields: new Set(sample).size,
      requests_per_round: sample.length,
      rounds: ctx.p.lineageRounds,
      paths_per_field: summarize(paths, 0),
      truncated_fields: truncated,
      floor_path_count_mismatches: mismatches,
      store_first_request_ms: summarize(firstTouch, 4),
      first_call_ms: round(firstCallMs, 1),
    });
    ctx.log('store p50', ctx.r.lineage_store_ms.p50, 'ms; path count mismatches vs floor:', mismatches);
  } finally {
    await direct.close();
  }
}

/** Cold start: process start to the first answer, on the existing database. */
export async function coldStartPhase(ctx: Ctx): Promise<void> {
  const sample = need(ctx.sample, 'the sample');
  const coldStart: number[] = [];
  const listening: number[] = [];
  for (let i = 0; i < ctx.p.coldStarts; i++) {
    const server = await startServerProcess(ctx.root, ctx.bench.target);
    try {
      await post(server.url, LINEAGE_QUERY, { key: sample[0] });
      coldStart.push(performance.now() - server.startedAt);
      listening.push(server.listeningMs);
    } finally {
      await server.stop();
    }
    ctx.r.cold_start_ms = summarize(coldStart, 0);
    ctx.r.cold_start_detail = { listening_ms: summarize(listening, 0), what: 'spawn of `node dist/src/cli.js serve` to the first lineage answer, existing database' };
    ctx.log(`cold start ${i + 1}: ${Math.round(coldStart[i])} ms (listening after ${Math.round(server.listeningMs)} ms)`);
  }
}

type Throughput = { rps: Summary; latency_ms: { p50: number; p99: number; one_request_ms: number } };

/** Checks the query answers without errors (timed: when an answer outlasts a run, the run completes none), then autocannon. */
async function throughput(ctx: Ctx, url: string, name: string, query: string, vary: boolean, runs = ctx.p.throughputRuns): Promise<Throughput> {
  const { p } = ctx;
  const sample = need(ctx.sample, 'the sample');
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
  ctx.log(`${name}: ${s.p50} req/s${s.min === 0 ? ` (a run completed no answer; one request alone took ${oneRequestMs} ms)` : ''}`);
  return { rps: s, latency_ms: { p50: latencyP50, p99: latencyP99, one_request_ms: oneRequestMs } };
}

/**
 * Over HTTP without the answer cache (FIELDTRAIL_RESPONSE_CACHE_MB=0), so repeated rounds measure
 * the work: lineage latency, `{ __typename }` latency, and the uncached throughputs with their own
 * `{ __typename }` floor measured on the same server in the same phase.
 */
export async function httpUncachedPhase(ctx: Ctx): Promise<void> {
  const { r, p } = ctx;
  const sample = need(ctx.sample, 'the sample');
  const server = await startServerProcess(ctx.root, ctx.bench.target, { FIELDTRAIL_RESPONSE_CACHE_MB: '0' });
  try {
    await post(server.url, LINEAGE_QUERY, { key: sample[0] });
    const lineage: number[] = [];
    const floor: number[] = [];
    let responseBytes = 0;
    for (let i = 0; i < p.lineageRounds + 1; i++) {
      for (const key of sample) {
        const t0 = performance.now();
        const body = JSON.stringify(await post(server.url, LINEAGE_QUERY, { key }));
        if (i > 0) lineage.push(performance.now() - t0);
        else responseBytes += body.length;
      }
    }
    for (let i = 0; i < 1000 + LINEAGE_FIELDS; i++) {
      const t0 = performance.now();
      await post(server.url, TYPENAME_QUERY);
      if (i >= 1000) floor.push(performance.now() - t0);
    }
    r.lineage_ms = summarize(lineage);
    r.lineage_detail.mean_response_bytes = Math.round(responseBytes / sample.length);
    r.lineage_detail.http_floor_ms = summarize(floor);
    ctx.log('http lineage p50', r.lineage_ms.p50, 'ms; { __typename } p50', r.lineage_detail.http_floor_ms.p50, 'ms');
    const floorRps = await throughput(ctx, server.url, 'floor { __typename }, no answer cache', TYPENAME_QUERY, false);
    r.floor_rps_uncached_server = floorRps.rps;
    const fieldPage = await throughput(ctx, server.url, 'field page, no answer cache', FIELD_PAGE_QUERY, true);
    r.throughput_uncached_rps = { field_page: fieldPage.rps };
    r.throughput_uncached_latency_ms = { field_page: fieldPage.latency_ms, floor: floorRps.latency_ms };
    const wide = await throughput(ctx, server.url, 'field page, hops with both ends, no answer cache', FIELD_PAGE_WIDE_HOPS_QUERY, true, 1);
    r.throughput_uncached_rps.field_page_hops_with_ends = wide.rps;
    const overview = await throughput(ctx, server.url, 'overview, no answer cache', OVERVIEW_QUERY, false);
    r.throughput_uncached_rps.overview = overview.rps;
    r.throughput_uncached_latency_ms.overview = overview.latency_ms;
    r.rss_uncached_server_mb = server.rssMb();
  } finally {
    await server.stop();
  }
}

/** Over HTTP as shipped (answer cache on): throughput against its own `{ __typename }` floor, cached latency, memory. */
export async function httpShippedPhase(ctx: Ctx): Promise<void> {
  const { r } = ctx;
  const sample = need(ctx.sample, 'the sample');
  const server = await startServerProcess(ctx.root, ctx.bench.target);
  try {
    await post(server.url, LINEAGE_QUERY, { key: sample[0] });
    r.rss_mb = { after_loading: server.rssMb().rss };
    const floorRps = await throughput(ctx, server.url, 'floor { __typename }', TYPENAME_QUERY, false);
    r.floor_rps = floorRps.rps;
    r.throughput_latency_ms = { floor: floorRps.latency_ms };
    // Every field page of the sample asked once first: the runs then measure answers kept in memory.
    let bytes = 0;
    for (const key of sample) bytes += JSON.stringify(await post(server.url, FIELD_PAGE_QUERY, { key })).length;
    r.field_page_mean_bytes = Math.round(bytes / sample.length);
    ctx.log(`field pages of the sample: ${r.field_page_mean_bytes} bytes on average, ${Math.round(bytes / 2 ** 20)} MB in all`);
    const fieldPage = await throughput(ctx, server.url, 'field page', FIELD_PAGE_QUERY, true);
    r.throughput_rps = { field_page: fieldPage.rps };
    r.throughput_latency_ms.field_page = fieldPage.latency_ms;
    const overview = await throughput(ctx, server.url, 'overview', OVERVIEW_QUERY, false);
    r.throughput_rps.overview = overview.rps;
    r.throughput_latency_ms.overview = overview.latency_ms;
    for (const key of sample) await post(server.url, LINEAGE_QUERY, { key });
    const cached: number[] = [];
    for (const key of sample) {
      const t0 = performance.now();
      await post(server.url, LINEAGE_QUERY, { key });
      cached.push(performance.now() - t0);
    }
    r.lineage_cached_ms = summarize(cached);
    const after = server.rssMb();
    Object.assign(r.rss_mb, { after_load_run: after.rss, peak: after.peak }); // the peak of both servers: see derive()
  } finally {
    await server.stop();
  }
}

const inProcess = (store: Parameters<typeof startServer>[0], requestTimeoutMs?: number): Promise<RunningServer> =>
  // No answer cache: these figures are about the store calls one request makes.
  startServer(store, { port: 0, host: '127.0.0.1', responseCacheMb: 0, requestTimeoutMs, logError: (e) => console.error(e) });

/** Store calls for 10 and 500 fields, and the batched list of 500, in this process on the real HTTP path. */
export async function storeCallsPhase(ctx: Ctx): Promise<void> {
  const { r, p } = ctx;
  const manifest = need(ctx.manifest, 'the manifest');
  // On Neo4j a store call is a network round trip: its time is counted until it settles.
  const counted = await ctx.bench.open();
  const counter = countCalls(counted, ctx.bench.kind === 'neo4j' ? 'in-flight' : 'sync');
  const server = await inProcess(counter.store);
  try {
    const callsFor = async (first: number) => {
      counter.reset();
      const res = (await post(server.url, FIELD_LIST_QUERY, { first })) as { data: { personalFields: { nodes: unknown[] } } };
      if (res.data.personalFields.nodes.length !== Math.min(first, manifest.fields.length)) throw new Error('field list came back short');
      return { total: counter.total(), byMethod: Object.fromEntries([...counter.calls].sort()) };
    };
    await callsFor(10); // warm
    const listBytes = JSON.stringify(await post(server.url, FIELD_LIST_QUERY, { first: 500 })).length;
    const calls10 = await callsFor(10);
    const calls500 = await callsFor(500);
    r.store_calls = { list_10: calls10.total, list_500: calls500.total, by_method_10: calls10.byMethod, by_method_500: calls500.byMethod };
    const times: number[] = [];
    const storeMs: number[] = [];
    for (let i = 0; i < p.batchedRuns + 1; i++) {
      counter.reset();
      const t0 = performance.now();
      await post(server.url, FIELD_LIST_QUERY, { first: 500 });
      if (i > 0) {
        times.push(performance.now() - t0);
        storeMs.push(counter.ms());
      }
    }
    Object.assign(r.nplus1_detail, { batched_ms: summarize(times, 1), batched_store_ms: summarize(storeMs, 1), response_bytes: listBytes });
    ctx.log(`field list of 500: batched ${r.nplus1_detail.batched_ms.p50} ms (${calls500.total} store calls)`);
  } finally {
    await server.stop();
    await counted.close();
  }
}

/** The same list with every batched call answered by one call per key; its own, long request timeout. */
export async function naivePhase(ctx: Ctx): Promise<void> {
  const { r } = ctx;
  const counted = await ctx.bench.open();
  const counter = countCalls(counted, ctx.bench.kind === 'neo4j' ? 'in-flight' : 'sync');
  const server = await inProcess(unbatched(counter.store), NAIVE_TIMEOUT_MS);
  try {
    const times: number[] = [];
    const storeMs: number[] = [];
    for (let i = 0; i < ctx.p.naiveRuns; i++) {
      counter.reset();
      const t0 = performance.now();
      await post(server.url, FIELD_LIST_QUERY, { first: 500 }, NAIVE_TIMEOUT_MS);
      times.push(performance.now() - t0);
      storeMs.push(counter.ms());
      Object.assign(r.nplus1_detail, { naive_ms: summarize(times, 1), naive_store_ms: summarize(storeMs, 1), naive_store_calls: counter.total() });
    }
    ctx.log(`field list of 500, naive: ${r.nplus1_detail.naive_ms.p50} ms (${r.nplus1_detail.naive_store_calls} store calls)`);
  } finally {
    await server.stop();
    await counted.close();
  }
}

/**
 * The same comparison with a modelled network round trip before every store call (what a store on
 * another machine would add); a model, reported apart from the measurement. SQLite only: on Neo4j
 * the round trips are real.
 */
export async function roundTripPhase(ctx: Ctx): Promise<void> {
  const counted = await ctx.bench.open();
  const list = async (store: Parameters<typeof startServer>[0], runs: number, timeoutMs?: number) => {
    const server = await inProcess(store, timeoutMs);
    try {
      const times: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const t0 = performance.now();
        await post(server.url, FIELD_LIST_QUERY, { first: 500 }, timeoutMs);
        if (i > 0) times.push(performance.now() - t0);
      }
      return summarize(times, 1);
    } finally {
      await server.stop();
    }
  };
  try {
    const batched = await list(withRoundTrip(counted, ROUND_TRIP_MS), ctx.p.batchedRuns);
    ctx.r.nplus1_with_round_trip = {
      what: `a modelled round trip: every store call first waits ${ROUND_TRIP_MS} ms (a timer), both paths; the naive path runs once after a warm-up`,
      round_trip_ms: ROUND_TRIP_MS,
      batched_ms: batched,
    };
    const naive = await list(unbatched(withRoundTrip(counted, ROUND_TRIP_MS)), 1, NAIVE_TIMEOUT_MS);
    Object.assign(ctx.r.nplus1_with_round_trip, { naive_ms: naive, speedup: round(naive.p50 / batched.p50, 1) });
    ctx.log(`with a ${ROUND_TRIP_MS} ms round trip per store call: batched ${batched.p50} ms, naive ${naive.p50} ms`);
  } finally {
    await counted.close();
  }
}
