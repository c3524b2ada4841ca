/**
 * Compliance use cases shared by the GraphQL resolvers and the CLI: findings, impact assessments,
 * records of processing, the regulator lists, snapshots and diffs, breach, withdrawal and
 * deletion answers, and every one of them rendered as a report. The inventory is read once per
 * service (one export of the store), so create one per request or command.
 */
import { blastRadius, type BlastRadius } from '../../domain/compliance/blast-radius';
import { consentWithdrawal, type ConsentWithdrawal } from '../../domain/compliance/consent-withdrawal';
import { deletionPlan, type DeletionPlan } from '../../domain/compliance/deletion-plan';
import { checkFindingFilter, evaluateRules, filterFindings, type ComplianceRule, type Finding, type FindingFilter } from '../../domain/compliance/findings';
import { assessImpact, type ImpactAssessment } from '../../domain/compliance/impact-assessment';
import { InventoryIndex } from '../../domain/compliance/inventory-index';
import { diffInventories, type InventoryDiff } from '../../domain/compliance/inventory-diff';
import { recordsOfProcessing, type RecordsOfProcessing } from '../../domain/compliance/records-of-processing';
import { collectedInformationList, thirdPartySharingList, type CollectedInformationEntry, type ThirdPartySharingEntry } from '../../domain/compliance/regulator-lists';
import { COMPLIANCE_RULES } from '../../domain/compliance/rules';
import type { AssessmentScope } from '../../domain/compliance/scope';
import type { WriteContext } from '../../domain/audit';
import { NotFoundError, ValidationError } from '../../domain/problems';
import type { InventoryStore, SnapshotInfo } from '../../store/inventory-store';
import {
  blastRadiusReport,
  collectedInformationTable,
  consentWithdrawalReport,
  deletionPlanReport,
  diffReport,
  findingsReport,
  findingsTable,
  impactAssessmentReport,
  recordsTable,
  thirdPartySharingTable,
} from './report-builders';
import { tabularReport, type Report, type Tabular } from './report-model';
import { renderCsv, renderHtml, renderMarkdown } from './render-text';
import { renderXlsx } from './render-xlsx';
import { Deadline } from '../deadline';

