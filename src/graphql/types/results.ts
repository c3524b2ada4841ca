/** Result shapes that are not graph nodes: connections, lineage, import summaries. */
import { Field, Int, ObjectType } from 'type-graphql';
import { FlowKindEnum, ImportModeEnum, PartyKindEnum } from '../enums';
import type { FlowKind, ImportMode, PartyKind } from '../../domain/vocabulary';
import type { DataFlow, Party } from '../../domain/manifest';
import type { DataFlowFilter, PartyFilter } from '../inputs/filters';
import type { StoredField } from '../../domain/stored';
import { Connection } from './connection';
import { DataFlowType, PartyType, PersonalFieldType } from './nodes';

@ObjectType('PersonalFieldConnection')
export class PersonalFieldConnection extends Connection<StoredField>('PersonalField', PersonalFieldType) {}

@ObjectType('FlowKindCount', { description: 'How many flows of one kind match.' })
export class FlowKindCount {
  @Field(() => FlowKindEnum) kind!: FlowKind;
  @Field(() => Int) count!: number;
}

@ObjectType('PartyKindCount', { description: 'How many parties of one kind match.' })
export class PartyKindCount {
  @Field(() => PartyKindEnum) kind!: PartyKind;
  @Field(() => Int) count!: number;
}

@ObjectType('DataFlowConnection')
export class DataFlowConnection extends Connection<DataFlow>('DataFlow', DataFlowType) {
  /** The filter the connection was asked with: what countsByKind counts. */
  query!: DataFlowFilter;
}

@ObjectType('PartyConnection')
export class PartyConnection extends Connection<Party>('Party', PartyType) {
  /** The filter the connection was asked with: what countsByKind counts. */
  query!: PartyFilter;
}

@ObjectType('LineagePath', { description: 'One route the field takes; hops in walking order.' })
export class LineagePathType {
  hopKeys!: string[];
  destinationKey!: string;
  @Field(() => [DataFlowType]) hops!: DataFlow[];
  @Field(() => PartyType, { description: 'Downstream: the last receiver. Upstream: the earliest source.' }) destination!: unknown;
}

@ObjectType('Lineage')
export class LineageType {
  @Field(() => [LineagePathType]) paths!: LineagePathType[];
  @Field({ description: 'True when maxDepth or the path cap cut the answer short: it is then partial.' }) truncated!: boolean;
}

@ObjectType('ImportResult', { description: 'What an import wrote.' })
export class ImportResult {
  @Field(() => ImportModeEnum) mode!: ImportMode;
  @Field(() => Int, { description: 'Nodes removed first (REPLACE)' }) removed!: number;
  @Field(() => Int) documents!: number;
  @Field(() => Int) clauses!: number;
  @Field(() => Int) categories!: number;
  @Field(() => Int) fields!: number;
  @Field(() => Int) purposes!: number;
  @Field(() => Int) permissions!: number;
  @Field(() => Int) parties!: number;
  @Field(() => Int) legalBases!: number;
  @Field(() => Int) flows!: number;
}
