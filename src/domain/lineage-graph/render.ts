/** The text formats a lineage graph is exported in, and the one call that picks between them. */
import type { LabelLanguage } from '../vocabulary-labels';
import type { LineageGraph } from './build';
import { toDot } from './dot';
import { toMermaid } from './mermaid';

export const LINEAGE_GRAPH_FORMATS = ['MERMAID', 'DOT'] as const;
export type LineageGraphFormat = (typeof LINEAGE_GRAPH_FORMATS)[number];

export function renderLineageGraph(graph: LineageGraph, format: LineageGraphFormat, lang: LabelLanguage = 'ZH'): string {
  return format === 'DOT' ? toDot(graph, lang) : toMermaid(graph, lang);
}
