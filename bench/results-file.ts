/**
 * Where a run's results go, how they are written (whole or not at all), and the figures computed
 * from several phases' measurements. A run writes its file after every phase, so an interrupted
 * or failing run keeps everything measured until then.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { round } from './stats';

/** Untracked (git-ignored): where every run writes. */
export const OUT_DIR = join('bench', 'out');
/** Committed: written only by `--record`. */
export const RECORD_DIR = join('bench', 'results');

export function resultsName(scale: string, store: 'sqlite' | 'neo4j', quick: boolean): string {
  return `${scale}${store === 'neo4j' ? '-neo4j' : ''}${quick ? '.quick' : ''}`;
}

/** Writes to a temp file beside it, then renames: a reader (or a kill) never sees half a file. */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

export interface PhaseRecord {
  /** skipped: an earlier phase it needs failed; not_applicable: not run on this store. */
  status: 'running' | 'ok' | 'failed' | 'skipped' | 'not_applicable' | 'aborted';
  /** Why it failed, was skipped, not run or aborted. */
  reason?: string;
  seconds?: number;
  /** The CPU baseline just before and just after the phase (ms per run of the fixed workload). */
  cpu_baseline_ms?: { before: number; after?: number };
}

/** The CPU baseline a phase's figures are divided by: the mean of the two taken around it. */
export function phaseBaseline(phases: Record<string, PhaseRecord>, name: string): number | undefined {
  const b = phases[name]?.cpu_baseline_ms;
  if (!b) return undefined;
  return round(b.after === undefined ? b.before : (b.before + b.after) / 2);
}

/**
 * Fills in what is computed from several measurements, for those whose measurements exist. Each
 * ratio to the CPU baseline uses the baseline of the phase that measured its figure.
 */
export function derive(r: Record<string, any>): void {
  const phases: Record<string, PhaseRecord> = r.phases;
  const has = (...values: unknown[]) => values.every((v) => v !== undefined && v !== null);
  if (has(r.lineage_ms, r.lineage_store_ms)) r.overhead_ratio = round(r.lineage_ms.p50 / r.lineage_store_ms.p50, 2);
  if (has(r.lineage_store_ms, r.lineage_floor_ms)) r.floor_ratio = round(r.lineage_store_ms.p50 / r.lineage_floor_ms.p50, 2);
  const d = r.nplus1_detail;
  if (has(d.naive_ms, d.batched_ms)) r.nplus1_speedup = round(d.naive_ms.p50 / d.batched_ms.p50, 1);
  if (has(d.naive_store_ms, d.batched_store_ms)) d.store_time_speedup = round(d.naive_store_ms.p50 / d.batched_store_ms.p50, 1);
  if (has(r.throughput_rps?.field_page, r.floor_rps)) r.field_page_vs_floor = round(r.throughput_rps.field_page.p50 / r.floor_rps.p50, 3);
  // The uncached field page against the floor measured on the same (uncached) server, same phase.
  if (has(r.throughput_uncached_rps?.field_page, r.floor_rps_uncached_server)) {
    r.field_page_uncached_vs_floor = round(r.throughput_uncached_rps.field_page.p50 / r.floor_rps_uncached_server.p50, 3);
  }
  if (has(r.rss_mb?.peak, r.rss_uncached_server_mb)) r.rss_mb.peak = Math.max(r.rss_mb.peak, r.rss_uncached_server_mb.peak);

  const base = (phase: string) => phaseBaseline(phases, phase);
  const ratios: Record<string, number> = {};
  const put = (key: string, value: number | undefined, phase: string, digits: number) => {
    const b = base(phase);
    if (value !== undefined && b !== undefined) ratios[key] = round(value / b, digits);
  };
  put('lineage_p50', r.lineage_ms?.p50, 'http_uncached', 4);
  put('lineage_p99', r.lineage_ms?.p99, 'http_uncached', 4);
  put('lineage_store_p50', r.lineage_store_ms?.p50, 'lineage_store', 5);
  put('cold_start', r.cold_start_ms?.p50, 'cold_start', 2);
  put('import_s_per_100k_flows', r.import_flows_per_s ? (100_000 / r.import_flows_per_s.p50) * 1000 : undefined, 'import', 2);
  r.ratios_to_cpu_baseline = ratios;
  const httpFloor = r.lineage_detail?.http_floor_ms?.p50;
  if (has(r.lineage_ms, httpFloor)) r.ratios_to_http_floor = { lineage_p50: round(r.lineage_ms.p50 / httpFloor, 2), lineage_p99: round(r.lineage_ms.p99 / httpFloor, 2) };

  // One figure for readers of older results: the median of the phases' baselines.
  const all = Object.keys(phases).map(base).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  r.baseline = { cpu_ms: all.length ? all[Math.floor((all.length - 1) / 2)] : null, per_phase: Object.fromEntries(Object.keys(phases).map((k) => [k, base(k) ?? null])) };
}
