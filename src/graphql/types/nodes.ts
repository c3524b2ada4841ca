/**
 * Object types of the inventory graph. Scalar properties come straight from the domain records;
 * relations are field resolvers in ../resolvers.
 */
import { Field, ID, ObjectType, type ClassType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { ConsentRequirementEnum, FlowKindEnum, FunctionTypeEnum, PartyKindEnum } from '../enums';
import type { ConsentRequirement, FlowKind, FunctionType, NodeType, PartyKind } from '../../domain/vocabulary';

/** The GraphQL name of each node type's object type. */
export const NODE_TYPE_NAMES: Record<NodeType, string> = {
  document: 'PolicyDocument',
  category: 'DataCategory',
  field: 'PersonalField',
  purpose: 'Purpose',
  permission: 'Permission',
  party: 'Party',
  legalBasis: 'LegalBasis',
  flow: 'DataFlow',
};

@ObjectType(NODE_TYPE_NAMES.document, { description: 'A privacy policy (or other notice) whose clauses the inventory cites.' })
export class PolicyDocumentType {
  @Field(() => ID) key!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) titleEn?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => DateResolver) updatedAt!: string;
  @Field(() => DateResolver) effectiveAt!: string;
}

@ObjectType('Clause', { description: 'A numbered clause of a policy, quoted: the "why" a DPO can check.' })
export class ClauseType {
  @Field({ description: 'The policy numbering, e.g. 四.2.5' }) ref!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field() text!: string;
  @Field({ description: 'documentKey#ref, the form manifests cite it in' }) citation!: string;
  documentKey!: string;
}

@ObjectType(NODE_TYPE_NAMES.category, { description: 'A class of personal information; sensitivity lives here (PIPL Art. 28).' })
export class DataCategoryType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType(NODE_TYPE_NAMES.field, { description: 'One personal data element, e.g. IMEI or 手机号码.' })
export class PersonalFieldType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType(NODE_TYPE_NAMES.purpose, { description: 'Why personal data is processed.' })
export class PurposeType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => FunctionTypeEnum) functionType!: FunctionType;
}

@ObjectType(NODE_TYPE_NAMES.permission, { description: 'An OS permission that gates collection.' })
export class PermissionType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field() platform!: string;
}

@ObjectType(NODE_TYPE_NAMES.party, { description: 'Someone personal data moves between: the data subject, the handler, recipients.' })
export class PartyType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => PartyKindEnum) kind!: PartyKind;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' }) country?: string | null;
  @Field(() => String, { nullable: true, description: 'How to reach the recipient (PIPL Art. 23)' }) contact?: string | null;
  @Field(() => [String]) sdkPackages!: string[];
}

@ObjectType(NODE_TYPE_NAMES.legalBasis, { description: 'A lawful basis for processing, e.g. PIPL Art. 13(1)(1) consent.' })
export class LegalBasisType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field() jurisdiction!: string;
  @Field() article!: string;
}

@ObjectType('Retention', { description: 'How long the data is kept; minimum/maximum as ISO-8601 durations.' })
export class RetentionType {
  @Field() description!: string;
  @Field(() => String, { nullable: true }) minimum?: string | null;
  @Field(() => String, { nullable: true }) maximum?: string | null;
}

@ObjectType(NODE_TYPE_NAMES.flow, { description: 'These fields move from one party to another, for these purposes, on these bases.' })
export class DataFlowType {
  @Field(() => ID) key!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => FlowKindEnum) kind!: FlowKind;
  @Field(() => ConsentRequirementEnum) consent!: ConsentRequirement;
  @Field({ description: 'The user may refuse it and keep the basic functions' }) optional!: boolean;
  @Field() deidentified!: boolean;
  @Field(() => RetentionType, { nullable: true }) retention?: RetentionType | null;
  @Field(() => String, { nullable: true, description: 'When it happens, as the policy words it' }) scenario?: string | null;
}

/** The object type of each node type, for the resolvers made once per node type. */
export const NODE_OBJECT_TYPES: Record<NodeType, ClassType> = {
  document: PolicyDocumentType,
  category: DataCategoryType,
  field: PersonalFieldType,
  purpose: PurposeType,
  permission: PermissionType,
  party: PartyType,
  legalBasis: LegalBasisType,
  flow: DataFlowType,
};
