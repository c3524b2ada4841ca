/**
 * Field-level lineage over the flows that carry one field: pure, so every store adapter
 * answers with the same paths and the same `truncated` semantics.
 */
import { byKey } from './key-order';
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
  /** Follow at most this many flows out of one party (by key); the rest make it truncated. */
  maxFanOut?: number;
  /** Stop walking after this many milliseconds, with what was found so far, truncated. */
  timeBudgetMs?: number;
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
  /**
   * True when the time budget cut it short: unlike the other limits this depends on the machine's
   * load, so such an answer must not be cached as the answer for the data.
   */
  outOfTime?: boolean;
}

export const DEFAULT_LINEAGE_LIMITS: LineageLimits = { maxDepth: 5, maxPaths: 1000 };

/**
 * Where the walk starts when the caller names no party: downstream from the field's origins,
 * upstream from its sinks. Precisely: the smallest key of every strongly connected group of
 * parties that nothing outside the group feeds (in the walking direction). So a plain origin
 * (the data subject, carriers, partners) starts a walk, and so does a cycle no origin reaches.
 */
export function defaultStarts(edges: readonly FlowEdge[], direction: LineageDirection): string[] {
  const next = new Map<string, string[]>();
  const parties = new Set<string>();
  for (const e of edges) {
    const [a, b] = direction === 'DOWNSTREAM' ? [e.from, e.to] : [e.to, e.from];
    parties.add(a).add(b);
    const targets = next.get(a);
    if (targets) targets.push(b);
    else next.set(a, [b]);
  }
  const sorted = [...parties].sort();
  const component = stronglyConnected(sorted, (p) => next.get(p) ?? []);
  const fed = new Set<number>();
  for (const [a, targets] of next) {
    for (const b of targets) if (component.get(a) !== component.get(b)) fed.add(component.get(b)!);
  }
  const starts = new Map<number, string>();
  for (const p of sorted) {
    const c = component.get(p)!;
    // Every party here has an edge, so an unfed group always has somewhere to walk.
    if (!fed.has(c) && !starts.has(c)) starts.set(c, p);
  }
  return [...starts.values()].sort();
}

/** Tarjan's algorithm, iterative (no recursion limit on long chains): party → component id. */
function stronglyConnected(nodes: string[], next: (n: string) => string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = next(frame.node);
      if (frame.i < targets.length) {
        const t = targets[frame.i++];
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.node);
        components++;
      }
    }
  }
  return component;
}

export function traceLineage(
  edges: readonly FlowEdge[],
  direction: LineageDirection,
  limits: LineageLimits,
  starts: readonly string[] = defaultStarts(edges, direction),
): TracedLineage {
  const next = new Map<string, FlowEdge[]>();
  for (const e of inKeyOrder(edges)) {
    const at = direction === 'DOWNSTREAM' ? e.from : e.to;
    let list = next.get(at);
    if (!list) next.set(at, (list = []));
    list.push(e);
  }
  const far = (e: FlowEdge) => (direction === 'DOWNSTREAM' ? e.to : e.from);

  const paths: TracedPath[] = [];
  let truncated = false;
  let outOfTime = false;
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
  const deadline = limits.timeBudgetMs === undefined ? Infinity : Date.now() + limits.timeBudgetMs;
  let steps = 0;
  const walk = (party: string): boolean => {
    // Checking the clock every 1,024 steps keeps the budget cheap on the hot path.
    if ((++steps & 1023) === 0 && Date.now() > deadline) {
      truncated = outOfTime = true;
      return false;
    }
    let out = next.get(party) ?? [];
    if (out.length === 0) return hops.length === 0 || emit(party);
    if (limits.maxFanOut !== undefined && out.length > limits.maxFanOut) {
      truncated = true;
      out = out.slice(0, limits.maxFanOut);
    }
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
  return outOfTime ? { paths, truncated, outOfTime } : { paths, truncated };
}

/** The edges sorted by key; stores usually hand them over sorted already, so check first. */
function inKeyOrder(edges: readonly FlowEdge[]): readonly FlowEdge[] {
  for (let i = 1; i < edges.length; i++) {
    if (byKey(edges[i - 1], edges[i]) > 0) return [...edges].sort(byKey);
  }
  return edges;
}
