/**
 * Inputs for the upsert mutations: the manifest's node shapes. They are checked by the manifest
 * schema in the service (one set of rules for imports and mutations), so no validators here.
 */
import { Field, ID, InputType, Int } from 'type-graphql';
import { ConsentRequirementEnum, FlowKindEnum, FunctionTypeEnum, PartyKindEnum } from '../enums';
import type { ConsentRequirement, FlowKind, FunctionType, PartyKind } from '../../domain/vocabulary';

/** Properties every node input shares (not itself part of the schema). */
@InputType()
abstract class NodeInput {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Clause citations: documentKey#ref' }) sources?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Fail with CONFLICT unless the stored node is at this version' }) expectedVersion?: number | null;
}

@InputType()
export class ClauseInput {
  @Field() ref!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field() text!: string;
}

@InputType()
export class PolicyDocumentInput {
  @Field(() => ID) key!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) titleEn?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field({ description: 'YYYY-MM-DD' }) updatedAt!: string;
  @Field({ description: 'YYYY-MM-DD' }) effectiveAt!: string;
  @Field(() => [ClauseInput], { nullable: true, description: 'Replaces all clauses; cited clauses must stay' }) clauses?: ClauseInput[] | null;
  @Field(() => Int, { nullable: true, description: 'Fail with CONFLICT unless the stored node is at this version' }) expectedVersion?: number | null;
}

@InputType()
export class DataCategoryInput extends NodeInput {
  @Field(() => ID, { nullable: true }) parent?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Omit to inherit from the parent' }) sensitive?: boolean | null;
  @Field(() => String, { nullable: true }) sensitiveClass?: string | null;
}

@InputType()
export class PersonalFieldInput extends NodeInput {
  @Field(() => ID) category!: string;
  @Field(() => Boolean, { nullable: true, description: 'Omit to inherit from the category' }) sensitive?: boolean | null;
  @Field(() => String, { nullable: true }) sensitiveClass?: string | null;
}

@InputType()
export class PurposeInput extends NodeInput {
  @Field(() => FunctionTypeEnum) functionType!: FunctionType;
}

@InputType()
export class PermissionInput extends NodeInput {
  @Field(() => String, { nullable: true, description: 'Defaults to android' }) platform?: string | null;
}

@InputType()
export class PartyInput extends NodeInput {
  @Field(() => PartyKindEnum) kind!: PartyKind;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) contact?: string | null;
  @Field(() => [String], { nullable: true }) sdkPackages?: string[] | null;
}

@InputType()
export class LegalBasisInput extends NodeInput {
  @Field() jurisdiction!: string;
  @Field() article!: string;
}

@InputType()
export class RetentionInput {
  @Field() description!: string;
  @Field(() => String, { nullable: true }) minimum?: string | null;
  @Field(() => String, { nullable: true }) maximum?: string | null;
}

@InputType()
export class DataFlowInput {
  @Field(() => ID) key!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => FlowKindEnum) kind!: FlowKind;
  @Field(() => [ID], { nullable: true }) fields?: string[] | null;
  @Field(() => [ID], { nullable: true }) categories?: string[] | null;
  @Field(() => [ID], { nullable: true }) purposes?: string[] | null;
  @Field(() => [ID], { nullable: true }) legalBases?: string[] | null;
  @Field(() => [ID], { nullable: true }) permissions?: string[] | null;
  @Field(() => ConsentRequirementEnum) consent!: ConsentRequirement;
  @Field() optional!: boolean;
  @Field(() => Boolean, { nullable: true }) deidentified?: boolean | null;
  @Field(() => RetentionInput, { nullable: true }) retention?: RetentionInput | null;
  @Field(() => String, { nullable: true }) scenario?: string | null;
  @Field(() => [String], { nullable: true }) sources?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Fail with CONFLICT unless the stored node is at this version' }) expectedVersion?: number | null;
}
