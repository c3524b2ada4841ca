/**
 * Turns results into the Markdown BENCHMARKS.md shows: each scale's SQLite table, and the
 * side-by-side section of SQLite and Neo4j at a scale (from bench/results/<scale>.json and
 * <scale>-neo4j.json). `node dist/bench/report.js --compare M` rewrites that section from the two
 * files without running anything.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from './stats';

export interface Results {
  scale: string;
  /** Absent in results written before `--store` existed (those are SQLite). */
  store?: { kind: 'sqlite' | 'neo4j'; version: string; location: string; server_rss_mb: { rss: number; peak: number } | null };
  notes?: Record<string, string>;
  date: string;
  machine: { cpu: string; cores: number; memory_gb: number; node: string; platform: string; sqlite: string };
  inventory: { fields: number; categories: number; parties: number; flows: number; sensitive_fields: number | null };
  /** per_phase: the baseline around each phase (absent in results before issue 16), what its ratios use. */
  baseline: { cpu_ms: number; per_phase?: Record<string, number | null> };
  /** Absent in results before issue 16 (those ran every phase or wrote nothing). */
  complete?: boolean;
  phases?: Record<string, { status: string; reason?: string; seconds?: number; cpu_baseline_ms?: { before: number; after?: number } }>;
  /** `{ __typename }` throughput on the server without the answer cache, next to its uncached runs. */
  floor_rps_uncached_server?: Summary;
  lineage_ms: Summary;
  lineage_store_ms: Summary;
  lineage_floor_ms: Summary;
  overhead_ratio: number;
  floor_ratio: number;
  lineage_detail: { paths_per_field: Summary; truncated_fields: number; mean_response_bytes: number; floor_path_count_mismatches: number; store_first_request_ms: Summary; http_floor_ms: Summary; fields: number; rounds: number };
  load_average: { at_start: number[]; at_end: number[] };
  store_calls: { list_10: number; list_500: number };
  nplus1_speedup: number;
  nplus1_detail: { batched_ms: Summary; naive_ms: Summary; naive_store_calls: number; batched_store_ms: Summary; naive_store_ms: Summary; store_time_speedup: number; response_bytes: number };
  /** Null on Neo4j, where the round trips are real. */
  nplus1_with_round_trip: { round_trip_ms: number; batched_ms: Summary; naive_ms: Summary; speedup: number } | null;
  throughput_rps: { overview: Summary; field_page: Summary };
  throughput_uncached_rps: { overview: Summary; field_page: Summary; field_page_hops_with_ends: Summary };
  floor_rps: Summary;
  field_page_vs_floor: number;
  field_page_uncached_vs_floor: number;
  lineage_cached_ms: Summary;
  import_flows_per_s: Summary;
  /** database_mb: null on Neo4j (its files are the server's). */
  import_detail: { parse_ms: number; reference_check_ms: number; store_write_ms: number; store_write_flows_per_s: number; database_mb: number | null };
  cold_start_ms: Summary;
  rss_mb: { after_loading: number; after_load_run: number; peak: number };
  /** one_request_ms: the check request before the runs (absent in older results). */
  throughput_latency_ms?: Record<string, { p50: number; p99: number; one_request_ms?: number }>;
  throughput_uncached_latency_ms?: Record<string, { p50: number; p99: number; one_request_ms?: number }>;
  cold_start_detail?: { listening_ms: Summary };
  ratios_to_cpu_baseline: Record<string, number>;
  ratios_to_http_floor: Record<string, number>;
  bench_seconds: number;
}

