/**
 * Field-level lineage over the flows that carry one field: pure, so every store adapter
 * answers with the same paths and the same `truncated` semantics.
 */
import type { LineageDirection } from './vocabulary';

export interface FlowEdge {
  key: string;
  from: string;
  to: string;
}

export interface LineageLimits {
  maxDepth: number;
  /** Stop enumerating after this many paths (path counts can grow exponentially). */
  maxPaths: number;
}

export interface TracedPath {
  /** Flow keys in walking order: from the start outwards (downstream) or backwards (upstream). */
  hops: string[];
  /** The party the path ends at: the last receiver downstream, the earliest source upstream. */
  destination: string;
}

export interface TracedLineage {
  paths: TracedPath[];
  /** True when maxDepth or maxPaths cut the answer short. */
  truncated: boolean;
}

export const DEFAULT_LINEAGE_LIMITS: LineageLimits = { maxDepth: 5, maxPaths: 1000 };

/**
 * Where the walk starts when the caller names no party: downstream from the field's origins
 * (parties that send it but receive it on no flow: the data subject, carriers, partners);
 * upstream from its sinks (parties that receive it and pass it on to no one).
 * Where every party sits on a cycle there is no origin, so the smallest key stands in.
 */
export function defaultStarts(edges: readonly FlowEdge[], direction: LineageDirection): string[] {
  const senders = new Set(edges.map((e) => e.from));
  const receivers = new Set(edges.map((e) => e.to));
  const [candidates, excluded] = direction === 'DOWNSTREAM' ? [senders, receivers] : [receivers, senders];
  const starts = [...candidates].filter((p) => !excluded.has(p)).sort();
  if (starts.length > 0 || candidates.size === 0) return starts;
  return [[...candidates].sort()[0]];
}

export function traceLineage(
  edges: readonly FlowEdge[],
  direction: LineageDirection,
  limits: LineageLimits,
  starts: readonly string[] = defaultStarts(edges, direction),
): TracedLineage {
  const next = new Map<string, FlowEdge[]>();
  for (const e of [...edges].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const at = direction === 'DOWNSTREAM' ? e.from : e.to;
    let list = next.get(at);
    if (!list) next.set(at, (list = []));
    list.push(e);
  }
  const far = (e: FlowEdge) => (direction === 'DOWNSTREAM' ? e.to : e.from);

  const paths: TracedPath[] = [];
  let truncated = false;
  const hops: string[] = [];
  const onPath = new Set<string>();
  /** Records a path; false once the path budget is spent (and a path had to be dropped). */
  const emit = (destination: string): boolean => {
    if (paths.length >= limits.maxPaths) {
      truncated = true;
      return false;
    }
    paths.push({ hops: [...hops], destination });
    return true;
  };

  // Depth-first with an on-path set: cycle-safe, and each path is maximal (it ends where the
  // field goes no further, where it comes back to a party already on the path, or at maxDepth).
  const walk = (party: string): boolean => {
    const out = next.get(party) ?? [];
    if (out.length === 0) return hops.length === 0 || emit(party);
    if (hops.length >= limits.maxDepth) {
      truncated = true;
      return emit(party);
    }
    onPath.add(party);
    let goOn = true;
    for (const e of out) {
      const to = far(e);
      hops.push(e.key);
      goOn = onPath.has(to) ? emit(to) : walk(to);
      hops.pop();
      if (!goOn) break;
    }
    onPath.delete(party);
    return goOn;
  };

  for (const start of starts) {
    if (!walk(start)) break;
  }
  return { paths, truncated };
}