/** The label `inventoryDiff` reads as the live inventory; no snapshot may take it. */
export const CURRENT = 'current';
/** Snapshot labels: short, safe in file names and URLs (`v2021-09-01`, `2024Q3.release`). */
export const SNAPSHOT_LABEL = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export const REPORT_KINDS = ['findings', 'pia', 'ropa', 'collected-pi', 'third-parties', 'diff', 'breach', 'withdrawal', 'deletion'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['md', 'html', 'json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Which formats each kind can be rendered in: tables export to CSV and XLSX, everything reads as Markdown, HTML and JSON. */
export const FORMATS_OF: Record<ReportKind, readonly ReportFormat[]> = {
  findings: ['md', 'html', 'json', 'csv', 'xlsx'],
  pia: ['md', 'html', 'json'],
  ropa: ['csv', 'xlsx', 'json', 'md', 'html'],
  'collected-pi': ['md', 'csv', 'json', 'html', 'xlsx'],
  'third-parties': ['md', 'csv', 'json', 'html', 'xlsx'],
  diff: ['md', 'html', 'json'],
  breach: ['md', 'html', 'json'],
  withdrawal: ['md', 'html', 'json'],
  deletion: ['md', 'html', 'json'],
};

const MEDIA_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportRequest {
  kind: ReportKind;
  format: ReportFormat;
  /** pia: which part of the inventory. */
  scope?: AssessmentScope | null;
  /** findings: which findings. */
  filter?: FindingFilter | null;
  /** breach: a party key; withdrawal: a permission key; deletion: a field key. */
  subject?: string | null;
  /** diff: snapshot labels (`current` for the live inventory). */
  from?: string | null;
  to?: string | null;
}

export interface RenderedReport {
  kind: ReportKind;
  format: ReportFormat;
  fileName: string;
  mediaType: string;
  /** Text formats as a string; XLSX as bytes. */
  body: string | Buffer;
}

export class ComplianceService {
  private index?: Promise<InventoryIndex>;
  private allFindings?: Promise<Finding[]>;

  constructor(
    private readonly storage: InventoryStore,
    private readonly clock: () => Date = () => new Date(),
    /** Checked between reading and evaluating; the evaluation itself runs to its end (one synchronous pass). */
    private readonly deadline: Deadline = Deadline.none(),
  ) {}

  /** Where the inventory is kept (secret-free), for messages. */
  get location(): string {
    return this.storage.location;
  }


  get rules(): readonly ComplianceRule[] {
    return COMPLIANCE_RULES;
  }

  /** The live inventory, indexed; read once per service. */
  inventory(): Promise<InventoryIndex> {
    this.index ??= this.deadline
      .pass()
      .then(() => this.storage.exportManifest())
      .then(async (m) => {
        await this.deadline.pass();
        return new InventoryIndex(m);
      });
    return this.index;
  }

  async findings(filter: FindingFilter = {}): Promise<Finding[]> {
    checkFindingFilter(filter, this.rules);
    this.allFindings ??= this.inventory().then(async (index) => {
      await this.deadline.pass();
      return evaluateRules(index, this.rules);
    });
    return filterFindings(await this.allFindings, filter);
  }

  async impactAssessment(scope?: AssessmentScope | null): Promise<ImpactAssessment> {
    return assessImpact(await this.inventory(), scope, await this.findings(), this.clock());
  }

  async recordsOfProcessing(): Promise<RecordsOfProcessing> {
    return recordsOfProcessing(await this.inventory(), this.clock());
  }

  async collectedInformation(): Promise<CollectedInformationEntry[]> {
    return collectedInformationList(await this.inventory());
  }

  async thirdPartySharing(): Promise<ThirdPartySharingEntry[]> {
    return thirdPartySharingList(await this.inventory());
  }

  async blastRadius(partyKey: string): Promise<BlastRadius> {
    return blastRadius(await this.inventory(), partyKey);
  }

  async consentWithdrawal(permissionKey: string): Promise<ConsentWithdrawal> {
    return consentWithdrawal(await this.inventory(), permissionKey);
  }

  async deletionPlan(fieldKey: string): Promise<DeletionPlan> {
    return deletionPlan(await this.inventory(), fieldKey);
  }

  // ---- snapshots and change impact --------------------------------------------------------

  /** Keeps an immutable copy of the inventory under a label; labels are never reused. */
  /** Saves a snapshot; the store audits it (SNAPSHOT) as `context.actor`. */
  async takeSnapshot(label: string, context?: WriteContext): Promise<SnapshotInfo> {
    checkLabel(label, 'label');
    return this.storage.saveSnapshot(label, context);
  }

  listSnapshots(): Promise<SnapshotInfo[]> {
    return this.storage.listSnapshots();
  }

  /** Changes from one snapshot to another; `current` is the live inventory. */
  async inventoryDiff(from: string, to: string = CURRENT): Promise<InventoryDiff> {
    const [a, b] = await Promise.all([this.version(from, 'from'), this.version(to, 'to')]);
    return diffInventories(a.index, b.index, a.info, b.info);
  }

  private async version(label: string, path: string): Promise<{ index: InventoryIndex; info: { label: string; createdAt: string | null } }> {
    if (label === CURRENT) return { index: await this.inventory(), info: { label: CURRENT, createdAt: null } };
    checkLabel(label, path);
    const manifest = await this.storage.getSnapshot(label);
    if (!manifest) throw new NotFoundError('snapshot', label);
    const info = (await this.storage.listSnapshots()).find((s) => s.label === label);
    return { index: new InventoryIndex(manifest), info: { label, createdAt: info?.createdAt ?? null } };
  }

  // ---- reports ----------------------------------------------------------------------------

  async report(request: ReportRequest): Promise<RenderedReport> {
    const { kind, format } = request;
    if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
      throw new ValidationError([{ path: 'kind', message: `unknown report "${kind}"; reports are: ${REPORT_KINDS.join(', ')}` }], 'invalid report request');
    }
    if (!FORMATS_OF[kind].includes(format)) {
      throw new ValidationError([{ path: 'format', message: `the ${kind} report comes as ${FORMATS_OF[kind].join(', ')}, not "${format}"` }], 'invalid report request');
    }
    const generatedAt = this.clock().toISOString();
    const index = await this.inventory();
    const source = index.manifest.documents.map((d) => `${d.title} (updated ${d.updatedAt}, effective ${d.effectiveAt})`).join('; ') || 'the inventory';
    const needSubject = (what: string) => {
      if (!request.subject) throw new ValidationError([{ path: 'subject', message: `the ${kind} report needs a ${what} key` }], 'invalid report request');
      return request.subject;
    };

    let data: unknown;
    let report: (() => Report) | undefined;
    let tabular: (() => Tabular) | undefined;
    let name: string = kind;
    switch (kind) {
      case 'findings': {
        const findings = await this.findings(request.filter ?? {});
        data = { generatedAt, source, findings };
        report = () => findingsReport(findings, { generatedAt, source, rules: this.rules });
        tabular = () => findingsTable(findings, { generatedAt, source });
        break;
      }
      case 'pia': {
        const pia = await this.impactAssessment(request.scope);
        data = pia;
        report = () => impactAssessmentReport(pia);
        break;
      }
      case 'ropa': {
        const ropa = await this.recordsOfProcessing();
        data = ropa;
        tabular = () => recordsTable(ropa);
        break;
      }
      case 'collected-pi': {
        const list = await this.collectedInformation();
        data = { generatedAt, source, entries: list };
        tabular = () => collectedInformationTable(list, { source });
        break;
      }
      case 'third-parties': {
        const list = await this.thirdPartySharing();
        data = { generatedAt, source, entries: list };
        tabular = () => thirdPartySharingTable(list, { source });
        break;
      }
      case 'diff': {
        if (!request.from) throw new ValidationError([{ path: 'from', message: 'the diff report needs a snapshot label to compare from' }], 'invalid report request');
        const diff = await this.inventoryDiff(request.from, request.to ?? CURRENT);
        data = diff;
        report = () => diffReport(diff);
        name = `diff-${diff.from.label}-${diff.to.label}`;
        break;
      }
      case 'breach': {
        const b = await this.blastRadius(needSubject('party'));
        data = b;
        report = () => blastRadiusReport(b);
        name = `breach-${b.party.key}`;
        break;
      }
      case 'withdrawal': {
        const w = await this.consentWithdrawal(needSubject('permission'));
        data = w;
        report = () => consentWithdrawalReport(w);
        name = `withdrawal-${w.permission.key}`;
        break;
      }
      case 'deletion': {
        const d = await this.deletionPlan(needSubject('field'));
        data = d;
        report = () => deletionPlanReport(d);
        name = `deletion-${d.field.key}`;
        break;
      }
    }

    const fileName = `fieldtrail-${name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${generatedAt.slice(0, 10)}.${format}`;
    const out = (body: string | Buffer): RenderedReport => ({ kind, format, fileName, mediaType: MEDIA_TYPES[format], body });
    switch (format) {
      case 'json':
        return out(JSON.stringify(data, null, 2) + '\n');
      case 'csv':
        return out(renderCsv(tabular!()));
      case 'xlsx':
        return out(await renderXlsx(tabular!(), { generatedAt }));
      case 'md':
        return out(renderMarkdown(report ? report() : tabularReport(tabular!())));
      case 'html':
        return out(renderHtml(report ? report() : tabularReport(tabular!())));
    }
  }
}

function checkLabel(label: string, path: string): void {
  if (label.toLowerCase() === CURRENT) {
    throw new ValidationError([{ path, message: `"${CURRENT}" names the live inventory and cannot label a snapshot` }], 'invalid snapshot label');
  }
  if (!SNAPSHOT_LABEL.test(label)) {
    throw new ValidationError([{ path, message: `"${label.slice(0, 120)}" is not a snapshot label: use letters, digits, . _ : - (max 100), starting with a letter or digit` }], 'invalid snapshot label');
  }
}
