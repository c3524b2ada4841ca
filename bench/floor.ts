/**
 * The floor for lineage: the same downstream traversal as the store's (same paths, same
 * maxDepth and maxPaths, same cycle rule), as a plain breadth-first search over integer
 * adjacency arrays built once from the manifest. Nothing that answers the question can be
 * much faster, so `floor_ratio` says how far the store is from the hardware.
 *
 * Starts are the parties that send the field and receive it from no one (the generator makes
 * no unfed cycles, so these are the store's starts too; the run checks the path counts agree).
 */
import type { Manifest } from '../src/domain/manifest';

export interface FloorIndex {
  fieldIds: Map<string, number>;
  /** Flow i goes from party flowFrom[i] to flowTo[i]. */
  flowFrom: Int32Array;
  flowTo: Int32Array;
  /** Flows carrying field f: fieldFlows[fieldStart[f] .. fieldStart[f + 1]). */
  fieldStart: Int32Array;
  fieldFlows: Int32Array;
  parties: number;
}

/** Builds the integer index: parties and flows numbered, each field's flows (through categories too). */
export function buildFloorIndex(m: Manifest): FloorIndex {
  const partyIds = new Map(m.parties.map((p, i) => [p.key, i]));
  const fieldIds = new Map(m.fields.map((f, i) => [f.key, i]));
  const children = new Map<string, string[]>();
  for (const c of m.categories) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.key]);
  const fieldsOf = new Map<string, number[]>();
  m.fields.forEach((f, i) => {
    const list = fieldsOf.get(f.category);
    if (list) list.push(i);
    else fieldsOf.set(f.category, [i]);
  });
  const flowFrom = new Int32Array(m.flows.length);
  const flowTo = new Int32Array(m.flows.length);
  const perField: number[][] = m.fields.map(() => []);
  m.flows.forEach((flow, i) => {
    flowFrom[i] = partyIds.get(flow.from)!;
    flowTo[i] = partyIds.get(flow.to)!;
    const carried = new Set<number>();
    for (const k of flow.fields) carried.add(fieldIds.get(k)!);
    const stack = [...flow.categories];
    while (stack.length > 0) {
      const c = stack.pop()!;
      for (const f of fieldsOf.get(c) ?? []) carried.add(f);
      stack.push(...(children.get(c) ?? []));
    }
    for (const f of carried) perField[f].push(i);
  });
  const fieldStart = new Int32Array(m.fields.length + 1);
  perField.forEach((list, f) => (fieldStart[f + 1] = fieldStart[f] + list.length));
  const fieldFlows = new Int32Array(fieldStart[m.fields.length]);
  perField.forEach((list, f) => fieldFlows.set(list, fieldStart[f]));
  return { fieldIds, flowFrom, flowTo, fieldStart, fieldFlows, parties: m.parties.length };
}

export interface FloorResult {
  paths: number;
  truncated: boolean;
}

/** Reusable scratch arrays, so a traversal allocates nothing but its queue. */
export class FloorTracer {
  private readonly indeg: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outCount: Int32Array;
  private readonly stamp: Int32Array;
  private generation = 0;

  constructor(private readonly ix: FloorIndex) {
    this.indeg = new Int32Array(ix.parties);
    this.outStart = new Int32Array(ix.parties);
    this.outCount = new Int32Array(ix.parties);
    this.stamp = new Int32Array(ix.parties);
  }

  /** Downstream paths from the field's origins, BFS, cycle-safe, bounded like the store's. */
  downstream(fieldKey: string, maxDepth: number, maxPaths: number): FloorResult {
    const ix = this.ix;
    const f = ix.fieldIds.get(fieldKey);
    if (f === undefined) return { paths: 0, truncated: false };
    const lo = ix.fieldStart[f];
    const hi = ix.fieldStart[f + 1];
    const g = ++this.generation;
    const { indeg, outStart, outCount, stamp } = this;
    // Local CSR of this field's flows by sender: count, prefix-sum, fill.
    const touched: number[] = [];
    const touch = (p: number) => {
      if (stamp[p] !== g) {
        stamp[p] = g;
        indeg[p] = 0;
        outCount[p] = 0;
        touched.push(p);
      }
    };
    for (let i = lo; i < hi; i++) {
      const e = ix.fieldFlows[i];
      touch(ix.flowFrom[e]);
      touch(ix.flowTo[e]);
      outCount[ix.flowFrom[e]]++;
      indeg[ix.flowTo[e]]++;
    }
    let offset = 0;
    for (const p of touched) {
      outStart[p] = offset;
      offset += outCount[p];
      outCount[p] = 0;
    }
    const adj = new Int32Array(offset);
    for (let i = lo; i < hi; i++) {
      const e = ix.fieldFlows[i];
      const p = ix.flowFrom[e];
      adj[outStart[p] + outCount[p]++] = e;
    }

    // BFS over partial paths: state = (party, depth, parent state, flow taken).
    const party: number[] = [];
    const parent: number[] = [];
    const depth: number[] = [];
    for (const p of touched) {
      if (indeg[p] === 0 && outCount[p] > 0) {
        party.push(p);
        parent.push(-1);
        depth.push(0);
      }
    }
    let paths = 0;
    let truncated = false;
    const onPath = (state: number, p: number): boolean => {
      for (let s = state; s >= 0; s = parent[s]) if (party[s] === p) return true;
      return false;
    };
    for (let head = 0; head < party.length; head++) {
      const p = party[head];
      const d = depth[head];
      const n = outCount[p];
      if (n === 0) {
        if (d > 0) paths++;
      } else if (d >= maxDepth) {
        truncated = true;
        paths++;
      } else {
        for (let j = 0; j < n; j++) {
          const to = ix.flowTo[adj[outStart[p] + j]];
          if (onPath(head, to)) paths++;
          else {
            party.push(to);
            parent.push(head);
            depth.push(d + 1);
          }
        }
      }
      if (paths >= maxPaths) {
        // The store stops at maxPaths too (and says truncated when one more path was due).
        if (paths > maxPaths || head + 1 < party.length) truncated = true;
        paths = maxPaths;
        break;
      }
    }
    return { paths, truncated };
  }
}
