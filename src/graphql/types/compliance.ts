/**
 * Object types of the compliance answers: findings, impact assessments, records of processing,
 * the regulator lists, snapshots and diffs, breach, withdrawal and deletion plans. Each mirrors a
 * domain record of src/domain/compliance, so resolvers return those records as they are.
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LAWS } from '../../domain/compliance/articles';
import { FUNCTION_EFFECTS } from '../../domain/compliance/consent-withdrawal';
import { RECIPIENT_ACTIONS, STORE_ACTIONS } from '../../domain/compliance/deletion-plan';
import { SEVERITIES, SUBJECT_TYPES } from '../../domain/compliance/findings';
import { CRITERION_STATUSES, MEASURE_KINDS, PIPL_TRIGGERS, RISK_LEVELS, WP248_CRITERIA } from '../../domain/compliance/impact-assessment';
import { CHANGE_AREAS, CHANGE_KINDS } from '../../domain/compliance/inventory-diff';
import { REFUSABILITY, SHARING_METHODS } from '../../domain/compliance/regulator-lists';
import { SENSITIVE_CLASSES } from '../../domain/vocabulary';
import { ConsentRequirementEnum, FlowKindEnum, FunctionTypeEnum, PartyKindEnum } from '../enums';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const SeverityEnum = enumOf(SEVERITIES);
export const FindingSubjectTypeEnum = enumOf(SUBJECT_TYPES);
export const StatuteLawEnum = enumOf(LAWS);
export const PiplTriggerEnum = enumOf(PIPL_TRIGGERS);
export const Wp248CriterionEnum = enumOf(WP248_CRITERIA);
export const CriterionStatusEnum = enumOf(CRITERION_STATUSES);
export const RiskLevelEnum = enumOf(RISK_LEVELS);
export const ProtectiveMeasureKindEnum = enumOf(MEASURE_KINDS);
export const ChangeAreaEnum = enumOf(CHANGE_AREAS);
export const ChangeKindEnum = enumOf(CHANGE_KINDS);
export const FunctionEffectEnum = enumOf(FUNCTION_EFFECTS);
export const StoreActionEnum = enumOf(STORE_ACTIONS);
export const RecipientActionEnum = enumOf(RECIPIENT_ACTIONS);
export const RefusabilityEnum = enumOf(REFUSABILITY);
export const SharingMethodEnum = enumOf(SHARING_METHODS);
export const SensitiveClassEnum = enumOf(SENSITIVE_CLASSES);
/** GraphQL names cannot hold a dash: COLLECTED_PI is the `collected-pi` report. */
export const ComplianceReportKindEnum = { FINDINGS: 'findings', PIA: 'pia', ROPA: 'ropa', COLLECTED_PI: 'collected-pi', THIRD_PARTIES: 'third-parties', DIFF: 'diff', BREACH: 'breach', WITHDRAWAL: 'withdrawal', DELETION: 'deletion' } as const;
export const ComplianceReportFormatEnum = { MD: 'md', HTML: 'html', JSON: 'json', CSV: 'csv', XLSX: 'xlsx' } as const;

registerEnumType(SeverityEnum, { name: 'Severity', description: 'How serious a finding is; a CI gate fails at or above one (INFO < LOW < MEDIUM < HIGH).' });
registerEnumType(FindingSubjectTypeEnum, { name: 'FindingSubjectType' });
registerEnumType(StatuteLawEnum, { name: 'StatuteLaw', description: 'PIPL, GDPR, CSL (PRC Cybersecurity Law), EDPB (WP248 guidelines).' });
registerEnumType(PiplTriggerEnum, { name: 'PiplAssessmentTrigger', description: 'PIPL Art. 55(1)–(5).' });
registerEnumType(Wp248CriterionEnum, { name: 'Wp248Criterion', description: 'The nine criteria of the EDPB DPIA guidelines (WP248 rev.01).' });
registerEnumType(CriterionStatusEnum, { name: 'CriterionStatus', description: 'UNKNOWN: the inventory cannot tell (volumes, significance of decisions).' });
registerEnumType(RiskLevelEnum, { name: 'RiskLevel' });
registerEnumType(ProtectiveMeasureKindEnum, { name: 'ProtectiveMeasureKind' });
registerEnumType(ChangeAreaEnum, { name: 'ChangeArea', description: "The policy's major-change areas (§一.3): SERVICE_MODEL, CONTROL, RECIPIENTS, RIGHTS, CONTACT; then NOTICE (other PIPL Art. 17 items) and EDITORIAL." });
registerEnumType(ChangeKindEnum, { name: 'ChangeKind' });
registerEnumType(FunctionEffectEnum, { name: 'FunctionEffect' });
registerEnumType(StoreActionEnum, { name: 'StoreAction' });
registerEnumType(RecipientActionEnum, { name: 'RecipientAction' });
registerEnumType(RefusabilityEnum, { name: 'Refusability', description: 'PARTLY: refusable in some scenarios only.' });
registerEnumType(SharingMethodEnum, { name: 'SharingMethod' });
registerEnumType(SensitiveClassEnum, { name: 'SensitiveClass', description: 'PIPL Art. 28 / GB/T 35273 Appendix B class.' });
registerEnumType(ComplianceReportKindEnum, { name: 'ComplianceReportKind' });
registerEnumType(ComplianceReportFormatEnum, { name: 'ComplianceReportFormat' });

