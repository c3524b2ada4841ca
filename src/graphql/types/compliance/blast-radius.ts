/** The `blastRadius` answer: what a breach at one party exposes and what to tell people. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PartyKindEnum } from '../../enums';
import { SensitiveClassEnum } from './enums';
import { CitedClauseType, NamedKeyType, StatuteArticleType } from './shared';

@ObjectType('BreachedParty')
export class BreachedPartyType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => PartyKindEnum) kind!: string;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => String, { nullable: true }) contact!: string | null;
}

@ObjectType('ExposedInformation', { description: 'The fields of one sensitive class a breach would expose, and the harm it can do.' })
export class ExposedClassType {
  @Field(() => SensitiveClassEnum, { nullable: true, description: 'null: personal information that is not sensitive' }) sensitiveClass!: string | null;
  @Field(() => [ID]) fieldKeys!: string[];
  @Field(() => [String]) fields!: string[];
  @Field() possibleHarm!: string;
  @Field() advice!: string;
}

@ObjectType('OnwardRecipient')
export class OnwardRecipientType {
  @Field(() => ID) partyKey!: string;
  @Field() name!: string;
  @Field(() => PartyKindEnum) kind!: string;
  @Field(() => [ID]) fieldKeys!: string[];
  @Field(() => [ID], { description: 'Flow keys of the shortest route found' }) via!: string[];
  @Field(() => Int) depth!: number;
}

@ObjectType('BreachNotificationItem')
export class NotificationItemType {
  @Field({ description: 'As the policy (GB/T 35273 §10.2) words it' }) item!: string;
  @Field() itemEn!: string;
  @Field({ description: 'Filled from the inventory; [brackets] mark what only the investigation can tell' }) draft!: string;
}

@ObjectType('BlastRadius', { description: 'What a breach at one party exposes, who else holds it, and what to tell people.' })
export class BlastRadiusType {
  @Field(() => BreachedPartyType) party!: BreachedPartyType;
  @Field(() => [ID]) fieldKeys!: string[];
  @Field(() => [ExposedClassType]) exposed!: ExposedClassType[];
  @Field(() => [NamedKeyType]) purposes!: NamedKeyType[];
  @Field(() => [ID]) inboundFlowKeys!: string[];
  @Field(() => [OnwardRecipientType]) onwardRecipients!: OnwardRecipientType[];
  @Field(() => [String]) dataSubjects!: string[];
  @Field(() => [NotificationItemType]) notification!: NotificationItemType[];
  @Field(() => [String]) obligations!: string[];
  @Field(() => [CitedClauseType]) policyClauses!: CitedClauseType[];
  @Field(() => [CitedClauseType]) clauses!: CitedClauseType[];
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
}
