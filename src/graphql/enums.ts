/** GraphQL enums, built from the domain vocabularies so the two cannot drift apart. */
import { registerEnumType } from 'type-graphql';
import {
  CONSENT_REQUIREMENTS,
  FLOW_KINDS,
  FUNCTION_TYPES,
  IMPORT_MODES,
  LINEAGE_DIRECTIONS,
  PARTY_KINDS,
} from '../domain/vocabulary';

/** A GraphQL enum whose names are its values: `enumOf(['A', 'B'])` is `{ A: 'A', B: 'B' }`. */
export const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const FlowKindEnum = enumOf(FLOW_KINDS);
export const ConsentRequirementEnum = enumOf(CONSENT_REQUIREMENTS);
export const FunctionTypeEnum = enumOf(FUNCTION_TYPES);
export const PartyKindEnum = enumOf(PARTY_KINDS);
export const LineageDirectionEnum = enumOf(LINEAGE_DIRECTIONS);
export const ImportModeEnum = enumOf(IMPORT_MODES);

registerEnumType(FlowKindEnum, { name: 'FlowKind', description: 'How personal data moves along a flow (PIPL Art. 21–25).' });
registerEnumType(ConsentRequirementEnum, { name: 'ConsentRequirement', description: 'The consent a flow needs (PIPL Art. 14, 29, 31, 39; NONE where Art. 13(2)–(7) applies).' });
registerEnumType(FunctionTypeEnum, { name: 'FunctionType', description: 'BASIC: 核心业务功能; EXTENDED: 附加业务功能 the user may refuse.' });
registerEnumType(PartyKindEnum, { name: 'PartyKind' });
registerEnumType(LineageDirectionEnum, { name: 'LineageDirection' });
registerEnumType(ImportModeEnum, { name: 'ImportMode', description: 'MERGE replaces the nodes named and keeps the rest; REPLACE empties the inventory first.' });
