/** GraphQL enums of the lineage graph export (`PersonalField.lineageGraph`). */
import { registerEnumType } from 'type-graphql';
import { LINEAGE_GRAPH_FORMATS } from '../domain/lineage-graph/render';
import { LABEL_LANGUAGES } from '../domain/vocabulary-labels';
import { enumOf } from './enums';

export const LineageGraphFormatEnum = enumOf(LINEAGE_GRAPH_FORMATS);
export const LabelLanguageEnum = enumOf(LABEL_LANGUAGES);

registerEnumType(LineageGraphFormatEnum, {
  name: 'LineageGraphFormat',
  description: 'MERMAID: a Mermaid flowchart (renders on GitHub and GitLab); DOT: Graphviz (`dot -Tsvg`).',
});
registerEnumType(LabelLanguageEnum, {
  name: 'LabelLanguage',
  description: 'Language of generated labels. ZH uses Chinese names where a node has one (else its name); the policy wording is never translated.',
});
