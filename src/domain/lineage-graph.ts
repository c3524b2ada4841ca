/**
 * A field's lineage as a drawable graph — parties as nodes, flows as arrows — built from the
 * lineage paths the API answers, and written out as Mermaid or Graphviz DOT text.
 *
 * Pure (no I/O): the GraphQL `PersonalField.lineageGraph` field, `fieldtrail graph` and the
 * dashboard's diagram all build their picture here, so they agree on what a lineage looks like:
 * which flows are drawn, which arrows close a cycle, and which fan-outs are collapsed.
 */
import type { ConsentRequirement, FlowKind, LineageDirection, PartyKind } from './vocabulary';
import {
  CONSENT_LABELS,
  DIRECTION_LABELS,
  PARTY_KIND_LABELS,
  SENSITIVE_CLASS_LABELS,
  displayName,
  vocabularyLabel,
  type LabelLanguage,
} from './vocabulary-labels';

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

// ---- labels ---------------------------------------------------------------------------------

const TEXT = {
  ZH: {
    sensitive: '敏感',
    notSensitive: '非敏感',
    depth: '深度',
    optional: '可拒绝',
    noPurpose: '未说明目的',
    noLegalBasis: '未说明法律依据',
    cycle: '回流',
    truncated: (depth: number) => `部分结果:深度上限 ${depth} 或路径上限截断了此谱系`,
    empty: '没有数据流携带此字段',
    members: (n: number, kind: string) => `${n} 个${kind}`,
    sep: '、',
  },
  EN: {
    sensitive: 'sensitive',
    notSensitive: 'not sensitive',
    depth: 'depth',
    optional: 'optional',
    noPurpose: 'no purpose stated',
    noLegalBasis: 'no legal basis stated',
    cycle: 'back-flow',
    truncated: (depth: number) => `Partial: maxDepth ${depth} or the path cap cut this lineage short`,
    empty: 'No data flow carries this field',
    members: (n: number, kind: string) => `${n} × ${kind}`,
    sep: ', ',
  },
} as const;

/** `IMEI (imei) · 敏感:网络身份标识信息 · 下游 · 深度 5` */
export function graphTitle(graph: LineageGraph, lang: LabelLanguage): string {
  const t = TEXT[lang];
  const name = displayName(graph.field, lang);
  const sensitivity = graph.field.sensitive
    ? `${t.sensitive}${graph.field.sensitiveClass ? `${lang === 'ZH' ? ':' : ': '}${vocabularyLabel(SENSITIVE_CLASS_LABELS, graph.field.sensitiveClass, lang)}` : ''}`
    : t.notSensitive;
  return [`${name} (${graph.field.key})`, sensitivity, vocabularyLabel(DIRECTION_LABELS, graph.direction, lang), `${t.depth} ${graph.maxDepth}`].join(' · ');
}

export function partyKindLabel(kind: PartyKind, lang: LabelLanguage): string {
  return vocabularyLabel(PARTY_KIND_LABELS, kind, lang);
}

/** A node's lines: its name, then its kind (or, for a group, the count and kind). */
export function nodeLabelLines(node: GraphNode, lang: LabelLanguage): string[] {
  if (node.type === 'party') {
    const name = displayName(node.party, lang);
    const kind = partyKindLabel(node.party.kind, lang);
    return name === kind ? [name] : [name, kind];
  }
  const names = node.members.map((m) => displayName(m, lang));
  const shown = names.slice(0, 3).join(TEXT[lang].sep) + (names.length > 3 ? ` +${names.length - 3}` : '');
  return [TEXT[lang].members(node.members.length, partyKindLabel(node.kind, lang)), shown];
}

/**
 * An arrow's lines: the purposes (at most `maxPurposes`, then "+n"), then the legal bases (at
 * most `maxBases`) and the consent the flow needs. For a group arrow, the union over its flows.
 */
