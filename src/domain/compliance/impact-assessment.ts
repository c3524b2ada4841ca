/**
 * A personal information protection impact assessment (PIPL Art. 55–56) with the EDPB's DPIA
 * screening (WP248 rev.01) alongside, for the whole inventory or a scope. It assembles what the
 * inventory knows — triggers, per-flow risk factors, recorded measures, open findings and the
 * clauses involved — in the order of Art. 56's three questions. What the inventory cannot know
 * (volumes, the significance of decisions) is reported UNKNOWN, never guessed.
 */
import type { DataFlow, PolicyDocument } from '../manifest';
import type { ConsentRequirement, FlowKind, FunctionType, PartyKind, SensitiveClass } from '../vocabulary';
import { articles, mergeArticles, type ArticleRef } from './articles';
import { countBySeverity, type Finding, type Severity } from './findings';
import type { CitedClause, InventoryIndex } from './inventory-index';
import { classifyLegalBasis, hasSeparateConsent, type BasisStanding } from './legal-bases';
import { isRuntimePermission } from './permission-groups';
import { combiningWords, evaluationWords, monitoringWords, profilingWords } from './purpose-traits';
import { resolveScope, type AssessmentScope } from './scope';

export const RISK_LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const PIPL_TRIGGERS = ['SENSITIVE_PI', 'AUTOMATED_DECISION_MAKING', 'ENTRUSTING_PROVIDING_DISCLOSING', 'CROSS_BORDER', 'OTHER_SIGNIFICANT_IMPACT'] as const;
export type PiplTrigger = (typeof PIPL_TRIGGERS)[number];

