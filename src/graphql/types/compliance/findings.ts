/** The `findings` and `complianceRules` answers: what is wrong, and the rules that say so. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FindingSubjectTypeEnum, SeverityEnum } from './enums';
import { CitedClauseType, SeverityCountType, StatuteArticleType } from './shared';

@ObjectType('FindingSubject', { description: 'What a finding is about.' })
export class FindingSubjectType {
  @Field(() => FindingSubjectTypeEnum) type!: string;
  @Field(() => ID) key!: string;
  @Field({ description: "The node's name as the policy words it" }) name!: string;
}

@ObjectType('FindingInvolvement', { description: 'Every node a finding concerns, by key.' })
export class FindingInvolvementType {
  @Field(() => [ID]) fields!: string[];
  @Field(() => [ID]) flows!: string[];
  @Field(() => [ID]) parties!: string[];
  @Field(() => [ID]) purposes!: string[];
  @Field(() => [ID]) permissions!: string[];
  @Field(() => [ID]) legalBases!: string[];
}

@ObjectType('Finding', { description: 'Something wrong with the inventory, with the rule, statute and clauses behind it.' })
export class FindingType {
  @Field(() => ID, { description: 'Stable across runs: rule:SUBJECT_TYPE:key' }) id!: string;
  @Field() rule!: string;
  @Field() title!: string;
  @Field(() => SeverityEnum) severity!: string;
  @Field(() => FindingSubjectType) subject!: FindingSubjectType;
  @Field() message!: string;
  @Field({ description: 'What would clear it' }) remedy!: string;
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
  @Field(() => [CitedClauseType]) clauses!: CitedClauseType[];
  @Field(() => FindingInvolvementType) involves!: FindingInvolvementType;
}

@ObjectType('FindingReport')
export class FindingReportType {
  @Field(() => Int) totalCount!: number;
  @Field(() => [SeverityCountType], { description: 'Every severity, highest first, with its count among the findings returned' }) bySeverity!: SeverityCountType[];
  @Field(() => [FindingType], { description: 'Most severe first' }) nodes!: FindingType[];
}

@ObjectType('ComplianceRule', { description: 'A rule of the engine: what it checks and on which articles.' })
export class ComplianceRuleType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => SeverityEnum, { description: 'The highest severity it reports' }) severity!: string;
  @Field() description!: string;
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
}