const n = (v: number) => v.toLocaleString('en-US');
const mmm = (s: Summary, unit = '') => `${n(s.min)} / ${n(s.p50)} / ${n(s.p99)}${unit}`;
const ok = (pass: boolean) => (pass ? '✅' : '❌');
const range = (s: Summary) => `${n(s.min)} / ${n(s.p50)} / ${n(s.max)}`;

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  // Each row is computed alone: in an incomplete run a row whose figures are missing says so.
  const rows: Array<[string, () => [string, string, string]]> = [
    ['lineage over HTTP, p50 / p99 (ms)', () => [`${r.lineage_ms.p50} / ${r.lineage_ms.p99}`, 'p99 ≤ 20', ok(r.lineage_ms.p99 <= 20)]],
    ['lineage on the store, p50 / p99 (ms)', () => [`${r.lineage_store_ms.p50} / ${r.lineage_store_ms.p99}`, '', '']],
    ['… first request for a field (fills the index), p50 / p99 (ms)', () => [`${r.lineage_detail.store_first_request_ms.p50} / ${r.lineage_detail.store_first_request_ms.p99}`, '', '']],
    ['lineage floor (BFS on arrays), p50 / p99 (ms)', () => [`${r.lineage_floor_ms.p50} / ${r.lineage_floor_ms.p99}`, '', '']],
    ['overhead_ratio (HTTP p50 / store p50)', () => [String(need(r.overhead_ratio)), '≤ 1.5', ok(r.overhead_ratio <= 1.5)]],
    ['floor_ratio (store p50 / floor p50)', () => [String(need(r.floor_ratio)), '≤ 10', ok(r.floor_ratio <= 10)]],
    ['store calls, 10 fields / 500 fields', () => [`${r.store_calls.list_10} / ${r.store_calls.list_500}`, 'equal, ≤ 8', ok(r.store_calls.list_10 === r.store_calls.list_500 && r.store_calls.list_500 <= 8)]],
    ['nplus1_speedup (500 fields, naive / batched)', () => [`${need(r.nplus1_speedup)}× (${r.nplus1_detail.naive_ms.p50} ms / ${r.nplus1_detail.batched_ms.p50} ms)`, '≥ 20', ok(r.nplus1_speedup >= 20)]],
    ...(r.store?.kind === 'neo4j'
      ? []
      : [
          [
            `… with a modelled ${r.nplus1_with_round_trip?.round_trip_ms ?? 1} ms round trip per store call (naive / batched)`,
            (): [string, string, string] => [`${need(r.nplus1_with_round_trip?.speedup)}× (${n(r.nplus1_with_round_trip!.naive_ms.p50)} ms / ${r.nplus1_with_round_trip!.batched_ms.p50} ms)`, '', ''],
          ] as [string, () => [string, string, string]],
        ]),
    ['… time inside the store only (naive / batched)', () => [`${need(r.nplus1_detail.store_time_speedup)}× (${r.nplus1_detail.naive_store_ms.p50} ms in ${n(r.nplus1_detail.naive_store_calls)} calls / ${r.nplus1_detail.batched_store_ms.p50} ms in ${r.store_calls.list_500})`, '', '']],
    ['throughput, field page, 1,000 fields in turn (req/s, min / median / max)', () => [range(r.throughput_rps.field_page), '≥ 30% of floor', ok(need(r.field_page_vs_floor) >= 0.3)]],
    ['… without the answer cache (req/s)', () => [range(r.throughput_uncached_rps.field_page), '', '']],
    ['… without the cache, asking each hop’s ends too (req/s)', () => [n(r.throughput_uncached_rps.field_page_hops_with_ends.p50), '', '']],
    ['throughput, overview (req/s)', () => [range(r.throughput_rps.overview), '', '']],
    ['… without the answer cache (req/s)', () => [range(r.throughput_uncached_rps.overview), '', '']],
    ['floor_rps `{ __typename }` (req/s)', () => [range(r.floor_rps), '', '']],
    ...(r.floor_rps_uncached_server || r.phases
      ? [['… on the server without the answer cache, next to its runs (req/s)', (): [string, string, string] => [range(need(r.floor_rps_uncached_server)), '', '']] as [string, () => [string, string, string]]]
      : []),
    [
      'field page / floor_rps',
      () => [
        `${(need(r.field_page_vs_floor) * 100).toFixed(1)}% (without the cache ${(need(r.field_page_uncached_vs_floor) * 100).toFixed(1)}%${r.floor_rps_uncached_server ? ', of that server’s floor' : ''})`,
        '≥ 30%',
        ok(r.field_page_vs_floor >= 0.3),
      ],
    ],
    ['import (flows/s, min / median / max)', () => [`${n(r.import_flows_per_s.min)} / ${n(r.import_flows_per_s.p50)} / ${n(r.import_flows_per_s.max)}`, '≥ 50,000', ok(r.import_flows_per_s.p50 >= 50_000)]],
    ['cold start (ms, min / median / max)', () => [`${n(r.cold_start_ms.min)} / ${n(r.cold_start_ms.p50)} / ${n(r.cold_start_ms.max)}`, '≤ 2,000', ok(r.cold_start_ms.max <= 2000)]],
    ['RSS after loading / after the load run / peak (MB)', () => [`${need(r.rss_mb.after_loading)} / ${need(r.rss_mb.after_load_run)} / ${need(r.rss_mb.peak)}`, '≤ 1,024', ok(r.rss_mb.peak <= 1024)]],
  ];
  const MISSING = 'not measured (its phase did not finish)';
  const table = rows.map(([label, cells]) => {
    try {
      return [label, ...cells()];
    } catch {
      return [label, MISSING, '', ''];
    }
  });
  const line = (f: () => string) => {
    try {
      return [f()];
    } catch {
      return [];
    }
  };
  const inv = r.inventory;
  return [
    `Measured ${r.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, ${m.platform}, Node ${m.node}, SQLite ${m.sqlite}; ` +
      `load average ${r.load_average.at_start.join(' ')} at the start, ${(r.load_average.at_end ?? []).join(' ')} at the end; ` +
      (inv
        ? `${n(inv.fields)} fields, ${n(inv.categories)} categories, ${n(inv.parties)} parties, ${n(inv.flows)} flows` +
          `${inv.sensitive_fields != null ? ` (${n(inv.sensitive_fields)} sensitive)` : ''}. `
        : '') +
      `Whole run: ${r.bench_seconds} s.`,
    ...(r.complete === false ? ['', `**Incomplete run:** ${phaseProblems(r)}.`] : []),
    '',
    '| measure | result | target (at L) | met |',
    '| --- | --- | --- | --- |',
    ...table.map((row) => `| ${row.join(' | ')} |`),
    '',
    ...line(
      () =>
        `Lineage: ${need(r.lineage_detail.fields)} fields, paths per field min / median / p99 ${mmm(r.lineage_detail.paths_per_field)}, ` +
        `${r.lineage_detail.truncated_fields} answers truncated by maxDepth 5 or the path cap, ${n(need(r.lineage_detail.mean_response_bytes))} bytes per answer on average; ` +
        `path counts equal to the floor's for every field but ${r.lineage_detail.floor_path_count_mismatches}. ` +
        `\`{ __typename }\` one at a time: p50 ${r.lineage_detail.http_floor_ms.p50} ms. ` +
        `Lineage latency is measured on a server without the answer cache (each field asked in ${r.lineage_detail.rounds} rounds); asked again of the shipped server, an answer comes from the cache in p50 ${r.lineage_cached_ms.p50} / p99 ${r.lineage_cached_ms.p99} ms.`,
    ),
    ...line(() => `The list of 500 fields answers ${n(need(r.nplus1_detail.response_bytes))} bytes.`),
    ...line(
      () =>
        `Import: parse ${n(r.import_detail.parse_ms)} ms, reference check ${n(r.import_detail.reference_check_ms)} ms, ` +
        `store write ${n(r.import_detail.store_write_ms)} ms (${n(r.import_detail.store_write_flows_per_s)} flows/s)${r.import_detail.database_mb !== null ? `; database ${r.import_detail.database_mb} MB` : ''}.`,
    ),
    baselineLine(r) +
      ` ${r.baseline?.per_phase ? 'Ratios to them' : 'ratios to it'}: ${Object.entries(r.ratios_to_cpu_baseline ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
      `Ratios to \`{ __typename }\` latency: ${Object.entries(r.ratios_to_http_floor ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
  ].join('\n');
}

function need<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw new Error('missing');
  return v;
}

/** "CPU baseline …": per phase when the run measured it so, else the one figure of older runs. */
function baselineLine(r: Results): string {
  const per = r.baseline?.per_phase;
  if (!per) return `CPU baseline ${r.baseline.cpu_ms} ms;`;
  const phases = Object.entries(per)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `CPU baseline per phase (ms, the mean of one taken before and one after the phase; each ratio uses its own phase's): ${phases}.`;
}

function phaseProblems(r: Results): string {
  return Object.entries(r.phases ?? {})
    .filter(([, p]) => p.status !== 'ok' && p.status !== 'not_applicable')
    .map(([k, p]) => `${k} ${p.status}${p.reason ? ` (${p.reason.split('\n')[0].slice(0, 200)})` : ''}`)
    .join('; ');
}

/** Replaces the text between this scale's markers (appends a section when there is none). */
export function writeBenchmarksSection(file: string, scale: string, body: string): void {
  writeMarkedSection(file, scale, `Scale ${scale}`, body);
}

/**
 * Replaces the text between `<!-- bench:<marker>:start -->` and `…:end -->`; appends a section
 * with this heading when the markers are not there.
 */
export function writeMarkedSection(file: string, marker: string, heading: string, body: string): void {
  const start = `<!-- bench:${marker}:start -->`;
  const end = `<!-- bench:${marker}:end -->`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${body}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  writeFileSync(file, next);
}

// ---- SQLite and Neo4j side by side -----------------------------------------------------------------

/** The issue's targets for the Neo4j adapter (at M). */
export const NEO4J_TARGETS = { lineageP99Ms: 50, importFlowsPerS: 10_000, nplus1Speedup: 20, coldStartMs: 3000 };

const dash = '—';
const or = <T>(v: T | null | undefined, f: (v: T) => string) => (v === null || v === undefined ? dash : f(v));

/**
 * The side-by-side section: the same measures from a SQLite run and a Neo4j run at one scale.
 * Says so plainly when the two runs are not from the same machine or the same day.
 */
export function renderComparison(sqlite: Results, neo: Results): string {
  if ((sqlite.store?.kind ?? 'sqlite') !== 'sqlite') throw new Error(`the first results must be SQLite's, got ${sqlite.store?.kind}`);
  if (neo.store?.kind !== 'neo4j') throw new Error(`the second results must be Neo4j's, got ${neo.store?.kind ?? 'sqlite'}`);
  if (sqlite.scale !== neo.scale) throw new Error(`scales differ: ${sqlite.scale} and ${neo.scale}`);
  const T = NEO4J_TARGETS;
  // Lineage timings at the store are hundredths of a millisecond: four decimals, not three.
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 4 });
  const range = (s: Summary) => `${n(s.min)} / ${n(s.p50)} / ${n(s.max)}`;
  const p50p99 = (s: Summary) => `${n(s.p50)} / ${n(s.p99)}`;
  // A run that completed no answer says how long one answer took alone.
  const rps = (s: Summary, latency?: { one_request_ms?: number }) =>
    range(s) + (s.min === 0 && latency?.one_request_ms !== undefined ? ` (a run completed no answer; one request alone ${n(latency.one_request_ms)} ms)` : '');
  const rss = (r: Results) => `${r.rss_mb.after_loading} / ${r.rss_mb.after_load_run} / ${r.rss_mb.peak}`;
  const nplus1 = (r: Results) => `${r.nplus1_speedup}× (${n(r.nplus1_detail.naive_ms.p50)} ms / ${n(r.nplus1_detail.batched_ms.p50)} ms)`;
  const storeTime = (r: Results) =>
    `${n(r.nplus1_detail.naive_store_ms.p50)} ms in ${n(r.nplus1_detail.naive_store_calls)} calls / ${n(r.nplus1_detail.batched_store_ms.p50)} ms in ${r.store_calls.list_500}`;
  const rows: Array<[string, string, string, string, string]> = [
    ['lineage over HTTP, p50 / p99 (ms)', p50p99(sqlite.lineage_ms), p50p99(neo.lineage_ms), `p99 ≤ ${T.lineageP99Ms}`, ok(neo.lineage_ms.p99 <= T.lineageP99Ms)],
    ['lineage on the store, p50 / p99 (ms)', p50p99(sqlite.lineage_store_ms), p50p99(neo.lineage_store_ms), '', ''],
    ['… first round (each field’s first request), p50 / p99 (ms)', p50p99(sqlite.lineage_detail.store_first_request_ms), p50p99(neo.lineage_detail.store_first_request_ms), '', ''],
    ['lineage floor (BFS on arrays, in the bench process), p50 / p99 (ms)', p50p99(sqlite.lineage_floor_ms), p50p99(neo.lineage_floor_ms), '', ''],
    ['floor_ratio (store p50 / floor p50)', String(sqlite.floor_ratio), String(neo.floor_ratio), '', ''],
    ['overhead_ratio (HTTP p50 / store p50)', String(sqlite.overhead_ratio), String(neo.overhead_ratio), '', ''],
    ['fields whose path count differs from the floor’s', String(sqlite.lineage_detail.floor_path_count_mismatches), String(neo.lineage_detail.floor_path_count_mismatches), '0', ok(neo.lineage_detail.floor_path_count_mismatches === 0)],
    ['store calls, 10 fields / 500 fields', `${sqlite.store_calls.list_10} / ${sqlite.store_calls.list_500}`, `${neo.store_calls.list_10} / ${neo.store_calls.list_500}`, 'equal', ok(neo.store_calls.list_10 === neo.store_calls.list_500)],
    ['nplus1_speedup (500 fields, naive / batched, wall time of the request)', nplus1(sqlite), nplus1(neo), `≥ ${T.nplus1Speedup}, real round trips`, ok(neo.nplus1_speedup >= T.nplus1Speedup)],
    ['… time in store calls (naive / batched)¹', storeTime(sqlite), storeTime(neo), '', ''],
    [
      '… with a modelled 1 ms round trip per store call (naive / batched)',
      or(sqlite.nplus1_with_round_trip, (m) => `${m.speedup}× (${n(m.naive_ms.p50)} ms / ${n(m.batched_ms.p50)} ms)`),
      neo.nplus1_with_round_trip ? `${neo.nplus1_with_round_trip.speedup}×` : 'not run: the round trips are real',
      '',
      '',
    ],
    ['import (flows/s, min / median / max)', range(sqlite.import_flows_per_s), range(neo.import_flows_per_s), `≥ ${n(T.importFlowsPerS)}`, ok(neo.import_flows_per_s.p50 >= T.importFlowsPerS)],
    ['… store write alone (ms; flows/s)', `${n(sqlite.import_detail.store_write_ms)}; ${n(sqlite.import_detail.store_write_flows_per_s)}`, `${n(neo.import_detail.store_write_ms)}; ${n(neo.import_detail.store_write_flows_per_s)}`, '', ''],
    ['… parse / reference check (ms, the same code in both)', `${n(sqlite.import_detail.parse_ms)} / ${n(sqlite.import_detail.reference_check_ms)}`, `${n(neo.import_detail.parse_ms)} / ${n(neo.import_detail.reference_check_ms)}`, '', ''],
    ['database size (MB)', or(sqlite.import_detail.database_mb, String), neo.import_detail.database_mb === null ? 'not measured (the server’s files)' : String(neo.import_detail.database_mb), '', ''],
    ['cold start to the first lineage answer (ms, min / median / max)', range(sqlite.cold_start_ms), range(neo.cold_start_ms), `≤ ${n(T.coldStartMs)}`, ok(neo.cold_start_ms.max <= T.coldStartMs)],
    ['throughput, field page, server as shipped (req/s, min / median / max)²', range(sqlite.throughput_rps.field_page), rps(neo.throughput_rps.field_page, neo.throughput_latency_ms?.field_page), '', ''],
    ['… without the answer cache (req/s)', range(sqlite.throughput_uncached_rps.field_page), rps(neo.throughput_uncached_rps.field_page, neo.throughput_uncached_latency_ms?.field_page), '', ''],
    ['… without the cache, asking each hop’s ends too (req/s)', n(sqlite.throughput_uncached_rps.field_page_hops_with_ends.p50), n(neo.throughput_uncached_rps.field_page_hops_with_ends.p50), '', ''],
    ['throughput, overview, server as shipped (req/s)²', range(sqlite.throughput_rps.overview), rps(neo.throughput_rps.overview, neo.throughput_latency_ms?.overview), '', ''],
    ['… without the answer cache (req/s)', range(sqlite.throughput_uncached_rps.overview), rps(neo.throughput_uncached_rps.overview, neo.throughput_uncached_latency_ms?.overview), '', ''],
    ['floor_rps `{ __typename }` (req/s)', range(sqlite.floor_rps), range(neo.floor_rps), '', ''],
    ['FieldTrail server RSS after loading / after the load run / peak (MB)', rss(sqlite), rss(neo), '', ''],
    ['Neo4j server process RSS / peak (MB)', dash, or(neo.store?.server_rss_mb, (m) => `${n(m.rss)} / ${n(m.peak)}`), '', ''],
    ['whole run (s)', n(sqlite.bench_seconds), n(neo.bench_seconds), '', ''],
  ];
  const day = (r: Results) => r.date.slice(0, 10);
  const sameMachine = (['cpu', 'cores', 'memory_gb', 'platform', 'node'] as const).every((k) => sqlite.machine[k] === neo.machine[k]);
  const warnings: string[] = [];
  if (!sameMachine) warnings.push(`the two runs are from different machines (SQLite: ${describeMachine(sqlite)}; Neo4j: ${describeMachine(neo)})`);
  if (day(sqlite) !== day(neo)) warnings.push(`the two runs are from different days (SQLite ${day(sqlite)}, Neo4j ${day(neo)})`);
  const m = neo.machine;
  const load = (r: Results) => `${r.load_average.at_start.join(' ')} → ${r.load_average.at_end.join(' ')}`;
  return [
    `SQLite run ${sqlite.date.slice(0, 16).replace('T', ' ')} UTC, Neo4j run ${neo.date.slice(0, 16).replace('T', ' ')} UTC, both on ${describeMachine(neo)}; ` +
      `SQLite ${sqlite.machine.sqlite} embedded, ${neo.store!.version} on the same machine over Bolt on loopback (\`npm run neo4j:start\`). ` +
      `Load average SQLite run ${load(sqlite)}, Neo4j run ${load(neo)}. ` +
      `CPU baseline ${sqlite.baseline.cpu_ms} ms and ${neo.baseline.cpu_ms} ms. ` +
      `${n(neo.inventory.fields)} fields, ${n(neo.inventory.parties)} parties, ${n(neo.inventory.flows)} flows in both` +
      `${sqlite.inventory.flows !== neo.inventory.flows ? ` (**the SQLite run had ${n(sqlite.inventory.flows)} flows: not the same inventory**)` : ''}.`,
    ...(warnings.length ? ['', `**Not comparable as they stand:** ${warnings.join('; ')}. Run both again: \`npm run bench -- --scale ${neo.scale}\` and \`npm run bench -- --scale ${neo.scale} --store neo4j\`.`] : []),
    '',
    `| measure | SQLite | Neo4j | Neo4j target | met |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `¹ SQLite: time until each call returns (the embedded store works synchronously); Neo4j: wall time with at least one store call in flight, Bolt round trips included.`,
    `² The answer cache is on in the SQLite server as shipped; the Neo4j adapter has no cheap change mark, so no answers are cached on Neo4j and both Neo4j rows compute every answer.`,
    `The Neo4j server, the FieldTrail server and the bench share the machine's ${m.cores} cores in the Neo4j run; in the SQLite run the store runs inside the FieldTrail server.`,
    ...(Object.keys(neo.notes ?? {}).length ? [`Neo4j notes: ${Object.entries(neo.notes ?? {}).map(([k, v]) => `\`${k}\`: ${v}`).join('; ')}.`] : []),
  ].join('\n');
}

function describeMachine(r: Results): string {
  const m = r.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, ${m.platform}, Node ${m.node}`;
}

