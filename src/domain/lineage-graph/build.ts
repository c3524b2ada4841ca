/**
 * A field's lineage as a drawable graph — parties as nodes, flows as arrows — built from the
 * lineage paths the API answers; labels.ts, mermaid.ts and dot.ts turn it into text.
 *
 * Pure (no I/O): the GraphQL `PersonalField.lineageGraph` field, `fieldtrail graph` and the
 * dashboard's diagram all build their picture here, so they agree on what a lineage looks like:
 * which flows are drawn, which arrows close a cycle, and which fan-outs are collapsed.
 */
import type { ConsentRequirement, FlowKind, LineageDirection, PartyKind } from '../vocabulary';

// ---- input: the shape of a `lineage { truncated paths { hops destination } }` answer -------

export interface GraphNamed {
  key: string;
  name: string;
  nameZh?: string | null;
}

export interface GraphParty extends GraphNamed {
  kind: PartyKind;
}

export interface GraphLegalBasis extends GraphNamed {
  article: string;
}

export interface GraphFlow {
  key: string;
  kind: FlowKind;
  consent: ConsentRequirement;
  optional: boolean;
  crossBorder?: boolean;
  deidentified?: boolean;
  from: GraphParty;
  to: GraphParty;
  purposes: readonly GraphNamed[];
  legalBases: readonly GraphLegalBasis[];
}

export interface GraphPathInput {
  /** Flows in walking order: outwards downstream, backwards upstream. */
  hops: readonly GraphFlow[];
  destination: GraphNamed;
}

export interface LineageGraphInput {
  field: GraphNamed & { sensitive: boolean; sensitiveClass?: string | null };
  direction: LineageDirection;
  maxDepth: number;
  truncated: boolean;
  paths: readonly GraphPathInput[];
}

export interface LineageGraphOptions {
  /**
   * Collapse a party's fan-out (in the walking direction) once it has more than this many
   * neighbours: end-of-line neighbours of the same kind are drawn as one group node.
   * 0 or absent: never collapse.
   */
  collapseAbove?: number;
  /** Group ids (see GroupNode.id) to keep expanded even above the threshold. */
  expanded?: ReadonlySet<string> | readonly string[];
}

// ---- output ---------------------------------------------------------------------------------

export interface PartyNode {
  type: 'party';
  /** The party key. */
  id: string;
  party: GraphParty;
  /** Fewest hops from where the walk starts. */
  rank: number;
  /** A walk starts here (origins downstream, sinks upstream, or the `from` party). */
  start: boolean;
  /** Some path ends here: the field goes no further (or comes back). */
  end: boolean;
}

export interface GroupNode {
  type: 'group';
  /** `group:<parent party key>:<party kind>`: stable, so a UI can remember what it expanded. */
  id: string;
  kind: PartyKind;
  /** The party whose fan-out was collapsed. */
  parent: string;
  members: GraphParty[];
  rank: number;
}

export type GraphNode = PartyNode | GroupNode;

export interface GraphEdge {
  /** The flow key, or `group:…:flows` for the arrow into (or out of) a group. */
  id: string;
  /** Where the data comes from and goes to (not the walking direction). */
  source: string;
  target: string;
  /** One flow, or every flow between the group's members and its parent. */
  flows: GraphFlow[];
  /** The arrow leads back to a party already on the path: a cycle. */
  closesCycle: boolean;
}

