/**
 * The bench's results handling (bench/results-file.ts, bench/report.ts): ratios use the CPU
 * baseline of the phase that measured their figure, an incomplete run still renders what it has,
 * and results files are replaced whole. No timing here: the inputs are fixed figures.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown, type Results } from '../../bench/report';
import { derive, writeAtomically } from '../../bench/results-file';

const ROOT = join(__dirname, '..', '..');
const recorded = (): Results => JSON.parse(readFileSync(join(ROOT, 'bench', 'results', 'M.json'), 'utf8')) as Results;
const summary = (p50: number) => ({ n: 1, min: p50, p50, p99: p50 * 2, max: p50 * 2 });

describe('derive', () => {
  it('divides each figure by the baseline taken around its own phase', () => {
    const r: Record<string, any> = {
      phases: {
        import: { status: 'ok', cpu_baseline_ms: { before: 100, after: 300 } },
        http_uncached: { status: 'ok', cpu_baseline_ms: { before: 400, after: 400 } },
        cold_start: { status: 'failed', cpu_baseline_ms: { before: 50, after: 50 } },
      },
      import_flows_per_s: summary(50_000),
      lineage_ms: summary(4),
      lineage_detail: { http_floor_ms: summary(0.5) },
      nplus1_detail: { batched_ms: summary(10) },
    };
    derive(r);
    expect(r.ratios_to_cpu_baseline).toEqual({ import_s_per_100k_flows: 10, lineage_p50: 0.01, lineage_p99: 0.02 });
    expect(r.ratios_to_http_floor).toEqual({ lineage_p50: 8, lineage_p99: 16 });
    expect(r.baseline.per_phase).toEqual({ import: 200, http_uncached: 400, cold_start: 50 });
    expect(r.nplus1_speedup).toBeUndefined(); // the naive path was not measured
    r.nplus1_detail.naive_ms = summary(250);
    derive(r);
    expect(r.nplus1_speedup).toBe(25);
  });

  it('compares the uncached field page with the floor of the same server', () => {
    const r: Record<string, any> = {
      phases: {},
      lineage_detail: {},
      nplus1_detail: {},
      floor_rps: summary(10_000),
      floor_rps_uncached_server: summary(5_000),
      throughput_rps: { field_page: summary(20_000) },
      throughput_uncached_rps: { field_page: summary(500) },
    };
    derive(r);
    expect(r.field_page_vs_floor).toBe(2);
    expect(r.field_page_uncached_vs_floor).toBe(0.1);
  });
});

describe('renderMarkdown', () => {
  it('renders a recorded full run with every figure', () => {
    const text = renderMarkdown(recorded());
    expect(text).not.toContain('not measured');
    expect(text).toContain('CPU baseline 187.611 ms; ratios to it: lineage_p50');
  });

  it('renders an incomplete run: the rows it has, the others marked, and why', () => {
    const r = recorded() as Results & Record<string, unknown>;
    delete (r as Partial<Results>).nplus1_with_round_trip;
    delete (r.nplus1_detail as Partial<Results['nplus1_detail']>).naive_ms;
    delete (r as Partial<Results>).nplus1_speedup;
    r.complete = false;
    r.phases = { nplus1: { status: 'failed', reason: 'HTTP 503: REQUEST_TIMEOUT' }, nplus1_round_trip: { status: 'aborted', reason: 'the run got SIGTERM' } };
    const text = renderMarkdown(r);
    expect(text).toContain('**Incomplete run:** nplus1 failed (HTTP 503: REQUEST_TIMEOUT); nplus1_round_trip aborted (the run got SIGTERM).');
    const missing = text.split('\n').filter((line) => line.includes('not measured')).map((line) => line.split(' | ')[0]);
    expect(missing).toEqual([
      '| nplus1_speedup (500 fields, naive / batched)',
      '| … with a modelled 1 ms round trip per store call (naive / batched)',
      '| … on the server without the answer cache, next to its runs (req/s)',
    ]);
    expect(text).toContain('| lineage over HTTP, p50 / p99 (ms) | 2.816 / 18.486 |');
  });
});

it('writeAtomically replaces the file whole and leaves no temp file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-bench-out-'));
  try {
    const file = join(dir, 'out', 'M.json');
    writeAtomically(file, 'first\n');
    writeAtomically(file, 'second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['M.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
