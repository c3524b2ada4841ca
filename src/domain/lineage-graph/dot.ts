/** A lineage graph as Graphviz DOT text. */
import type { LabelLanguage } from '../vocabulary-labels';
import type { LineageGraph } from './build';
import { GRAPH_TEXT, edgeLabelLines, graphTitle, nodeLabelLines } from './labels';
import { DISCLOSING_KINDS, PARTY_KIND_COLORS } from './style';

/** A double-quoted DOT string; newlines become centred line breaks. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const DOT_FONT = 'Noto Sans CJK SC,Helvetica,Arial,sans-serif';

/** Graphviz DOT: `dot -Tsvg lineage.dot > lineage.svg`. */
export function toDot(graph: LineageGraph, lang: LabelLanguage = 'ZH'): string {
  const out: string[] = [];
  const title = graphTitle(graph, lang) + (graph.truncated ? `\n⚠ ${GRAPH_TEXT[lang].truncated(graph.maxDepth)}` : '');
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
  if (graph.nodes.length === 0) out.push(`  "empty" [label=${dotString(GRAPH_TEXT[lang].empty)}, shape=plaintext, style=""];`);
  out.push('}');
  return out.join('\n') + '\n';
}
