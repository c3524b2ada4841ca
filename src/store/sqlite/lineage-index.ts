/**
 * An in-memory adjacency index for field-level lineage: for each field, the flows that carry it
 * (named directly, or through its category or an ancestor category) as shared edge objects, in
 * flow key order. Lineage and the `field.flows` relation read it instead of running the
 * recursive query on every request.
 *
 * It fills lazily, a field the first time it is asked for (one query for all fields missing
 * from a batch), so opening a large inventory costs nothing up front. It is a cache of the
 * tables, never a second source of truth: the store drops it after each of its own writes, and
 * starts a new one when `PRAGMA data_version` says another connection (another process on the
 * same file) has committed since this one was started.
 */
import type { FlowEdge } from '../../domain/lineage';

/** One row of the fill query: field key, flow key, from, to. */
export type EdgeRow = [string, string, string, string];

const NONE: readonly FlowEdge[] = Object.freeze([]);

export class LineageIndex {
  private readonly byField = new Map<string, readonly FlowEdge[]>();
  /** Edge objects are shared between the fields a flow carries. */
  private readonly flows = new Map<string, FlowEdge>();
  /** Party keys are shared between edges. */
  private readonly parties = new Map<string, string>();

  constructor(
    /** What `PRAGMA data_version` said when this index was started. */
    readonly dataVersion: number,
  ) {}

  /** The asked fields not in the index yet (each once). */
  missing(fieldKeys: readonly string[]): string[] {
    const out = new Set<string>();
    for (const k of fieldKeys) if (!this.byField.has(k)) out.add(k);
    return [...out];
  }

  /** Adds the fields read by one fill query; rows are ordered by field, then flow key. */
  fill(fieldKeys: readonly string[], rows: readonly EdgeRow[]): void {
    const lists = new Map<string, FlowEdge[]>();
    for (const [field, key, from, to] of rows) {
      let edge = this.flows.get(key);
      if (!edge) this.flows.set(key, (edge = { key, from: this.party(from), to: this.party(to) }));
      const list = lists.get(field);
      if (list) list.push(edge);
      else lists.set(field, [edge]);
    }
    // Fields no flow carries (or that do not exist) are remembered as empty.
    for (const k of fieldKeys) this.byField.set(k, lists.get(k) ?? NONE);
  }

  /** The flows carrying a field, in flow key order (empty for a field not filled). */
  edgesOf(fieldKey: string): readonly FlowEdge[] {
    return this.byField.get(fieldKey) ?? NONE;
  }

  private party(key: string): string {
    const known = this.parties.get(key);
    if (known !== undefined) return known;
    this.parties.set(key, key);
    return key;
  }
}