export interface LineageGraph {
  field: LineageGraphInput['field'];
  direction: LineageDirection;
  maxDepth: number;
  truncated: boolean;
  pathCount: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Groups drawn collapsed (also among nodes). */
  groups: GroupNode[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Deduplicates the paths into parties and flows, ranks them, marks cycles, collapses fan-outs. */
export function buildLineageGraph(input: LineageGraphInput, options: LineageGraphOptions = {}): LineageGraph {
  const downstream = input.direction === 'DOWNSTREAM';
  const near = (f: GraphFlow) => (downstream ? f.from : f.to);
  const far = (f: GraphFlow) => (downstream ? f.to : f.from);

  const parties = new Map<string, GraphParty>();
  const flows = new Map<string, GraphFlow>();
  const starts = new Set<string>();
  const ends = new Set<string>();
  const cycleFlows = new Set<string>();

  for (const path of input.paths) {
    if (path.hops.length === 0) continue;
    starts.add(near(path.hops[0]).key);
    const seen = new Set<string>([near(path.hops[0]).key]);
    path.hops.forEach((hop, i) => {
      flows.set(hop.key, hop);
      parties.set(hop.from.key, hop.from);
      parties.set(hop.to.key, hop.to);
      const next = far(hop).key;
      if (seen.has(next) && i === path.hops.length - 1) cycleFlows.add(hop.key);
      seen.add(next);
    });
    ends.add(path.destination.key);
  }

  // Walking-direction adjacency, and ranks by breadth-first distance from the starts.
  const onward = new Map<string, GraphFlow[]>();
  const backward = new Map<string, GraphFlow[]>();
  const sortedFlows = [...flows.values()].sort((a, b) => compare(a.key, b.key));
  for (const f of sortedFlows) {
    push(onward, near(f).key, f);
    push(backward, far(f).key, f);
  }
  const rank = new Map<string, number>();
  let frontier = [...starts].sort(compare);
  for (const s of frontier) rank.set(s, 0);
  for (let depth = 1; frontier.length > 0; depth++) {
    const nextFrontier: string[] = [];
    for (const p of frontier) {
      for (const f of onward.get(p) ?? []) {
        const q = far(f).key;
        if (!rank.has(q)) {
          rank.set(q, depth);
          nextFrontier.push(q);
        }
      }
    }
    frontier = nextFrontier;
  }

  // Collapse: per party, the end-of-line neighbours only it feeds, grouped by kind.
  const threshold = options.collapseAbove ?? 0;
  const expanded = new Set(options.expanded ?? []);
  const groupOf = new Map<string, GroupNode>();
  const groups: GroupNode[] = [];
  if (threshold > 0) {
    for (const parent of [...onward.keys()].sort(compare)) {
      const neighbours = unique((onward.get(parent) ?? []).map((f) => far(f).key)).filter((q) => q !== parent);
      if (neighbours.length <= threshold) continue;
      const collapsible = neighbours.filter(
        (q) =>
          !starts.has(q) &&
          !groupOf.has(q) &&
          (onward.get(q) ?? []).length === 0 &&
          (backward.get(q) ?? []).every((f) => near(f).key === parent),
      );
      const byKind = new Map<PartyKind, string[]>();
      for (const q of collapsible.sort(compare)) push(byKind, parties.get(q)!.kind, q);
      // Largest groups first (then by kind name), until the fan-out fits.
      const candidates = [...byKind.entries()]
        .filter(([kind, members]) => members.length >= 2 && !expanded.has(groupId(parent, kind)))
        .sort((a, b) => b[1].length - a[1].length || compare(a[0], b[0]));
      let visible = neighbours.length;
      for (const [kind, members] of candidates) {
        if (visible <= threshold) break;
        const group: GroupNode = {
          type: 'group',
          id: groupId(parent, kind),
          kind,
          parent,
          members: members.map((m) => parties.get(m)!),
          rank: Math.min(...members.map((m) => rank.get(m) ?? 0)),
        };
        groups.push(group);
        for (const m of members) groupOf.set(m, group);
        visible -= members.length - 1;
      }
    }
  }

  const nodes: GraphNode[] = [];
  for (const p of parties.values()) {
    if (groupOf.has(p.key)) continue;
    nodes.push({ type: 'party', id: p.key, party: p, rank: rank.get(p.key) ?? 0, start: starts.has(p.key), end: ends.has(p.key) });
  }
  nodes.push(...groups);
  nodes.sort((a, b) => a.rank - b.rank || compare(a.id, b.id));

  const edges: GraphEdge[] = [];
  const groupEdges = new Map<string, GraphEdge>();
  for (const f of sortedFlows) {
    const group = groupOf.get(far(f).key);
    if (!group) {
      edges.push({ id: f.key, source: f.from.key, target: f.to.key, flows: [f], closesCycle: cycleFlows.has(f.key) });
      continue;
    }
    let edge = groupEdges.get(group.id);
    if (!edge) {
      const id = `${group.id}:flows`;
      edge = downstream
        ? { id, source: group.parent, target: group.id, flows: [], closesCycle: false }
        : { id, source: group.id, target: group.parent, flows: [], closesCycle: false };
      groupEdges.set(group.id, edge);
      edges.push(edge);
    }
    edge.flows.push(f);
  }
  edges.sort((a, b) => compare(a.id, b.id));

  return {
    field: input.field,
    direction: input.direction,
    maxDepth: input.maxDepth,
    truncated: input.truncated,
    pathCount: input.paths.length,
    nodes,
    edges,
    groups,
  };
}

function groupId(parent: string, kind: PartyKind): string {
  return `group:${parent}:${kind}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
