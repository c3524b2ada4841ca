/** The `deletionPlan` answer: what happens to a field when a user cancels their account. */
import { Field, ID, ObjectType } from 'type-graphql';
import { PartyKindEnum } from '../../enums';
import { RecipientActionEnum, SensitiveClassEnum, StoreActionEnum } from './enums';
import { CitedClauseType, StatuteArticleType } from './shared';

@ObjectType('DeletedField')
export class DeletedFieldType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => SensitiveClassEnum, { nullable: true }) sensitiveClass!: string | null;
}

@ObjectType('StoreDeletionStep')
export class StoreStepType {
  @Field(() => ID) partyKey!: string;
  @Field() name!: string;
  @Field(() => StoreActionEnum) action!: string;
  @Field(() => [ID]) deletedFlowKeys!: string[];
  @Field(() => [ID]) keptFlowKeys!: string[];
  @Field(() => String, { nullable: true, description: 'ISO-8601 duration' }) keepAtLeast!: string | null;
  @Field(() => [String]) keptUnder!: string[];
  @Field(() => [String]) retention!: string[];
}

@ObjectType('RecipientDeletionStep')
export class RecipientStepType {
  @Field(() => ID) partyKey!: string;
  @Field() name!: string;
  @Field(() => PartyKindEnum) kind!: string;
  @Field(() => RecipientActionEnum) action!: string;
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) contact!: string | null;
  @Field(() => [ID]) flowKeys!: string[];
  @Field(() => [ID]) onwardPartyKeys!: string[];
}

@ObjectType('DeletionPlan', { description: 'What happens to one field when a user cancels their account.' })
export class DeletionPlanType {
  @Field(() => DeletedFieldType) field!: DeletedFieldType;
  @Field() trigger!: string;
  @Field(() => [StoreStepType]) stores!: StoreStepType[];
  @Field(() => [RecipientStepType]) recipients!: RecipientStepType[];
  @Field() summary!: string;
  @Field(() => [CitedClauseType]) clauses!: CitedClauseType[];
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
}