export function edgeLabelLines(edge: GraphEdge, lang: LabelLanguage, maxPurposes = 3, maxBases = Infinity): string[] {
  const t = TEXT[lang];
  const purposes = uniqueBy(edge.flows.flatMap((f) => f.purposes), (p) => p.key).map((p) => displayName(p, lang));
  const shownPurposes = purposes.length
    ? purposes.slice(0, maxPurposes).join(t.sep) + (purposes.length > maxPurposes ? ` +${purposes.length - maxPurposes}` : '')
    : t.noPurpose;
  const bases = uniqueBy(edge.flows.flatMap((f) => f.legalBases), (b) => b.key).map((b) => b.article);
  const consents = unique(edge.flows.map((f) => vocabularyLabel(CONSENT_LABELS, f.consent, lang)));
  const optional = edge.flows.length > 0 && edge.flows.every((f) => f.optional);
  const shownBases = bases.slice(0, maxBases).join(t.sep) + (bases.length > maxBases ? ` +${bases.length - maxBases}` : '');
  const basis = [bases.length ? shownBases : t.noLegalBasis, consents.join('/') + (optional ? ` (${t.optional})` : '')].join(' · ');
  return edge.closesCycle ? [shownPurposes, basis, `↺ ${t.cycle}`] : [shownPurposes, basis];
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

// ---- Mermaid --------------------------------------------------------------------------------

export const LINEAGE_GRAPH_FORMATS = ['MERMAID', 'DOT'] as const;
export type LineageGraphFormat = (typeof LINEAGE_GRAPH_FORMATS)[number];

/** Fill and stroke per party kind; third parties get the strongest mark. */
export const PARTY_KIND_COLORS: Record<PartyKind, { fill: string; stroke: string; text: string }> = {
  DATA_SUBJECT: { fill: '#eef2ff', stroke: '#4f46e5', text: '#1e1b4b' },
  FIRST_PARTY: { fill: '#e0f2fe', stroke: '#0369a1', text: '#0c4a6e' },
  AFFILIATE: { fill: '#ecfeff', stroke: '#0e7490', text: '#164e63' },
  ENTRUSTED_PARTY: { fill: '#fef3c7', stroke: '#b45309', text: '#78350f' },
  THIRD_PARTY: { fill: '#fee2e2', stroke: '#b91c1c', text: '#7f1d1d' },
  AUTHORITY: { fill: '#f3e8ff', stroke: '#7e22ce', text: '#3b0764' },
  PUBLIC: { fill: '#ffedd5', stroke: '#c2410c', text: '#7c2d12' },
};

const MERMAID_CLASS: Record<PartyKind, string> = {
  DATA_SUBJECT: 'subject',
  FIRST_PARTY: 'firstParty',
  AFFILIATE: 'affiliate',
  ENTRUSTED_PARTY: 'entrusted',
  THIRD_PARTY: 'thirdParty',
  AUTHORITY: 'authority',
  PUBLIC: 'public',
};

/** Flows that hand the data to someone outside the handler's control are drawn heavier. */
const DISCLOSING_KINDS: readonly FlowKind[] = ['PROVISION', 'TRANSFER', 'PUBLIC_DISCLOSURE'];

/** Text inside a quoted Mermaid label: entity codes for what Mermaid would parse. */
function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ');
}

function mermaidLines(lines: string[]): string {
  return lines.map(mermaidText).join('<br/>');
}

/** Mermaid `flowchart`: renders on GitHub, GitLab and most documentation tools. */
export function toMermaid(graph: LineageGraph, lang: LabelLanguage = 'ZH'): string {
  const ids = new Map<string, string>();
  graph.nodes.forEach((n, i) => ids.set(n.id, `n${i + 1}`));
  const out: string[] = [];
  out.push('---', `title: "${graphTitle(graph, lang).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`, '---');
  out.push('flowchart LR');
  out.push(`  %% FieldTrail lineage of personal field "${graph.field.key}": ${graph.direction}, maxDepth ${graph.maxDepth}, ${graph.pathCount} path(s)${graph.truncated ? ', TRUNCATED' : ''}`);
  for (const node of graph.nodes) {
    const id = ids.get(node.id)!;
    const label = `"${mermaidLines(nodeLabelLines(node, lang))}"`;
    const kind = node.type === 'party' ? node.party.kind : node.kind;
    const shape =
      node.type === 'group' ? `[${label}]`
      : kind === 'DATA_SUBJECT' ? `([${label}])`
      : kind === 'THIRD_PARTY' ? `[[${label}]]`
      : kind === 'AUTHORITY' ? `{{${label}}}`
      : kind === 'PUBLIC' ? `>${label}]`
      : `[${label}]`;
    out.push(`  %% ${node.type === 'party' ? `party ${node.id}` : `${node.id}: ${node.members.map((m) => m.key).join(', ')}`}`);
    out.push(`  ${id}${shape}:::${MERMAID_CLASS[kind]}`);
    if (node.type === 'group') out.push(`  class ${id} group`);
  }
  for (const edge of graph.edges) {
    const arrow = edge.closesCycle ? '-.->' : edge.flows.some((f) => DISCLOSING_KINDS.includes(f.kind)) ? '==>' : '-->';
    out.push(`  %% ${edge.flows.map((f) => `flow ${f.key}`).join(', ')}`);
    out.push(`  ${ids.get(edge.source)} ${arrow}|"${mermaidLines(edgeLabelLines(edge, lang))}"| ${ids.get(edge.target)}`);
  }
  if (graph.nodes.length === 0) out.push(`  empty["${mermaidText(TEXT[lang].empty)}"]`);
  if (graph.truncated) {
    out.push(`  truncated["⚠ ${mermaidText(TEXT[lang].truncated(graph.maxDepth))}"]:::warning`);
  }
  for (const kind of Object.keys(MERMAID_CLASS) as PartyKind[]) {
    const c = PARTY_KIND_COLORS[kind];
    out.push(`  classDef ${MERMAID_CLASS[kind]} fill:${c.fill},stroke:${c.stroke},color:${c.text}${kind === 'THIRD_PARTY' ? ',stroke-width:2px' : ''}`);
  }
  out.push('  classDef group stroke-dasharray:5 3');
  out.push('  classDef warning fill:#fff7ed,stroke:#c2410c,color:#7c2d12');
  return out.join('\n') + '\n';
}

