/**
 * The words on a lineage graph — its title, node and arrow labels — in Chinese or English.
 * Mermaid, DOT and the dashboard all label with these, so every drawing says the same.
 */
import type { PartyKind } from '../vocabulary';
import {
  CONSENT_LABELS,
  DIRECTION_LABELS,
  PARTY_KIND_LABELS,
  SENSITIVE_CLASS_LABELS,
  displayName,
  vocabularyLabel,
  type LabelLanguage,
} from '../vocabulary-labels';
import type { GraphEdge, GraphNode, LineageGraph } from './build';

/** The fixed phrases on a graph; vocabulary terms come from vocabulary-labels. */
export const GRAPH_TEXT = {
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
  const t = GRAPH_TEXT[lang];
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
  const shown = names.slice(0, 3).join(GRAPH_TEXT[lang].sep) + (names.length > 3 ? ` +${names.length - 3}` : '');
  return [GRAPH_TEXT[lang].members(node.members.length, partyKindLabel(node.kind, lang)), shown];
}

/**
 * An arrow's lines: the purposes (at most `maxPurposes`, then "+n"), then the legal bases (at
 * most `maxBases`) and the consent the flow needs. For a group arrow, the union over its flows.
 */
export function edgeLabelLines(edge: GraphEdge, lang: LabelLanguage, maxPurposes = 3, maxBases = Infinity): string[] {
  const t = GRAPH_TEXT[lang];
  const purposes = uniqueBy(edge.flows.flatMap((f) => f.purposes), (p) => p.key).map((p) => displayName(p, lang));
  const shownPurposes = purposes.length
    ? purposes.slice(0, maxPurposes).join(t.sep) + (purposes.length > maxPurposes ? ` +${purposes.length - maxPurposes}` : '')
    : t.noPurpose;
  const bases = uniqueBy(edge.flows.flatMap((f) => f.legalBases), (b) => b.key).map((b) => b.article);
  const consents = [...new Set(edge.flows.map((f) => vocabularyLabel(CONSENT_LABELS, f.consent, lang)))];
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
