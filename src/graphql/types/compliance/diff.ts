/** The `inventoryDiff` answer: what changed between two versions, classified against the policy. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ChangeAreaEnum, ChangeKindEnum } from './enums';
import { CitedClauseType, StatuteArticleType } from './shared';

@ObjectType('InventoryVersion')
export class InventoryVersionType {
  @Field({ description: 'A snapshot label, or "current"' }) label!: string;
  @Field(() => String, { nullable: true, description: 'null for the live inventory' }) createdAt!: string | null;
}

@ObjectType('PropertyChange')
export class PropertyChangeType {
  @Field() property!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType('InventoryChange', { description: 'One node added, removed or changed, classified against the policy’s definition of a major change.' })
export class InventoryChangeType {
  @Field({ description: 'document, category, field, purpose, permission, party, legalBasis or flow' }) nodeType!: string;
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field(() => ChangeKindEnum) change!: string;
  @Field(() => [PropertyChangeType]) properties!: PropertyChangeType[];
  @Field(() => [ChangeAreaEnum]) areas!: string[];
  @Field({ description: 'Falls under §一.3: users must be told prominently' }) major!: boolean;
  @Field({ description: 'PIPL requires consent again before the changed processing' }) requiresRenewedConsent!: boolean;
  @Field(() => [String]) reasons!: string[];
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
  @Field(() => [CitedClauseType]) clauses!: CitedClauseType[];
}

@ObjectType('InventoryDiffSummary')
export class InventoryDiffSummaryType {
  @Field(() => Int) added!: number;
  @Field(() => Int) removed!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) major!: number;
  @Field(() => Int) requiringRenewedConsent!: number;
}

@ObjectType('InventoryDiff')
export class InventoryDiffType {
  @Field(() => InventoryVersionType) from!: InventoryVersionType;
  @Field(() => InventoryVersionType) to!: InventoryVersionType;
  @Field(() => InventoryDiffSummaryType) summary!: InventoryDiffSummaryType;
  @Field(() => [InventoryChangeType]) changes!: InventoryChangeType[];
  @Field(() => [CitedClauseType], { description: "The policy's own clauses on major changes and renewed consent" }) changePolicy!: CitedClauseType[];
}