export const WP248_CRITERIA = [
  'EVALUATION_OR_SCORING',
  'AUTOMATED_DECISION_WITH_SIGNIFICANT_EFFECT',
  'SYSTEMATIC_MONITORING',
  'SENSITIVE_OR_HIGHLY_PERSONAL_DATA',
  'LARGE_SCALE',
  'MATCHING_OR_COMBINING_DATASETS',
  'VULNERABLE_DATA_SUBJECTS',
  'INNOVATIVE_TECHNOLOGY',
  'PREVENTS_EXERCISING_A_RIGHT_OR_USING_A_SERVICE',
] as const;
export type Wp248Criterion = (typeof WP248_CRITERIA)[number];
export const CRITERION_STATUSES = ['MET', 'NOT_MET', 'UNKNOWN'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

export const MEASURE_KINDS = [
  'SEPARATE_CONSENT',
  'CONSENT',
  'USER_CHOICE',
  'PERMISSION_AT_USE',
  'DEIDENTIFICATION',
  'RETENTION_LIMIT',
  'RETENTION_STATEMENT',
  'ENTRUSTMENT',
  'DATA_LOCALISATION',
  'SECURITY_COMMITMENT',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export interface TriggerAssessment {
  trigger: PiplTrigger;
  /** `PIPL Art. 55(1)`… */
  item: string;
  title: string;
  applies: boolean;
  evidence: string[];
  flowKeys: string[];
  fieldKeys: string[];
}

export interface CriterionAssessment {
  criterion: Wp248Criterion;
  number: number;
  title: string;
  status: CriterionStatus;
  evidence: string[];
}

export interface FlowRisk {
  flowKey: string;
  name: string;
  kind: FlowKind;
  fromKey: string;
  toKey: string;
  recipientName: string;
  recipientKind: PartyKind;
  fieldKeys: string[];
  sensitiveClasses: SensitiveClass[];
  purposes: string[];
  legalBases: string[];
  consent: ConsentRequirement;
  optional: boolean;
  deidentified: boolean;
  crossBorder: boolean;
  retention: string | null;
  risk: RiskLevel;
  /** Why the risk is what it is: each factor in words. */
  riskFactors: string[];
}

export interface PurposeAssessment {
  purposeKey: string;
  name: string;
  functionType: FunctionType;
  /** Bases across its flows, as PIPL sees them. */
  legalBases: Array<{ key: string; article: string; standing: string }>;
  flowKeys: string[];
  fieldKeys: string[];
  sensitiveFieldKeys: string[];
  /** Their names, as the policy words them. */
  sensitiveFields: string[];
  /** Whether the user can refuse it and keep the basic functions. */
  refusable: boolean;
  findings: number;
}

export interface Measure {
  kind: MeasureKind;
  description: string;
  flowKeys: string[];
  clauses: CitedClause[];
}

export interface ImpactAssessment {
  generatedAt: string;
  /** PIPL Art. 56: keep the report at least three years. */
  keepUntil: string;
  scope: { whole: boolean; description: string; fieldKeys: string[]; purposeKeys: string[]; recipientKeys: string[]; flowKeys: string[] };
  documents: Array<Pick<PolicyDocument, 'key' | 'title' | 'updatedAt' | 'effectiveAt'>>;
  handler: { names: string[]; contact: string | null };
  summary: {
    flows: number;
    fields: number;
    sensitiveFields: number;
    recipients: number;
    purposes: number;
    piplAssessmentRequired: boolean;
    wp248CriteriaMet: number;
    gdprDpiaLikely: boolean;
    highRiskFlows: number;
    openFindings: Record<Severity, number>;
    overallRisk: RiskLevel;
    conclusion: string;
  };
  piplTriggers: TriggerAssessment[];
  wp248Criteria: CriterionAssessment[];
  purposes: PurposeAssessment[];
  flows: FlowRisk[];
  measures: Measure[];
  findings: Finding[];
  clauses: CitedClause[];
  articles: ArticleRef[];
}

export function assessImpact(index: InventoryIndex, scopeRequest: AssessmentScope | null | undefined, allFindings: readonly Finding[], generatedAt: Date): ImpactAssessment {
  const scope = resolveScope(index, scopeRequest);
  const flowKeys = new Set(scope.flows.map((f) => f.key));
  const fieldKeys = new Set(scope.fields);
  const findings = scope.whole
    ? [...allFindings]
    : allFindings.filter((f) => f.involves.flows.some((k) => flowKeys.has(k)) || f.involves.fields.some((k) => fieldKeys.has(k)));
  const findingsByFlow = new Map<string, Finding[]>();
  for (const f of findings) for (const k of f.involves.flows) findingsByFlow.set(k, [...(findingsByFlow.get(k) ?? []), f]);

  const flows = scope.flows.map((flow) => flowRisk(index, flow, scope.fieldsOf.get(flow.key)!, findingsByFlow.get(flow.key) ?? []));
  const triggers = piplTriggers(index, scope.flows, scope.fieldsOf, scope.purposes);
  const criteria = wp248(index, scope.flows, scope.fieldsOf, scope.purposes, findings);
  const measures = recordedMeasures(index, scope.flows);
  const purposes = scope.purposes.map((key) => purposeAssessment(index, key, scope.flows, scope.fieldsOf, findings));

  const sensitiveFields = scope.fields.filter((k) => index.isSensitive(k));
  const recipients = new Set(scope.flows.filter((f) => index.isRecipient(f.to)).map((f) => f.to));
  const met = criteria.filter((c) => c.status === 'MET').length;
  const required = triggers.some((t) => t.applies);
  const highRisk = flows.filter((f) => f.risk === 'HIGH').length;
  const open = countBySeverity(findings);
  const overallRisk: RiskLevel = highRisk > 0 || open.HIGH > 0 ? 'HIGH' : flows.some((f) => f.risk === 'MEDIUM') || open.MEDIUM > 0 ? 'MEDIUM' : 'LOW';
  const applying = triggers.filter((t) => t.applies).map((t) => t.item);
  const conclusion = [
    required
      ? `A personal information protection impact assessment is required before this processing (${applying.join(', ')}).`
      : 'None of the PIPL Art. 55 triggers applies to this scope; an assessment is not mandatory but may still be prudent.',
    `${met} of the 9 WP248 criteria ${met === 1 ? 'is' : 'are'} met${met >= 2 ? ': where the GDPR applies, a DPIA is likely required (GDPR Art. 35)' : ''}.`,
    `Overall risk ${overallRisk}: ${highRisk} high-risk ${highRisk === 1 ? 'flow' : 'flows'}, ${open.HIGH} high and ${open.MEDIUM} medium open findings.`,
  ].join(' ');

  // The clauses behind what is assessed; each finding carries its own clauses besides.
  const citations = [
    ...scope.flows.flatMap((f) => f.sources),
    ...scope.fields.flatMap((k) => index.fields.get(k)?.sources ?? []),
    ...scope.purposes.flatMap((k) => index.purposes.get(k)?.sources ?? []),
    ...[...recipients].flatMap((k) => index.parties.get(k)?.sources ?? []),
    ...[...new Set(scope.flows.flatMap((f) => f.legalBases))].flatMap((k) => index.legalBases.get(k)?.sources ?? []),
    ...measures.flatMap((m) => m.clauses.map((c) => c.citation)),
  ];
  const handlers = index.handlerContacts();
  return {
    generatedAt: generatedAt.toISOString(),
    keepUntil: addYears(generatedAt, 3).toISOString().slice(0, 10),
    scope: { whole: scope.whole, description: scope.description, ...scope.request },
    documents: index.manifest.documents.map(({ key, title, updatedAt, effectiveAt }) => ({ key, title, updatedAt, effectiveAt })),
    handler: { names: (handlers.length ? handlers : index.handlerParties()).map((p) => index.label(p)), contact: handlers[0]?.contact ?? null },
    summary: {
      flows: scope.flows.length,
      fields: scope.fields.length,
      sensitiveFields: sensitiveFields.length,
      recipients: recipients.size,
      purposes: scope.purposes.length,
      piplAssessmentRequired: required,
      wp248CriteriaMet: met,
      gdprDpiaLikely: met >= 2,
      highRiskFlows: highRisk,
      openFindings: open,
      overallRisk,
      conclusion,
    },
    piplTriggers: triggers,
    wp248Criteria: criteria,
    purposes,
    flows,
    measures,
    findings,
    clauses: index.clauses(citations),
    articles: mergeArticles(articles('PIPL Art. 55', 'PIPL Art. 56', 'GDPR Art. 35', 'WP248 rev.01'), ...findings.map((f) => f.articles)),
  };
}

function flowRisk(index: InventoryIndex, flow: DataFlow, fields: string[], findings: Finding[]): FlowRisk {
  const to = index.parties.get(flow.to)!;
  const sensitive = fields.filter((k) => index.isSensitive(k));
  const classes = [...new Set(sensitive.map((k) => index.sensitiveClassOf(k)!))].sort();
  const crossBorder = index.isCrossBorder(flow);
  const leaves = index.isRecipient(flow.to);
  const factors: string[] = [];
  if (classes.length) factors.push(`sensitive personal information: ${classes.join(', ')}`);
  if (to.kind === 'THIRD_PARTY' || to.kind === 'AFFILIATE') {
    factors.push(index.isHandler(flow.from) ? `provided to an independent handler (${to.kind})` : `goes to a party outside the handler's control (${to.kind})`);
  }
  if (to.kind === 'ENTRUSTED_PARTY') factors.push('entrusted to a processor');
  if (to.kind === 'PUBLIC') factors.push('disclosed to the public');
  if (to.kind === 'AUTHORITY') factors.push('provided to an authority');
  if (crossBorder) factors.push(`cross-border: ${index.parties.get(flow.from)?.country} → ${to.country}`);
  if (!flow.optional) factors.push('cannot be refused');
  else factors.push('optional: the user may refuse it');
  if (flow.consent === 'NONE') factors.push('no consent sought');
  else if (hasSeparateConsent(flow)) factors.push(`${flow.consent.toLowerCase().replace(/_/g, ' ')} obtained`);
  else factors.push('consent, not separate consent');
  if (flow.deidentified) factors.push('de-identified (still personal information, PIPL Art. 73)');
  if (!flow.retention) factors.push('no retention statement');
  else if (!flow.retention.maximum) factors.push('retention without a maximum period');
  const high = findings.filter((f) => f.severity === 'HIGH');
  if (high.length) factors.push(`open high findings: ${[...new Set(high.map((f) => f.rule))].join(', ')}`);

  let risk: RiskLevel;
  if (crossBorder || (classes.length && (leaves || !flow.optional))) risk = 'HIGH';
  else if (classes.length || leaves || high.length) risk = 'MEDIUM';
  else risk = 'LOW';
  // De-identification lowers the risk one step; it does not take the data out of the law.
  if (flow.deidentified && risk !== 'LOW') {
    risk = risk === 'HIGH' ? 'MEDIUM' : 'LOW';
    factors.push('risk lowered one level for de-identification');
  }
  return {
    flowKey: flow.key,
    name: index.flowLabel(flow.key),
    kind: flow.kind,
    fromKey: flow.from,
    toKey: flow.to,
    recipientName: index.partyLabel(flow.to),
    recipientKind: to.kind,
    fieldKeys: fields,
    sensitiveClasses: classes,
    purposes: flow.purposes,
    legalBases: flow.legalBases,
    consent: flow.consent,
    optional: flow.optional,
    deidentified: flow.deidentified,
    crossBorder,
    retention: flow.retention ? [flow.retention.description.replace(/\s+/g, ' ').trim(), flow.retention.minimum && `minimum ${flow.retention.minimum}`, flow.retention.maximum && `maximum ${flow.retention.maximum}`].filter(Boolean).join('; ') : null,
    risk,
    riskFactors: factors,
  };
}

function piplTriggers(index: InventoryIndex, flows: DataFlow[], fieldsOf: Map<string, string[]>, purposes: string[]): TriggerAssessment[] {
  const sensitiveFlows = flows.filter((f) => fieldsOf.get(f.key)!.some((k) => index.isSensitive(k)));
  const sensitiveFields = [...new Set(sensitiveFlows.flatMap((f) => fieldsOf.get(f.key)!.filter((k) => index.isSensitive(k))))].sort();
  const adm = purposes
    .map((k) => index.purposes.get(k)!)
    .map((p) => ({ p, words: [...profilingWords(p), ...evaluationWords(p)] }))
    .filter((x) => x.words.length);
  const admFlows = flows.filter((f) => f.purposes.some((p) => adm.some((x) => x.p.key === p)));
  const outward = flows.filter((f) => index.isHandler(f.from) && ['ENTRUSTED_PROCESSING', 'PROVISION', 'PUBLIC_DISCLOSURE', 'TRANSFER'].includes(f.kind));
  const abroad = flows.filter((f) => index.isCrossBorder(f));
  const minors = flows.filter((f) => fieldsOf.get(f.key)!.some((k) => index.sensitiveClassOf(k) === 'MINOR_UNDER_14'));
  const biometric = flows.filter((f) => fieldsOf.get(f.key)!.some((k) => index.sensitiveClassOf(k) === 'BIOMETRIC'));
  const keys = (fs: DataFlow[]) => fs.map((f) => f.key);
  const byKind = (kind: FlowKind) => outward.filter((f) => f.kind === kind).map((f) => `${f.key} → ${index.partyLabel(f.to)}`);
  const carried = (fs: DataFlow[]) => [...new Set(fs.flatMap((f) => fieldsOf.get(f.key)!))].sort();
  return [
    {
      trigger: 'SENSITIVE_PI', item: 'PIPL Art. 55(1)', title: 'Processing sensitive personal information',
      applies: sensitiveFields.length > 0,
      evidence: sensitiveFields.length ? [`${sensitiveFields.length} sensitive fields: ${[...new Set(sensitiveFields.map((k) => index.sensitiveClassOf(k)!))].sort().join(', ')}`] : [],
      flowKeys: keys(sensitiveFlows), fieldKeys: sensitiveFields,
    },
    {
      trigger: 'AUTOMATED_DECISION_MAKING', item: 'PIPL Art. 55(2)', title: 'Automated decision-making using personal information',
      applies: adm.length > 0,
      evidence: adm.map((x) => `purpose ${index.purposeLabel(x.p.key)} says "${x.words.join('", "')}"`),
      flowKeys: keys(admFlows), fieldKeys: carried(admFlows),
    },
    {
      trigger: 'ENTRUSTING_PROVIDING_DISCLOSING', item: 'PIPL Art. 55(3)', title: 'Entrusting processing, providing to other handlers, public disclosure',
      applies: outward.length > 0,
      evidence: [
        ...(byKind('ENTRUSTED_PROCESSING').length ? [`entrusted: ${byKind('ENTRUSTED_PROCESSING').join('; ')}`] : []),
        ...(byKind('PROVISION').length ? [`provided: ${byKind('PROVISION').join('; ')}`] : []),
        ...(byKind('TRANSFER').length ? [`transferred: ${byKind('TRANSFER').join('; ')}`] : []),
        ...(byKind('PUBLIC_DISCLOSURE').length ? [`disclosed: ${byKind('PUBLIC_DISCLOSURE').join('; ')}`] : []),
      ],
      flowKeys: keys(outward), fieldKeys: carried(outward),
    },
    {
      trigger: 'CROSS_BORDER', item: 'PIPL Art. 55(4)', title: 'Providing personal information abroad',
      applies: abroad.length > 0,
      evidence: abroad.map((f) => `${f.key}: ${index.parties.get(f.from)?.country} → ${index.parties.get(f.to)?.country}`),
      flowKeys: keys(abroad), fieldKeys: carried(abroad),
    },
    {
      trigger: 'OTHER_SIGNIFICANT_IMPACT', item: 'PIPL Art. 55(5)', title: 'Other processing with a significant impact on rights and interests',
      applies: minors.length > 0 || biometric.length > 0,
      evidence: [
        ...(minors.length ? [`personal information of minors under 14 in ${keys(minors).join(', ')}`] : []),
        ...(biometric.length ? [`biometric data (irreversible if leaked) in ${keys(biometric).join(', ')}`] : []),
      ],
      flowKeys: keys([...new Set([...minors, ...biometric])]), fieldKeys: carried([...minors, ...biometric]).filter((k) => ['BIOMETRIC', 'MINOR_UNDER_14'].includes(index.sensitiveClassOf(k) ?? '')),
    },
  ];
}

function wp248(index: InventoryIndex, flows: DataFlow[], fieldsOf: Map<string, string[]>, purposes: string[], findings: Finding[]): CriterionAssessment[] {
  const inScope = (k: string) => index.purposes.get(k)!;
  const profiling = purposes.map(inScope).filter((p) => profilingWords(p).length || evaluationWords(p).length);
  const fieldsIn = (f: DataFlow) => fieldsOf.get(f.key)!;
  const sensitive = [...new Set(flows.flatMap((f) => fieldsIn(f).filter((k) => index.isSensitive(k))))];
  const collects = (f: DataFlow) => index.isHandler(f.to) && !index.isHandler(f.from);
  const monitoring = flows.filter((f) => monitoringWords(f).length || (collects(f) && !f.optional && fieldsIn(f).some((k) => index.sensitiveClassOf(k) === 'PRECISE_LOCATION')));
  const combining = [
    ...flows.filter((f) => combiningWords([f.name, f.nameZh, f.description, f.scenario]).length).map((f) => `${f.key} says "${combiningWords([f.name, f.nameZh, f.description, f.scenario]).join('", "')}"`),
    ...multiSourceParties(index, flows).map((x) => `${index.partyLabel(x.party)} receives the same fields from ${x.sources.map((s) => index.partyLabel(s)).join(' and ')}`),
  ];
  const minors = flows.filter((f) => fieldsIn(f).some((k) => index.sensitiveClassOf(k) === 'MINOR_UNDER_14'));
  const minorsUnchecked = findings.some((f) => f.rule === 'minors-excluded-without-age-check');
  const biometric = flows.filter((f) => fieldsIn(f).some((k) => index.sensitiveClassOf(k) === 'BIOMETRIC'));
  // Evaluation on processing the user cannot refuse may decide access to the service (WP248's credit-check example).
  const gatekeeping = flows.filter((f) => !f.optional && f.purposes.some((p) => evaluationWords(index.purposes.get(p)!).length));
  const c = (criterion: Wp248Criterion, title: string, status: CriterionStatus, evidence: string[]): CriterionAssessment =>
    ({ criterion, number: WP248_CRITERIA.indexOf(criterion) + 1, title, status, evidence });
  return [
    c('EVALUATION_OR_SCORING', 'Evaluation or scoring, including profiling and predicting', profiling.length ? 'MET' : 'NOT_MET',
      profiling.map((p) => `purpose ${index.purposeLabel(p.key)}: "${[...profilingWords(p), ...evaluationWords(p)].join('", "')}"`)),
    c('AUTOMATED_DECISION_WITH_SIGNIFICANT_EFFECT', 'Automated decision-making with legal or similarly significant effect', profiling.length ? 'UNKNOWN' : 'NOT_MET',
      profiling.length ? ['profiling or evaluation is present; whether it decides anything with legal or similarly significant effect is not recorded in the inventory'] : []),
    c('SYSTEMATIC_MONITORING', 'Systematic monitoring', monitoring.length ? 'MET' : 'NOT_MET',
      monitoring.map((f) => monitoringWords(f).length ? `${f.key}: "${monitoringWords(f).join('", "')}"` : `${f.key}: precise location on a flow the user cannot refuse`)),
    c('SENSITIVE_OR_HIGHLY_PERSONAL_DATA', 'Sensitive data or data of a highly personal nature', sensitive.length ? 'MET' : 'NOT_MET',
      sensitive.length ? [`${sensitive.length} sensitive fields: ${[...new Set(sensitive.map((k) => index.sensitiveClassOf(k)))].sort().join(', ')}`] : []),
    c('LARGE_SCALE', 'Data processed on a large scale', 'UNKNOWN', ['the inventory records no number of data subjects or records; assess from operating figures']),
    c('MATCHING_OR_COMBINING_DATASETS', 'Matching or combining datasets', combining.length ? 'MET' : 'NOT_MET', combining),
    c('VULNERABLE_DATA_SUBJECTS', 'Data concerning vulnerable data subjects', minors.length ? 'MET' : minorsUnchecked ? 'UNKNOWN' : 'NOT_MET',
      minors.length ? [`minors under 14 in ${minors.map((f) => f.key).join(', ')}`] : minorsUnchecked ? ['the policy excludes minors but nothing checks age, so minors may be among the users'] : []),
    c('INNOVATIVE_TECHNOLOGY', 'Innovative use or new technological solutions', biometric.length ? 'MET' : 'NOT_MET',
      biometric.length ? [`biometric recognition in ${biometric.map((f) => f.key).join(', ')}`] : []),
    c('PREVENTS_EXERCISING_A_RIGHT_OR_USING_A_SERVICE', 'Processing that prevents exercising a right or using a service', gatekeeping.length ? 'UNKNOWN' : 'NOT_MET',
      gatekeeping.length
        ? [`evaluation on flows the user cannot refuse (${gatekeeping.map((f) => f.key).join(', ')}) may decide access to the service; whether it refuses service is not recorded`]
        : []),
  ];
}

/** Handler parties that receive the same field from more than one outside source: combined data. */
function multiSourceParties(index: InventoryIndex, flows: DataFlow[]): Array<{ party: string; sources: string[] }> {
  const sources = new Map<string, Map<string, Set<string>>>();
  for (const f of flows) {
    if (!index.isHandler(f.to)) continue;
    const origin = index.isHandler(f.from) ? null : f.from;
    if (!origin) continue;
    for (const k of index.carriedFields(f.key)) {
      const byField = sources.get(f.to) ?? new Map<string, Set<string>>();
      byField.set(k, (byField.get(k) ?? new Set()).add(origin));
      sources.set(f.to, byField);
    }
  }
  const out: Array<{ party: string; sources: string[] }> = [];
  for (const [party, byField] of sources) {
    const multi = new Set<string>();
    for (const set of byField.values()) if (set.size > 1) for (const s of set) multi.add(s);
    if (multi.size > 1) out.push({ party, sources: [...multi].sort() });
  }
  return out;
}

function purposeAssessment(index: InventoryIndex, key: string, flows: DataFlow[], fieldsOf: Map<string, string[]>, findings: Finding[]): PurposeAssessment {
  const purpose = index.purposes.get(key)!;
  const served = flows.filter((f) => f.purposes.includes(key));
  const fields = index.inReadingOrder(served.flatMap((f) => fieldsOf.get(f.key)!));
  const bases = [...new Set(served.flatMap((f) => f.legalBases))].sort().map((k) => {
    const lb = index.legalBases.get(k)!;
    const c = classifyLegalBasis(lb);
    return { key: k, article: lb.article, standing: STANDING_WORDS[c.standing] };
  });
  const sensitive = fields.filter((k) => index.isSensitive(k));
  return {
    purposeKey: key,
    name: index.purposeLabel(key),
    functionType: purpose.functionType,
    legalBases: bases,
    flowKeys: served.map((f) => f.key),
    fieldKeys: fields,
    sensitiveFieldKeys: sensitive,
    sensitiveFields: sensitive.map((k) => index.fieldLabel(k)),
    refusable: served.every((f) => f.optional),
    findings: findings.filter((f) => f.involves.purposes.includes(key) || f.subject.key === key).length,
  };
}

const STANDING_WORDS: Record<BasisStanding, string> = {
  PIPL_BASIS: 'a PIPL basis',
  STATUTORY_DUTY: 'a statutory duty: PIPL Art. 13(1)(3)',
  MERGER_TRANSFER: 'the PIPL Art. 22 transfer rule',
  TRANSFER_MECHANISM: 'a cross-border mechanism, not a basis',
  NOT_IN_PIPL: 'not a PIPL basis',
  FOREIGN_LAW: 'a foreign-law basis, not a PIPL basis',
  UNRECOGNISED: 'not a PIPL basis',
};

const SECURITY_WORDS = /加密|安全措施|安全部门|访问权限|访问制度|审计|应急|匿名化|去标识化|encrypt|access control|audit|incident|security measure/i;

/** The security measures the handler commits to, as the clauses its own parties cite (GDPR Art. 30(1)(g), PIPL Art. 51). */
export function securityCommitments(index: InventoryIndex): CitedClause[] {
  return index.clauses(index.handlerParties().flatMap((p) => p.sources)).filter((c) => SECURITY_WORDS.test(c.text));
}

function recordedMeasures(index: InventoryIndex, flows: DataFlow[]): Measure[] {
  const out: Measure[] = [];
  const add = (kind: MeasureKind, description: string, fs: DataFlow[], citations: string[] = fs.flatMap((f) => f.sources)) => {
    if (fs.length || citations.length) out.push({ kind, description, flowKeys: fs.map((f) => f.key), clauses: index.clauses(citations) });
  };
  const separate = flows.filter(hasSeparateConsent);
  add('SEPARATE_CONSENT', 'Separate (or written, or guardian) consent obtained', separate);
  add('CONSENT', 'Consent obtained, not separate consent', flows.filter((f) => f.consent === 'CONSENT'), []);
  add('USER_CHOICE', 'The user may refuse these and keep the basic functions', flows.filter((f) => f.optional), []);
  const gated = flows.filter((f) => f.permissions.some(isRuntimePermission));
  add('PERMISSION_AT_USE', 'Gated by runtime permissions the user grants (and can revoke) in the OS', gated, gated.flatMap((f) => f.permissions.flatMap((p) => index.permissions.get(p)?.sources ?? [])));
  add('DEIDENTIFICATION', 'De-identified before it moves (still personal information, PIPL Art. 73)', flows.filter((f) => f.deidentified));
  add('RETENTION_LIMIT', 'A maximum retention period is stated', flows.filter((f) => f.retention?.maximum));
  add('RETENTION_STATEMENT', 'Retention is described without a maximum period', flows.filter((f) => f.retention && !f.retention.maximum), []);
  add('ENTRUSTMENT', "Entrusted to processors bound by the handler's instructions (PIPL Art. 21)", flows.filter((f) => f.kind === 'ENTRUSTED_PROCESSING'));
  const countries = new Set(flows.flatMap((f) => [index.parties.get(f.from)?.country, index.parties.get(f.to)?.country]).filter(Boolean));
  if (countries.size === 1 && !flows.some((f) => index.isCrossBorder(f))) {
    const handlerSources = index.handlerParties().flatMap((p) => p.sources);
    const storage = index.clauses(handlerSources).filter((c) => /境内|境外|跨境|within the (PRC|country)|cross-border|abroad/i.test(c.text)).map((c) => c.citation);
    // Recorded by the parties' countries even where no clause says it.
    out.push({ kind: 'DATA_LOCALISATION', description: `Every party in scope is in ${[...countries][0]}: no cross-border provision`, flowKeys: [], clauses: index.clauses(storage) });
  }
  const security = securityCommitments(index).map((c) => c.citation);
  add('SECURITY_COMMITMENT', "Security measures the handler commits to in its policy (as cited by the handler's own parties)", [], security);
  return out;
}

function addYears(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}