// ---- shared ------------------------------------------------------------------------------

@ObjectType('StatuteArticle', { description: 'A provision an answer rests on.' })
export class StatuteArticleType {
  @Field(() => StatuteLawEnum) law!: string;
  @Field({ description: 'As cited: "PIPL Art. 29", "GDPR Art. 30(1)"' }) citation!: string;
  @Field({ description: 'What it requires, in a line' }) title!: string;
}

@ObjectType('CitedClause', { description: 'A policy clause an answer cites, quoted (self-contained: it also serves diffs of past snapshots).' })
export class CitedClauseType {
  @Field() citation!: string;
  @Field(() => ID) documentKey!: string;
  @Field() documentTitle!: string;
  @Field() ref!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field() text!: string;
}

@ObjectType('SeverityCount')
export class SeverityCountType {
  @Field(() => SeverityEnum) severity!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('NamedKey')
export class NamedKeyType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
}

// ---- findings ----------------------------------------------------------------------------

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

// ---- impact assessment -------------------------------------------------------------------

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

// ---- records of processing and the regulator lists ---------------------------------------

@ObjectType('ProcessingRecord', { description: 'One purpose × recipient row: GDPR Art. 30(1)(a)–(g) and the PIPL Art. 17 items.' })
export class ProcessingRecordType {
  @Field(() => ID) id!: string;
  @Field({ description: '(a)' }) controller!: string;
  @Field(() => String, { nullable: true, description: '(a)' }) controllerContact!: string | null;
  @Field(() => ID, { description: '(b)' }) purposeKey!: string;
  @Field({ description: '(b)' }) purpose!: string;
  @Field() purposeEn!: string;
  @Field(() => FunctionTypeEnum) functionType!: string;
  @Field(() => [String]) legalBases!: string[];
  @Field(() => [ConsentRequirementEnum]) consent!: string[];
  @Field(() => [String], { description: 'PIPL Art. 17(1)(2) 处理方式' }) processingMethods!: string[];
  @Field(() => [String], { description: '(c)' }) dataSubjects!: string[];
  @Field(() => [String], { description: '(c)' }) dataCategories!: string[];
  @Field(() => [ID], { description: '(c)' }) fieldKeys!: string[];
  @Field(() => [String], { description: '(c)' }) fields!: string[];
  @Field(() => [String], { description: '(c)' }) sensitiveFields!: string[];
  @Field(() => ID, { nullable: true, description: '(d) null: the handler itself' }) recipientKey!: string | null;
  @Field(() => String, { nullable: true, description: '(d)' }) recipient!: string | null;
  @Field(() => PartyKindEnum, { nullable: true, description: '(d)' }) recipientKind!: string | null;
  @Field(() => String, { nullable: true, description: '(d)' }) recipientContact!: string | null;
  @Field(() => String, { nullable: true, description: '(e) null: none' }) thirdCountryTransfer!: string | null;
  @Field(() => [String], { description: '(f)' }) retention!: string[];
  @Field({ description: '(g)' }) securityMeasures!: string;
  @Field({ description: 'PIPL Art. 17(1)(3)' }) rightsExercise!: string;
  @Field(() => [ID]) flowKeys!: string[];
  @Field(() => [String], { description: 'Citations (doc#ref)' }) clauses!: string[];
}

@ObjectType('RecordsOfProcessing')
export class RecordsOfProcessingType {
  @Field() generatedAt!: string;
  @Field() controller!: string;
  @Field(() => String, { nullable: true }) controllerContact!: string | null;
  @Field(() => [ProcessingRecordType]) records!: ProcessingRecordType[];
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
}

