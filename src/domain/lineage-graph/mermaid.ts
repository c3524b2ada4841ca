/** A lineage graph as Mermaid text. */
import type { PartyKind } from '../vocabulary';
import type { LabelLanguage } from '../vocabulary-labels';
import type { LineageGraph } from './build';
import { GRAPH_TEXT, edgeLabelLines, graphTitle, nodeLabelLines } from './labels';
import { DISCLOSING_KINDS, PARTY_KIND_COLORS } from './style';

const MERMAID_CLASS: Record<PartyKind, string> = {
  DATA_SUBJECT: 'subject',
  FIRST_PARTY: 'firstParty',
  AFFILIATE: 'affiliate',
  ENTRUSTED_PARTY: 'entrusted',
  THIRD_PARTY: 'thirdParty',
  AUTHORITY: 'authority',
  PUBLIC: 'public',
};

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
  if (graph.nodes.length === 0) out.push(`  empty["${mermaidText(GRAPH_TEXT[lang].empty)}"]`);
  if (graph.truncated) {
    out.push(`  truncated["⚠ ${mermaidText(GRAPH_TEXT[lang].truncated(graph.maxDepth))}"]:::warning`);
  }
  for (const kind of Object.keys(MERMAID_CLASS) as PartyKind[]) {
    const c = PARTY_KIND_COLORS[kind];
    out.push(`  classDef ${MERMAID_CLASS[kind]} fill:${c.fill},stroke:${c.stroke},color:${c.text}${kind === 'THIRD_PARTY' ? ',stroke-width:2px' : ''}`);
  }
  out.push('  classDef group stroke-dasharray:5 3');
  out.push('  classDef warning fill:#fff7ed,stroke:#c2410c,color:#7c2d12');
  return out.join('\n') + '\n';
}
