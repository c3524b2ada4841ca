/** Turns a results object into the Markdown table BENCHMARKS.md shows for its scale. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Summary } from './stats';

interface Results {
  scale: string;
  date: string;
  machine: { cpu: string; cores: number; memory_gb: number; node: string; platform: string; sqlite: string };
  inventory: { fields: number; categories: number; parties: number; flows: number; sensitive_fields: number | null };
  baseline: { cpu_ms: number };
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
  nplus1_with_round_trip: { round_trip_ms: number; batched_ms: Summary; naive_ms: Summary; speedup: number };
  throughput_rps: { overview: Summary; field_page: Summary };
  throughput_uncached_rps: { overview: Summary; field_page: Summary; field_page_hops_with_ends: Summary };
  floor_rps: Summary;
  field_page_vs_floor: number;
  field_page_uncached_vs_floor: number;
  lineage_cached_ms: Summary;
  import_flows_per_s: Summary;
  import_detail: { parse_ms: number; reference_check_ms: number; store_write_ms: number; store_write_flows_per_s: number; database_mb: number };
  cold_start_ms: Summary;
  rss_mb: { after_loading: number; after_load_run: number; peak: number };
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
  const rows: Array<[string, string, string, string]> = [
    ['lineage over HTTP, p50 / p99 (ms)', `${r.lineage_ms.p50} / ${r.lineage_ms.p99}`, 'p99 ≤ 20', ok(r.lineage_ms.p99 <= 20)],
    ['lineage on the store, p50 / p99 (ms)', `${r.lineage_store_ms.p50} / ${r.lineage_store_ms.p99}`, '', ''],
    ['… first request for a field (fills the index), p50 / p99 (ms)', `${r.lineage_detail.store_first_request_ms.p50} / ${r.lineage_detail.store_first_request_ms.p99}`, '', ''],
    ['lineage floor (BFS on arrays), p50 / p99 (ms)', `${r.lineage_floor_ms.p50} / ${r.lineage_floor_ms.p99}`, '', ''],
    ['overhead_ratio (HTTP p50 / store p50)', String(r.overhead_ratio), '≤ 1.5', ok(r.overhead_ratio <= 1.5)],
    ['floor_ratio (store p50 / floor p50)', String(r.floor_ratio), '≤ 10', ok(r.floor_ratio <= 10)],
    ['store calls, 10 fields / 500 fields', `${r.store_calls.list_10} / ${r.store_calls.list_500}`, 'equal, ≤ 8', ok(r.store_calls.list_10 === r.store_calls.list_500 && r.store_calls.list_500 <= 8)],
    ['nplus1_speedup (500 fields, naive / batched)', `${r.nplus1_speedup}× (${r.nplus1_detail.naive_ms.p50} ms / ${r.nplus1_detail.batched_ms.p50} ms)`, '≥ 20', ok(r.nplus1_speedup >= 20)],
    [`… with a modelled ${r.nplus1_with_round_trip.round_trip_ms} ms round trip per store call (naive / batched)`, `${r.nplus1_with_round_trip.speedup}× (${n(r.nplus1_with_round_trip.naive_ms.p50)} ms / ${r.nplus1_with_round_trip.batched_ms.p50} ms)`, '', ''],
    ['… time inside the store only (naive / batched)', `${r.nplus1_detail.store_time_speedup}× (${r.nplus1_detail.naive_store_ms.p50} ms in ${n(r.nplus1_detail.naive_store_calls)} calls / ${r.nplus1_detail.batched_store_ms.p50} ms in ${r.store_calls.list_500})`, '', ''],
    ['throughput, field page, 1,000 fields in turn (req/s, min / median / max)', range(r.throughput_rps.field_page), '≥ 30% of floor', ok(r.field_page_vs_floor >= 0.3)],
    ['… without the answer cache (req/s)', range(r.throughput_uncached_rps.field_page), '', ''],
    ['… without the cache, asking each hop’s ends too (req/s)', n(r.throughput_uncached_rps.field_page_hops_with_ends.p50), '', ''],
    ['throughput, overview (req/s)', range(r.throughput_rps.overview), '', ''],
    ['… without the answer cache (req/s)', range(r.throughput_uncached_rps.overview), '', ''],
    ['floor_rps `{ __typename }` (req/s)', range(r.floor_rps), '', ''],
    ['field page / floor_rps', `${(r.field_page_vs_floor * 100).toFixed(1)}% (without the cache ${(r.field_page_uncached_vs_floor * 100).toFixed(1)}%)`, '≥ 30%', ok(r.field_page_vs_floor >= 0.3)],
    ['import (flows/s, min / median / max)', `${n(r.import_flows_per_s.min)} / ${n(r.import_flows_per_s.p50)} / ${n(r.import_flows_per_s.max)}`, '≥ 50,000', ok(r.import_flows_per_s.p50 >= 50_000)],
    ['cold start (ms, min / median / max)', `${n(r.cold_start_ms.min)} / ${n(r.cold_start_ms.p50)} / ${n(r.cold_start_ms.max)}`, '≤ 2,000', ok(r.cold_start_ms.max <= 2000)],
    ['RSS after loading / after the load run / peak (MB)', `${r.rss_mb.after_loading} / ${r.rss_mb.after_load_run} / ${r.rss_mb.peak}`, '≤ 1,024', ok(r.rss_mb.peak <= 1024)],
  ];
  return [
    `Measured ${r.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, ${m.platform}, Node ${m.node}, SQLite ${m.sqlite}; ` +
      `load average ${r.load_average.at_start.join(' ')} at the start, ${r.load_average.at_end.join(' ')} at the end; ` +
      `${n(r.inventory.fields)} fields, ${n(r.inventory.categories)} categories, ${n(r.inventory.parties)} parties, ${n(r.inventory.flows)} flows` +
      `${r.inventory.sensitive_fields != null ? ` (${n(r.inventory.sensitive_fields)} sensitive)` : ''}. Whole run: ${r.bench_seconds} s.`,
    '',
    '| measure | result | target (at L) | met |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Lineage: ${r.lineage_detail.fields} fields, paths per field min / median / p99 ${mmm(r.lineage_detail.paths_per_field)}, ` +
      `${r.lineage_detail.truncated_fields} answers truncated by maxDepth 5 or the path cap, ${n(r.lineage_detail.mean_response_bytes)} bytes per answer on average; ` +
      `path counts equal to the floor's for every field but ${r.lineage_detail.floor_path_count_mismatches}. ` +
      `\`{ __typename }\` one at a time: p50 ${r.lineage_detail.http_floor_ms.p50} ms. ` +
      `Lineage latency is measured on a server without the answer cache (each field asked in ${r.lineage_detail.rounds} rounds); asked again of the shipped server, an answer comes from the cache in p50 ${r.lineage_cached_ms.p50} / p99 ${r.lineage_cached_ms.p99} ms.`,
    `The list of 500 fields answers ${n(r.nplus1_detail.response_bytes)} bytes.`,
    `Import: parse ${n(r.import_detail.parse_ms)} ms, reference check ${n(r.import_detail.reference_check_ms)} ms, ` +
      `store write ${n(r.import_detail.store_write_ms)} ms (${n(r.import_detail.store_write_flows_per_s)} flows/s); database ${r.import_detail.database_mb} MB.`,
    `CPU baseline ${r.baseline.cpu_ms} ms; ratios to it: ${Object.entries(r.ratios_to_cpu_baseline).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
      `Ratios to \`{ __typename }\` latency: ${Object.entries(r.ratios_to_http_floor).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
  ].join('\n');
}

/** Replaces the text between this scale's markers (appends a section when there is none). */
export function writeBenchmarksSection(file: string, scale: string, body: string): void {
  const start = `<!-- bench:${scale}:start -->`;
  const end = `<!-- bench:${scale}:end -->`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${body}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n## Scale ${scale}\n\n${block}\n`;
  writeFileSync(file, next);
}
