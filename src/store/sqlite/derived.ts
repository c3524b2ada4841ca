/**
 * What a connection derives from the inventory tables and keeps between reads: every category's
 * effective sensitivity, COUNT answers and the lineage index. Each is kept as of a
 * `PRAGMA data_version`, so another connection's commit starts it afresh; this connection's own
 * writes drop them all first (forget()).
 */
import type { SensitiveClass } from '../../domain/vocabulary';
import type { Sensitivity } from '../../domain/sensitivity';
import { LineageIndex, type EdgeRow } from './lineage-index';
import { SQL } from './sql';
import type { StatementCache } from './statement-cache';

/** How many distinct COUNT answers a connection keeps (see count()). */
const MAX_CACHED_COUNTS = 1000;

export class DerivedCaches {
  /** Field → flows adjacency for lineage, filled lazily; null after this connection writes. */
  private lineageIndex: LineageIndex | null = null;
  /** Every category's effective sensitivity, as of a data version; null after this connection writes. */
  private effective: { dataVersion: number; byKey: Map<string, Sensitivity> } | null = null;
  /** Answers of COUNT queries (one number, or `[group, count]` rows), as of a data version; null after this connection writes. */
  private counts: { dataVersion: number; byQuery: Map<string, number | Array<[string, number]>> } | null = null;
  /** Whole tables of small node types as bare records (no sources, no version), as of a data version. */
  private bare: { dataVersion: number; byType: Map<string, ReadonlyMap<string, unknown>> } | null = null;

  constructor(private readonly q: StatementCache) {}

  /**
   * Drops what is derived from the inventory tables (this connection is about to change them).
   * Every method that writes inventory tables calls it first; other connections' commits are
   * noticed through `PRAGMA data_version`.
   */
  forget(): void {
    this.lineageIndex = null;
    this.effective = null;
    this.counts = null;
    this.bare = null;
  }

  /**
   * Every node of a small type (a vocabulary of at most a few thousand rows: purposes, parties…)
   * as a bare record, read whole once per data version: a field page asks for dozens of them on
   * every request. The records are frozen, since every caller until the next change shares them.
   */
  bareRecords(type: string, readAll: () => Array<{ key: string }>): ReadonlyMap<string, unknown> {
    const version = this.dataVersion();
    if (!this.bare || this.bare.dataVersion !== version) this.bare = { dataVersion: version, byType: new Map() };
    let byKey = this.bare.byType.get(type);
    if (!byKey) this.bare.byType.set(type, (byKey = new Map(readAll().map((r) => [r.key, Object.freeze(r)]))));
    return byKey;
  }

  /**
   * Effective sensitivity of every category, read from the category_effective view (the one
   * statement of the inheritance rule) once per data version rather than in every query.
   */
  categoryEffective(): Map<string, Sensitivity> {
    const version = this.dataVersion();
    if (!this.effective || this.effective.dataVersion !== version) {
      const byKey = new Map<string, Sensitivity>();
      for (const [key, sensitive, cls] of this.q.raw(SQL.categoryEffective).all() as Array<[string, number, string | null]>) {
        byKey.set(key, { sensitive: sensitive === 1, sensitiveClass: (cls as SensitiveClass | null) ?? null });
      }
      this.effective = { dataVersion: version, byKey };
    }
    return this.effective.byKey;
  }

  /** Keys of the categories that are effectively sensitive. */
  sensitiveCategories(): string[] {
    return [...this.categoryEffective()].filter(([, e]) => e.sensitive).map(([k]) => k);
  }

  /**
   * A COUNT query's answer, remembered until the data changes: counting a filtered list of
   * 500,000 flows scans them all, and dashboards ask the same counts again and again.
   */
  count(sql: string, params: unknown[]): number {
    return this.remembered(sql, params, () => this.q.prepared(sql).pluck().get(...params) as number);
  }

  /** A grouped COUNT's `[group, count]` rows, remembered like count(). */
  countGroups(sql: string, params: unknown[]): Array<[string, number]> {
    return this.remembered(sql, params, () => this.q.raw(sql).all(...params) as Array<[string, number]>);
  }

  private remembered<T extends number | Array<[string, number]>>(sql: string, params: unknown[], compute: () => T): T {
    const version = this.dataVersion();
    if (!this.counts || this.counts.dataVersion !== version || this.counts.byQuery.size >= MAX_CACHED_COUNTS) {
      this.counts = { dataVersion: version, byQuery: new Map() };
    }
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let answer = this.counts.byQuery.get(key) as T | undefined;
    if (answer === undefined) this.counts.byQuery.set(key, (answer = compute()));
    return answer;
  }

  /**
   * The lineage index with these fields filled in: a new one when this connection wrote or
   * another one committed since it was started, then one query for the fields it lacks.
   */
  lineageIndexFor(fieldKeys: readonly string[]): LineageIndex {
    const version = this.dataVersion();
    if (!this.lineageIndex || this.lineageIndex.dataVersion !== version) this.lineageIndex = new LineageIndex(version);
    const index = this.lineageIndex;
    const missing = index.missing(fieldKeys);
    if (missing.length > 0) {
      const rows = this.q.raw(SQL.lineageEdges).all(JSON.stringify(missing)) as EdgeRow[];
      index.fill(missing, rows);
    }
    return index;
  }

  private dataVersion(): number {
    return this.q.prepared(SQL.dataVersion).pluck().get() as number;
  }
}
