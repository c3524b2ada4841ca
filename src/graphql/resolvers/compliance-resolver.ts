/**
 * Compliance queries and the snapshot mutation: thin calls into ComplianceService, which reads the
 * inventory once per request however many of these a request asks for.
 */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { SEVERITIES, countBySeverity, type Finding } from '../../domain/compliance/findings';
import type { ImpactAssessment } from '../../domain/compliance/impact-assessment';
import { CURRENT, type ReportFormat, type ReportKind } from '../../services/compliance/compliance-service';
import type { RequestContext } from '../context';
import { FindingFilter, ImpactAssessmentScope } from '../inputs/compliance';
import { BlastRadiusType } from '../types/compliance/blast-radius';
import { ConsentWithdrawalType } from '../types/compliance/consent-withdrawal';
import { DeletionPlanType } from '../types/compliance/deletion-plan';
import { InventoryDiffType } from '../types/compliance/diff';
import { ComplianceReportFormatEnum, ComplianceReportKindEnum } from '../types/compliance/enums';
import { ComplianceRuleType, FindingReportType } from '../types/compliance/findings';
import { ImpactAssessmentType } from '../types/compliance/impact-assessment';
import { RecordsOfProcessingType } from '../types/compliance/records-of-processing';
import { CollectedInformationEntryType, ThirdPartySharingEntryType } from '../types/compliance/regulator-lists';
import { ComplianceReportType } from '../types/compliance/report';
import { InventorySnapshotType } from '../types/compliance/snapshot';

/** Severity counts as a list, highest first, every severity present. */
function bySeverity(findings: readonly Finding[]) {
  const counts = countBySeverity(findings);
  return [...SEVERITIES].reverse().map((severity) => ({ severity, count: counts[severity] }));
}

@Resolver()
export class ComplianceResolver {
  @Query(() => FindingReportType, { description: 'What is wrong with the inventory (PIPL first, GDPR alongside), most severe first.' })
  async findings(@Ctx() ctx: RequestContext, @Arg('filter', () => FindingFilter, { nullable: true }) filter: FindingFilter | null) {
    const nodes = await ctx.compliance.findings(filter ?? {});
    return { totalCount: nodes.length, bySeverity: bySeverity(nodes), nodes };
  }

  @Query(() => [ComplianceRuleType], { description: 'The rules findings come from, with their articles.' })
  complianceRules(@Ctx() ctx: RequestContext) {
    return ctx.compliance.rules;
  }

  @Query(() => ImpactAssessmentType, { description: 'A PIPL Art. 55–56 impact assessment (WP248 alongside) of the whole inventory or a scope.' })
  async impactAssessment(@Ctx() ctx: RequestContext, @Arg('scope', () => ImpactAssessmentScope, { nullable: true }) scope: ImpactAssessmentScope | null) {
    const pia: ImpactAssessment = await ctx.compliance.impactAssessment(scope);
    return { ...pia, summary: { ...pia.summary, openFindings: bySeverity(pia.findings) } };
  }

  @Query(() => RecordsOfProcessingType, { description: 'GDPR Art. 30(1) records with the PIPL Art. 17 items, one row per purpose × recipient.' })
  recordsOfProcessing(@Ctx() ctx: RequestContext) {
    return ctx.compliance.recordsOfProcessing();
  }

  @Query(() => [CollectedInformationEntryType], { description: '已收集个人信息清单: every field the handler collects, with purposes, scenarios and permissions.' })
  collectedPersonalInformation(@Ctx() ctx: RequestContext) {
    return ctx.compliance.collectedInformation();
  }

  @Query(() => [ThirdPartySharingEntryType], { description: '与第三方共享个人信息清单 / 第三方SDK目录: every flow from the handler to a recipient.' })
  thirdPartySharing(@Ctx() ctx: RequestContext) {
    return ctx.compliance.thirdPartySharing();
  }

  @Query(() => [InventorySnapshotType], { description: 'Saved snapshots, oldest first.' })
  snapshots(@Ctx() ctx: RequestContext) {
    return ctx.compliance.listSnapshots();
  }

  @Query(() => InventoryDiffType, { description: 'What changed between two snapshots ("current": the live inventory), classified against the policy\'s definition of a major change.' })
  inventoryDiff(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => String, { description: 'A snapshot label' }) from: string,
    @Arg('to', () => String, { nullable: true, defaultValue: CURRENT, description: 'A snapshot label, or "current"' }) to: string | null,
  ) {
    return ctx.compliance.inventoryDiff(from, to ?? CURRENT);
  }

  @Query(() => BlastRadiusType, { description: 'If this party is breached: what is exposed, who else holds it, what to tell people.' })
  blastRadius(@Ctx() ctx: RequestContext, @Arg('partyKey', () => ID) partyKey: string) {
    return ctx.compliance.blastRadius(partyKey);
  }

  @Query(() => ConsentWithdrawalType, { description: 'What stops when a user revokes this permission, and whether the basic functions survive.' })
  consentWithdrawal(@Ctx() ctx: RequestContext, @Arg('permissionKey', () => ID) permissionKey: string) {
    return ctx.compliance.consentWithdrawal(permissionKey);
  }

  @Query(() => DeletionPlanType, { description: 'What happens to this field when a user cancels their account.' })
  deletionPlan(@Ctx() ctx: RequestContext, @Arg('fieldKey', () => ID) fieldKey: string) {
    return ctx.compliance.deletionPlan(fieldKey);
  }

  @Query(() => ComplianceReportType, { description: 'Any compliance answer rendered as a file (Markdown, HTML, JSON, CSV or XLSX).' })
  async complianceReport(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => ComplianceReportKindEnum) kind: ReportKind,
    @Arg('format', () => ComplianceReportFormatEnum) format: ReportFormat,
    @Arg('scope', () => ImpactAssessmentScope, { nullable: true, description: 'pia' }) scope: ImpactAssessmentScope | null,
    @Arg('filter', () => FindingFilter, { nullable: true, description: 'findings' }) filter: FindingFilter | null,
    @Arg('subject', () => ID, { nullable: true, description: 'breach: party; withdrawal: permission; deletion: field' }) subject: string | null,
    @Arg('from', () => String, { nullable: true, description: 'diff' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'diff' }) to: string | null,
  ) {
    const report = await ctx.compliance.report({ kind, format, scope, filter, subject, from, to });
    const binary = Buffer.isBuffer(report.body);
    return {
      kind: report.kind,
      format: report.format,
      fileName: report.fileName,
      mediaType: report.mediaType,
      encoding: binary ? 'base64' : 'utf-8',
      content: binary ? (report.body as Buffer).toString('base64') : (report.body as string),
    };
  }

  @Authorized('editor')
  @Mutation(() => InventorySnapshotType, { description: 'Keeps an immutable copy of the inventory under a new label, for diffs and audits.' })
  takeSnapshot(@Ctx() ctx: RequestContext, @Arg('label', () => String) label: string) {
    return ctx.compliance.takeSnapshot(label, { actor: ctx.actor.id });
  }
}