/** Writes the side-by-side section of BENCHMARKS.md for the scale of these results. */
export function writeComparisonSection(file: string, sqlite: Results, neo: Results): void {
  writeMarkedSection(file, `${neo.scale}:stores`, `SQLite and Neo4j side by side, scale ${neo.scale}`, renderComparison(sqlite, neo));
}

// `node dist/bench/report.js --compare M`: the side-by-side section from the two results files.
if (require.main === module) {
  const i = process.argv.indexOf('--compare');
  const scale = i >= 0 ? process.argv[i + 1] : undefined;
  if (!scale || !['S', 'M', 'L'].includes(scale)) {
    console.error('usage: node dist/bench/report.js --compare S|M|L');
    process.exit(2);
  }
  const root = join(__dirname, '..', '..');
  const read = (name: string): Results => {
    const path = join(root, 'bench', 'results', name);
    if (!existsSync(path)) {
      console.error(`report: no bench/results/${name}; run \`npm run bench -- --scale ${scale}${name.includes('neo4j') ? ' --store neo4j' : ''}\` first`);
      process.exit(1);
    }
    return JSON.parse(readFileSync(path, 'utf8')) as Results;
  };
  writeComparisonSection(join(root, 'BENCHMARKS.md'), read(`${scale}.json`), read(`${scale}-neo4j.json`));
  console.log(`report: wrote the side-by-side section for scale ${scale} to BENCHMARKS.md`);
}
