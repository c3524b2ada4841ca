/** Result shapes that are not graph nodes: connections, lineage, import summaries. */
import { Field, Int, ObjectType } from 'type-graphql';
import { ImportModeEnum } from '../enums';
import type { ImportMode } from '../../domain/vocabulary';
import type { DataFlow } from '../../domain/manifest';
import type { StoredField } from '../../domain/stored';
import { DataFlowType, PartyType, PersonalFieldType } from './nodes';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('PersonalFieldEdge')
export class PersonalFieldEdge {
  @Field() cursor!: string;
  @Field(() => PersonalFieldType) node!: StoredField;
}

@ObjectType('PersonalFieldConnection')
export class PersonalFieldConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [PersonalFieldType]) nodes!: StoredField[];
  @Field(() => [PersonalFieldEdge]) edges!: PersonalFieldEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType('DataFlowEdge')
export class DataFlowEdge {
  @Field() cursor!: string;
  @Field(() => DataFlowType) node!: DataFlow;
}

@ObjectType('DataFlowConnection')
export class DataFlowConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [DataFlowType]) nodes!: DataFlow[];
  @Field(() => [DataFlowEdge]) edges!: DataFlowEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
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
