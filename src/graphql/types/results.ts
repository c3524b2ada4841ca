/** Result shapes that are not graph nodes: connections, lineage, import summaries. */
import { Field, Int, ObjectType } from 'type-graphql';
import { ImportModeEnum } from '../enums';
import type { ImportMode } from '../../domain/vocabulary';
import type { DataFlow } from '../../domain/manifest';
import type { StoredField } from '../../domain/stored';
import { Connection } from './connection';
import { DataFlowType, PartyType, PersonalFieldType } from './nodes';

@ObjectType('PersonalFieldConnection')
export class PersonalFieldConnection extends Connection<StoredField>('PersonalField', PersonalFieldType) {}

@ObjectType('DataFlowConnection')
export class DataFlowConnection extends Connection<DataFlow>('DataFlow', DataFlowType) {}

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
