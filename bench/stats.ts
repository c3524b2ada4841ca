/** Summaries of repeated measurements, the machine they ran on, and a CPU baseline for ratios. */
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Summary {
  /** How many samples. */
  n: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[], digits = 3): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Number(v.toFixed(digits));
  return {
    n: sorted.length,
    min: round(sorted[0]),
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
  };
}

export function round(v: number, digits = 3): number {
  return Number(v.toFixed(digits));
}

export interface Machine {
  cpu: string;
  cores: number;
  memory_gb: number;
  node: string;
  platform: string;
  sqlite: string;
}

export function machine(sqliteVersion: string): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cpu,
    cores: cpus().length,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    sqlite: sqliteVersion,
  };
}

/**
 * A fixed, single-threaded CPU workload (string keys into a Map, then a sort): what a
 * machine-dependent timing is divided by, so runs on different machines can be compared.
 * Returns milliseconds per run (the median of `runs`, after one to warm up).
 */
export function cpuBaselineMs(runs = 7): number {
  const run = () => {
    const m = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) m.set(`key-${(i * 7919) % 200_003}`, i);
    const arr = [...m.keys()];
    arr.sort();
    return arr.length;
  };
  run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return round(summarize(samples).p50);
}