// ---- Graphviz DOT -----------------------------------------------------------------------------

/** A double-quoted DOT string; newlines become centred line breaks. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const DOT_FONT = 'Noto Sans CJK SC,Helvetica,Arial,sans-serif';

/** Graphviz DOT: `dot -Tsvg lineage.dot > lineage.svg`. */
export function toDot(graph: LineageGraph, lang: LabelLanguage = 'ZH'): string {
  const out: string[] = [];
  const title = graphTitle(graph, lang) + (graph.truncated ? `\n⚠ ${TEXT[lang].truncated(graph.maxDepth)}` : '');
  out.push(`// FieldTrail lineage of personal field "${graph.field.key}": ${graph.direction}, maxDepth ${graph.maxDepth}, ${graph.pathCount} path(s)${graph.truncated ? ', TRUNCATED' : ''}`);
  out.push(`digraph ${dotString(`lineage:${graph.field.key}`)} {`);
  out.push(`  graph [rankdir=LR, label=${dotString(title)}, labelloc=t, fontsize=16, fontname=${dotString(DOT_FONT)}, nodesep=0.4, ranksep=1.2];`);
  out.push(`  node [shape=box, style="rounded,filled", fontsize=12, fontname=${dotString(DOT_FONT)}, penwidth=1.2];`);
  out.push(`  edge [fontsize=10, fontname=${dotString(DOT_FONT)}, color="#475569", fontcolor="#334155"];`);
  for (const node of graph.nodes) {
    const kind = node.type === 'party' ? node.party.kind : node.kind;
    const c = PARTY_KIND_COLORS[kind];
    const attrs = [
      `label=${dotString(nodeLabelLines(node, lang).join('\n'))}`,
      `fillcolor=${dotString(c.fill)}`,
      `color=${dotString(c.stroke)}`,
      `fontcolor=${dotString(c.text)}`,
      `tooltip=${dotString(node.type === 'party' ? node.id : node.members.map((m) => m.key).join(', '))}`,
    ];
    if (kind === 'THIRD_PARTY') attrs.push('penwidth=2.4');
    if (kind === 'DATA_SUBJECT') attrs.push('shape=ellipse', 'style=filled');
    if (node.type === 'group') attrs.push('style="rounded,filled,dashed"');
    out.push(`  ${dotString(node.id)} [${attrs.join(', ')}];`);
  }
  for (const edge of graph.edges) {
    const attrs = [`id=${dotString(edge.id)}`, `label=${dotString(edgeLabelLines(edge, lang).join('\n'))}`, `tooltip=${dotString(edge.flows.map((f) => f.key).join(', '))}`];
    if (edge.closesCycle) attrs.push('style=dashed', 'constraint=false');
    if (edge.flows.some((f) => DISCLOSING_KINDS.includes(f.kind))) attrs.push('penwidth=2', `color=${dotString(PARTY_KIND_COLORS.THIRD_PARTY.stroke)}`);
    out.push(`  ${dotString(edge.source)} -> ${dotString(edge.target)} [${attrs.join(', ')}];`);
  }
  if (graph.nodes.length === 0) out.push(`  "empty" [label=${dotString(TEXT[lang].empty)}, shape=plaintext, style=""];`);
  out.push('}');
  return out.join('\n') + '\n';
}

export function renderLineageGraph(graph: LineageGraph, format: LineageGraphFormat, lang: LabelLanguage = 'ZH'): string {
  return format === 'DOT' ? toDot(graph, lang) : toMermaid(graph, lang);
}