@ObjectType('CollectedPersonalInformation', { description: 'A row of 已收集个人信息清单.' })
export class CollectedInformationEntryType {
  @Field(() => ID) fieldKey!: string;
  @Field({ description: '个人信息' }) field!: string;
  @Field() fieldEn!: string;
  @Field() category!: string;
  @Field() sensitive!: boolean;
  @Field(() => SensitiveClassEnum, { nullable: true }) sensitiveClass!: string | null;
  @Field(() => [String], { description: '使用目的' }) purposes!: string[];
  @Field(() => [String], { description: '使用场景' }) scenarios!: string[];
  @Field(() => [String], { description: '权限' }) permissions!: string[];
  @Field(() => [String], { description: '收集方式' }) collectionMethods!: string[];
  @Field(() => RefusabilityEnum) refusable!: string;
  @Field(() => [ID]) flowKeys!: string[];
  @Field(() => [String]) clauseRefs!: string[];
}

@ObjectType('ThirdPartySharing', { description: 'A row of 与第三方共享个人信息清单 / 第三方SDK目录.' })
export class ThirdPartySharingEntryType {
  @Field(() => ID) flowKey!: string;
  @Field(() => ID) recipientKey!: string;
  @Field({ description: '第三方名称' }) recipient!: string;
  @Field() recipientEn!: string;
  @Field(() => PartyKindEnum) recipientKind!: string;
  @Field(() => [String], { description: 'SDK 包名' }) sdkPackages!: string[];
  @Field(() => SharingMethodEnum) method!: string;
  @Field() sharingKind!: string;
  @Field(() => [String], { description: '共享的个人信息' }) fields!: string[];
  @Field(() => [String]) sensitiveFields!: string[];
  @Field(() => [String], { description: '使用目的' }) purposes!: string[];
  @Field(() => [String], { description: '法律依据' }) legalBases!: string[];
  @Field({ description: '同意方式' }) consent!: string;
  @Field() refusable!: boolean;
  @Field(() => String, { nullable: true, description: '联系方式' }) contact!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => [String]) clauseRefs!: string[];
}

// ---- snapshots and change impact ---------------------------------------------------------

@ObjectType('InventorySnapshot', { description: 'An immutable copy of the inventory, kept under a label.' })
export class InventorySnapshotType {
  @Field() label!: string;
  @Field({ description: 'ISO-8601, UTC' }) createdAt!: string;
}

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

// ---- breach, withdrawal, deletion --------------------------------------------------------

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

@ObjectType('WithdrawnPermission')
export class WithdrawnPermissionType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field({ description: 'An Android runtime permission the user can revoke in the settings' }) runtime!: boolean;
  @Field(() => String, { nullable: true }) group!: string | null;
}

@ObjectType('AffectedFlow')
export class AffectedFlowType {
  @Field(() => ID) flowKey!: string;
  @Field() name!: string;
  @Field() optional!: boolean;
  @Field() reason!: string;
}

@ObjectType('AffectedFunction')
export class AffectedFunctionType {
  @Field(() => ID) purposeKey!: string;
  @Field() name!: string;
  @Field(() => FunctionTypeEnum) functionType!: string;
  @Field(() => FunctionEffectEnum) effect!: string;
  @Field(() => [ID]) stoppedFlowKeys!: string[];
  @Field(() => [ID]) limitedFlowKeys!: string[];
}

@ObjectType('ConsentWithdrawal', { description: 'What stops when a user revokes a permission, and whether the basic functions survive.' })
export class ConsentWithdrawalType {
  @Field(() => WithdrawnPermissionType) permission!: WithdrawnPermissionType;
  @Field(() => [ID]) revokedPermissions!: string[];
  @Field(() => [AffectedFlowType]) stoppedFlows!: AffectedFlowType[];
  @Field(() => [AffectedFlowType]) limitedFlows!: AffectedFlowType[];
  @Field(() => [AffectedFunctionType]) functions!: AffectedFunctionType[];
  @Field(() => [ID]) fieldsNoLongerCollected!: string[];
  @Field() basicFunctionSurvives!: boolean;
  @Field(() => [ID], { description: 'Flows the user cannot refuse that the permission gates' }) requiredFlowsAffected!: string[];
  @Field() verdict!: string;
  @Field(() => [CitedClauseType]) clauses!: CitedClauseType[];
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
}

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

// ---- rendered reports --------------------------------------------------------------------

@ObjectType('ComplianceReport', { description: 'A report rendered as a file: text formats as UTF-8, XLSX as base64.' })
export class ComplianceReportType {
  @Field(() => ComplianceReportKindEnum) kind!: string;
  @Field(() => ComplianceReportFormatEnum) format!: string;
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field({ description: '"utf-8" or "base64"' }) encoding!: string;
  @Field() content!: string;
}
