/** The `impactAssessment` answer: PIPL Art. 55–56 with the WP248 screening alongside. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsentRequirementEnum, FlowKindEnum, FunctionTypeEnum, PartyKindEnum } from '../../enums';
import { CriterionStatusEnum, PiplTriggerEnum, ProtectiveMeasureKindEnum, RiskLevelEnum, SensitiveClassEnum, Wp248CriterionEnum } from './enums';
import { FindingType } from './findings';
import { CitedClauseType, SeverityCountType, StatuteArticleType } from './shared';

@ObjectType('AssessmentScopeSummary')
export class AssessmentScopeSummaryType {
  @Field() whole!: boolean;
  @Field() description!: string;
  @Field(() => [ID]) fieldKeys!: string[];
  @Field(() => [ID]) purposeKeys!: string[];
  @Field(() => [ID]) recipientKeys!: string[];
  @Field(() => [ID]) flowKeys!: string[];
}

@ObjectType('PolicyDocumentSummary')
export class PolicyDocumentSummaryType {
  @Field(() => ID) key!: string;
  @Field() title!: string;
  @Field() updatedAt!: string;
  @Field() effectiveAt!: string;
}

@ObjectType('HandlerSummary')
export class HandlerSummaryType {
  @Field(() => [String]) names!: string[];
  @Field(() => String, { nullable: true }) contact!: string | null;
}

@ObjectType('ImpactSummary')
export class ImpactSummaryType {
  @Field(() => Int) flows!: number;
  @Field(() => Int) fields!: number;
  @Field(() => Int) sensitiveFields!: number;
  @Field(() => Int) recipients!: number;
  @Field(() => Int) purposes!: number;
  @Field({ description: 'Some PIPL Art. 55 trigger applies' }) piplAssessmentRequired!: boolean;
  @Field(() => Int) wp248CriteriaMet!: number;
  @Field({ description: 'Two or more WP248 criteria met' }) gdprDpiaLikely!: boolean;
  @Field(() => Int) highRiskFlows!: number;
  @Field(() => [SeverityCountType]) openFindings!: SeverityCountType[];
  @Field(() => RiskLevelEnum) overallRisk!: string;
  @Field() conclusion!: string;
}

@ObjectType('PiplTriggerAssessment')
export class PiplTriggerAssessmentType {
  @Field(() => PiplTriggerEnum) trigger!: string;
  @Field({ description: 'PIPL Art. 55(1)…' }) item!: string;
  @Field() title!: string;
  @Field() applies!: boolean;
  @Field(() => [String]) evidence!: string[];
  @Field(() => [ID]) flowKeys!: string[];
  @Field(() => [ID]) fieldKeys!: string[];
}

@ObjectType('Wp248CriterionAssessment')
export class Wp248CriterionAssessmentType {
  @Field(() => Wp248CriterionEnum) criterion!: string;
  @Field(() => Int) number!: number;
  @Field() title!: string;
  @Field(() => CriterionStatusEnum) status!: string;
  @Field(() => [String]) evidence!: string[];
}

@ObjectType('LegalBasisStanding')
export class LegalBasisStandingType {
  @Field(() => ID) key!: string;
  @Field() article!: string;
  @Field({ description: 'How PIPL sees it' }) standing!: string;
}

@ObjectType('PurposeAssessment', { description: 'Art. 56(1): is the purpose lawful, legitimate and necessary?' })
export class PurposeAssessmentType {
  @Field(() => ID) purposeKey!: string;
  @Field() name!: string;
  @Field(() => FunctionTypeEnum) functionType!: string;
  @Field(() => [LegalBasisStandingType]) legalBases!: LegalBasisStandingType[];
  @Field(() => [ID]) flowKeys!: string[];
  @Field(() => [ID]) fieldKeys!: string[];
  @Field(() => [ID]) sensitiveFieldKeys!: string[];
  @Field(() => [String]) sensitiveFields!: string[];
  @Field() refusable!: boolean;
  @Field(() => Int) findings!: number;
}

@ObjectType('FlowRisk', { description: "Art. 56(2): one flow's risk and the factors behind it." })
export class FlowRiskType {
  @Field(() => ID) flowKey!: string;
  @Field() name!: string;
  @Field(() => FlowKindEnum) kind!: string;
  @Field(() => ID) fromKey!: string;
  @Field(() => ID) toKey!: string;
  @Field() recipientName!: string;
  @Field(() => PartyKindEnum) recipientKind!: string;
  @Field(() => [ID], { description: 'Fields of the flow within the scope' }) fieldKeys!: string[];
  @Field(() => [SensitiveClassEnum]) sensitiveClasses!: string[];
  @Field(() => [ID]) purposes!: string[];
  @Field(() => [ID]) legalBases!: string[];
  @Field(() => ConsentRequirementEnum) consent!: string;
  @Field() optional!: boolean;
  @Field() deidentified!: boolean;
  @Field() crossBorder!: boolean;
  @Field(() => String, { nullable: true }) retention!: string | null;
  @Field(() => RiskLevelEnum) risk!: string;
  @Field(() => [String]) riskFactors!: string[];
}

@ObjectType('ProtectiveMeasure', { description: 'Art. 56(3): a measure the inventory records.' })
export class ProtectiveMeasureType {
  @Field(() => ProtectiveMeasureKindEnum) kind!: string;
  @Field() description!: string;
  @Field(() => [ID]) flowKeys!: string[];
  @Field(() => [CitedClauseType]) clauses!: CitedClauseType[];
}

@ObjectType('ImpactAssessment', { description: 'A PIPL Art. 55–56 impact assessment with the WP248 screening alongside.' })
export class ImpactAssessmentType {
  @Field() generatedAt!: string;
  @Field({ description: 'PIPL Art. 56: keep the report at least three years' }) keepUntil!: string;
  @Field(() => AssessmentScopeSummaryType) scope!: AssessmentScopeSummaryType;
  @Field(() => [PolicyDocumentSummaryType]) documents!: PolicyDocumentSummaryType[];
  @Field(() => HandlerSummaryType) handler!: HandlerSummaryType;
  @Field(() => ImpactSummaryType) summary!: ImpactSummaryType;
  @Field(() => [PiplTriggerAssessmentType]) piplTriggers!: PiplTriggerAssessmentType[];
  @Field(() => [Wp248CriterionAssessmentType]) wp248Criteria!: Wp248CriterionAssessmentType[];
  @Field(() => [PurposeAssessmentType]) purposes!: PurposeAssessmentType[];
  @Field(() => [FlowRiskType]) flows!: FlowRiskType[];
  @Field(() => [ProtectiveMeasureType]) measures!: ProtectiveMeasureType[];
  @Field(() => [FindingType]) findings!: FindingType[];
  @Field(() => [CitedClauseType]) clauses!: CitedClauseType[];
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
}
