/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AuditFilterInput = {
  actor?: string | null | undefined;
  entityKey?: string | null | undefined;
  entityType?: string | null | undefined;
  operation?: AuditOperation | null | undefined;
  /** Inclusive lower bound: an RFC 3339 date-time with a time zone (2026-12-06T00:00:00+08:00); compared as an instant */
  since?: string | null | undefined;
  /** Inclusive upper bound, as since; for a whole day give its last instant (2026-12-06T23:59:59.999Z) */
  until?: string | null | undefined;
};

export type AuditOperation =
  | 'API_KEY_CREATE'
  | 'API_KEY_REVOKE'
  | 'CREATE'
  | 'DELETE'
  | 'REPLACE_INVENTORY'
  | 'RESTORE'
  | 'SNAPSHOT'
  | 'UPDATE';

/** The policy's major-change areas (§一.3): SERVICE_MODEL, CONTROL, RECIPIENTS, RIGHTS, CONTACT; then NOTICE (other PIPL Art. 17 items) and EDITORIAL. */
export type ChangeArea =
  | 'CONTACT'
  | 'CONTROL'
  | 'EDITORIAL'
  | 'NOTICE'
  | 'RECIPIENTS'
  | 'RIGHTS'
  | 'SERVICE_MODEL';

export type ChangeKind =
  | 'ADDED'
  | 'CHANGED'
  | 'REMOVED';

export type ComplianceReportFormat =
  | 'CSV'
  | 'HTML'
  | 'JSON'
  | 'MD'
  | 'XLSX';

export type ComplianceReportKind =
  | 'BREACH'
  | 'COLLECTED_PI'
  | 'DELETION'
  | 'DIFF'
  | 'FINDINGS'
  | 'PIA'
  | 'ROPA'
  | 'THIRD_PARTIES'
  | 'WITHDRAWAL';

/** The consent a flow needs (PIPL Art. 14, 29, 31, 39; NONE where Art. 13(2)–(7) applies). */
export type ConsentRequirement =
  | 'CONSENT'
  | 'GUARDIAN_CONSENT'
  | 'NONE'
  | 'SEPARATE_CONSENT'
  | 'WRITTEN_CONSENT';

/** UNKNOWN: the inventory cannot tell (volumes, significance of decisions). */
export type CriterionStatus =
  | 'MET'
  | 'NOT_MET'
  | 'UNKNOWN';

export type DataFlowFilter = {
  crossBorder?: boolean | null | undefined;
  /** Flows carrying the field, directly or through its category */
  fieldKey?: string | number | null | undefined;
  fromKey?: string | number | null | undefined;
  kind?: FlowKind | null | undefined;
  purposeKey?: string | number | null | undefined;
  toKey?: string | number | null | undefined;
};

export type DataFlowInput = {
  categories?: Array<string | number> | null | undefined;
  consent: ConsentRequirement;
  deidentified?: boolean | null | undefined;
  description?: string | null | undefined;
  /** Fail with CONFLICT unless the stored node is at this version */
  expectedVersion?: number | null | undefined;
  fields?: Array<string | number> | null | undefined;
  from: string | number;
  key: string | number;
  kind: FlowKind;
  legalBases?: Array<string | number> | null | undefined;
  name?: string | null | undefined;
  nameZh?: string | null | undefined;
  optional: boolean;
  permissions?: Array<string | number> | null | undefined;
  purposes?: Array<string | number> | null | undefined;
  retention?: RetentionInput | null | undefined;
  scenario?: string | null | undefined;
  sources?: Array<string> | null | undefined;
  to: string | number;
};

/** Every condition given must hold. */
export type FindingFilter = {
  /** Findings about this key or involving it (a field, flow, party, purpose, permission or legal basis) */
  involving?: string | number | null | undefined;
  /** Findings citing this law */
  law?: StatuteLaw | null | undefined;
  /** Only findings at or above this severity */
  minSeverity?: Severity | null | undefined;
  /** Only these rules (see complianceRules) */
  rules?: Array<string> | null | undefined;
  subjectType?: FindingSubjectType | null | undefined;
};

export type FindingSubjectType =
  | 'CATEGORY'
  | 'DOCUMENT'
  | 'FIELD'
  | 'FLOW'
  | 'LEGAL_BASIS'
  | 'PARTY'
  | 'PERMISSION'
  | 'PURPOSE';

/** How personal data moves along a flow (PIPL Art. 21–25). */
export type FlowKind =
  | 'COLLECTION'
  | 'ENTRUSTED_PROCESSING'
  | 'INTERNAL'
  | 'PROVISION'
  | 'PUBLIC_DISCLOSURE'
  | 'TRANSFER';

export type FunctionEffect =
  | 'LIMITED'
  | 'STOPS';

/** BASIC: 核心业务功能; EXTENDED: 附加业务功能 the user may refuse. */
export type FunctionType =
  | 'BASIC'
  | 'EXTENDED';

/** Lists of different kinds narrow each other; keys within a list widen. Nothing: the whole inventory. */
export type ImpactAssessmentScope = {
  /** Flows carrying any of these fields (only these fields are assessed) */
  fieldKeys?: Array<string | number> | null | undefined;
  flowKeys?: Array<string | number> | null | undefined;
  purposeKeys?: Array<string | number> | null | undefined;
  /** Flows to these parties */
  recipientKeys?: Array<string | number> | null | undefined;
};

/** MERGE replaces the nodes named and keeps the rest; REPLACE empties the inventory first. */
export type ImportMode =
  | 'MERGE'
  | 'REPLACE';

/** Language of generated labels. ZH uses Chinese names where a node has one (else its name); the policy wording is never translated. */
export type LabelLanguage =
  | 'EN'
  | 'ZH';

export type LineageDirection =
  | 'DOWNSTREAM'
  | 'UPSTREAM';

/** MERMAID: a Mermaid flowchart (renders on GitHub and GitLab); DOT: Graphviz (`dot -Tsvg`). */
export type LineageGraphFormat =
  | 'DOT'
  | 'MERMAID';

export type PartyFilter = {
  /** Parties of this kind. Not together with kinds. */
  kind?: PartyKind | null | undefined;
  /** Parties of any of these kinds (at least one). Not together with kind: sending both, or an empty list, is BAD_USER_INPUT. */
  kinds?: Array<PartyKind> | null | undefined;
  /** Case-insensitive substring of key, name, nameZh or any of the SDK package names (sdkPackages) */
  search?: string | null | undefined;
};

export type PartyInput = {
  contact?: string | null | undefined;
  country?: string | null | undefined;
  description?: string | null | undefined;
  /** Fail with CONFLICT unless the stored node is at this version */
  expectedVersion?: number | null | undefined;
  key: string | number;
  kind: PartyKind;
  name: string;
  nameZh?: string | null | undefined;
  sdkPackages?: Array<string> | null | undefined;
  /** Clause citations: documentKey#ref */
  sources?: Array<string> | null | undefined;
};

export type PartyKind =
  | 'AFFILIATE'
  | 'AUTHORITY'
  | 'DATA_SUBJECT'
  | 'ENTRUSTED_PARTY'
  | 'FIRST_PARTY'
  | 'PUBLIC'
  | 'THIRD_PARTY';

export type PersonalFieldFilter = {
  /** The category or any category below it */
  categoryKey?: string | number | null | undefined;
  permissionKey?: string | number | null | undefined;
  purposeKey?: string | number | null | undefined;
  /** Fields some flow carries to this party */
  recipientKey?: string | number | null | undefined;
  /** Case-insensitive substring of key, name or nameZh */
  search?: string | null | undefined;
  sensitive?: boolean | null | undefined;
};

export type PersonalFieldInput = {
  category: string | number;
  description?: string | null | undefined;
  /** Fail with CONFLICT unless the stored node is at this version */
  expectedVersion?: number | null | undefined;
  key: string | number;
  name: string;
  nameZh?: string | null | undefined;
  /** Omit to inherit from the category */
  sensitive?: boolean | null | undefined;
  sensitiveClass?: string | null | undefined;
  /** Clause citations: documentKey#ref */
  sources?: Array<string> | null | undefined;
};

/** PIPL Art. 55(1)–(5). */
export type PiplAssessmentTrigger =
  | 'AUTOMATED_DECISION_MAKING'
  | 'CROSS_BORDER'
  | 'ENTRUSTING_PROVIDING_DISCLOSING'
  | 'OTHER_SIGNIFICANT_IMPACT'
  | 'SENSITIVE_PI';

export type ProtectiveMeasureKind =
  | 'CONSENT'
  | 'DATA_LOCALISATION'
  | 'DEIDENTIFICATION'
  | 'ENTRUSTMENT'
  | 'PERMISSION_AT_USE'
  | 'RETENTION_LIMIT'
  | 'RETENTION_STATEMENT'
  | 'SECURITY_COMMITMENT'
  | 'SEPARATE_CONSENT'
  | 'USER_CHOICE';

export type RecipientAction =
  | 'INSTRUCT_TO_DELETE'
  | 'NO_REQUEST_LAWFUL_DISCLOSURE'
  | 'REQUEST_DELETION'
  | 'TAKE_DOWN_CANNOT_RECALL';

/** PARTLY: refusable in some scenarios only. */
export type Refusability =
  | 'NO'
  | 'PARTLY'
  | 'YES';

export type RetentionInput = {
  description: string;
  maximum?: string | null | undefined;
  minimum?: string | null | undefined;
};

export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** PIPL Art. 28 / GB/T 35273 Appendix B class. */
export type SensitiveClass =
  | 'BIOMETRIC'
  | 'BROWSING_HISTORY'
  | 'COMMUNICATIONS'
  | 'CONTACTS'
  | 'FINANCIAL'
  | 'HEALTH'
  | 'IDENTITY_DOCUMENT'
  | 'MINOR_UNDER_14'
  | 'NETWORK_IDENTITY'
  | 'PRECISE_LOCATION'
  | 'RELIGION'
  | 'SPECIFIC_IDENTITY';

/** How serious a finding is; a CI gate fails at or above one (INFO < LOW < MEDIUM < HIGH). */
export type Severity =
  | 'HIGH'
  | 'INFO'
  | 'LOW'
  | 'MEDIUM';

export type SharingMethod =
  | 'FROM_SERVERS'
  | 'SDK_ON_DEVICE';

/** PIPL, GDPR, CSL (PRC Cybersecurity Law), EDPB (WP248 guidelines). */
export type StatuteLaw =
  | 'CSL'
  | 'EDPB'
  | 'GDPR'
  | 'PIPL';

export type StoreAction =
  | 'DELETE_OR_ANONYMISE'
  | 'KEEP_FOR_LEGAL_PERIOD';

/** The nine criteria of the EDPB DPIA guidelines (WP248 rev.01). */
export type Wp248Criterion =
  | 'AUTOMATED_DECISION_WITH_SIGNIFICANT_EFFECT'
  | 'EVALUATION_OR_SCORING'
  | 'INNOVATIVE_TECHNOLOGY'
  | 'LARGE_SCALE'
  | 'MATCHING_OR_COMBINING_DATASETS'
  | 'PREVENTS_EXERCISING_A_RIGHT_OR_USING_A_SERVICE'
  | 'SENSITIVE_OR_HIGHLY_PERSONAL_DATA'
  | 'SYSTEMATIC_MONITORING'
  | 'VULNERABLE_DATA_SUBJECTS';

export type CitedClauseFactsFragment = { citation: string, documentKey: string, ref: string, text: string };

export type FindingsQueryVariables = Exact<{
  filter?: FindingFilter | null | undefined;
}>;


export type FindingsQuery = { findings: { totalCount: number, bySeverity: Array<{ severity: Severity, count: number }>, nodes: Array<{ id: string, rule: string, title: string, severity: Severity, message: string, remedy: string, subject: { type: FindingSubjectType, key: string, name: string }, articles: Array<{ law: StatuteLaw, citation: string, title: string }>, clauses: Array<{ citation: string, documentKey: string, ref: string, text: string }>, involves: { fields: Array<string>, flows: Array<string>, parties: Array<string>, purposes: Array<string>, permissions: Array<string>, legalBases: Array<string> } }> } };

export type ComplianceRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ComplianceRulesQuery = { complianceRules: Array<{ id: string, title: string, severity: Severity, description: string, articles: Array<{ law: StatuteLaw, citation: string }> }> };

export type ImpactAssessmentQueryVariables = Exact<{
  scope?: ImpactAssessmentScope | null | undefined;
}>;


export type ImpactAssessmentQuery = { impactAssessment: { generatedAt: string, keepUntil: string, scope: { whole: boolean, description: string, fieldKeys: Array<string>, purposeKeys: Array<string>, recipientKeys: Array<string>, flowKeys: Array<string> }, documents: Array<{ key: string, title: string, updatedAt: string, effectiveAt: string }>, handler: { names: Array<string>, contact: string | null }, summary: { flows: number, fields: number, sensitiveFields: number, recipients: number, purposes: number, piplAssessmentRequired: boolean, wp248CriteriaMet: number, gdprDpiaLikely: boolean, highRiskFlows: number, overallRisk: RiskLevel, conclusion: string, openFindings: Array<{ severity: Severity, count: number }> }, piplTriggers: Array<{ trigger: PiplAssessmentTrigger, item: string, applies: boolean, evidence: Array<string>, flowKeys: Array<string>, fieldKeys: Array<string> }>, wp248Criteria: Array<{ criterion: Wp248Criterion, number: number, status: CriterionStatus, evidence: Array<string> }>, purposes: Array<{ purposeKey: string, functionType: FunctionType, refusable: boolean, sensitiveFieldKeys: Array<string>, legalBases: Array<{ key: string, article: string, standing: string }> }>, flows: Array<{ flowKey: string, kind: FlowKind, toKey: string, recipientKind: PartyKind, fieldKeys: Array<string>, sensitiveClasses: Array<SensitiveClass>, consent: ConsentRequirement, optional: boolean, crossBorder: boolean, risk: RiskLevel, riskFactors: Array<string> }>, measures: Array<{ kind: ProtectiveMeasureKind, flowKeys: Array<string>, clauses: Array<{ ref: string }> }>, findings: Array<{ id: string, severity: Severity }>, clauses: Array<{ ref: string }>, articles: Array<{ citation: string }> } };

export type RecordsOfProcessingQueryVariables = Exact<{ [key: string]: never; }>;


export type RecordsOfProcessingQuery = { recordsOfProcessing: { controller: string, controllerContact: string | null, records: Array<{ id: string, purposeKey: string, purpose: string, functionType: FunctionType, legalBases: Array<string>, consent: Array<ConsentRequirement>, processingMethods: Array<string>, dataSubjects: Array<string>, dataCategories: Array<string>, fieldKeys: Array<string>, sensitiveFields: Array<string>, recipientKey: string | null, recipient: string | null, recipientKind: PartyKind | null, recipientContact: string | null, thirdCountryTransfer: string | null, retention: Array<string>, securityMeasures: string, rightsExercise: string, flowKeys: Array<string>, clauses: Array<string> }>, articles: Array<{ citation: string }> } };

export type RegulatorListsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegulatorListsQuery = { collectedPersonalInformation: Array<{ fieldKey: string, field: string, category: string, sensitive: boolean, sensitiveClass: SensitiveClass | null, purposes: Array<string>, scenarios: Array<string>, permissions: Array<string>, collectionMethods: Array<string>, refusable: Refusability, clauseRefs: Array<string> }>, thirdPartySharing: Array<{ flowKey: string, recipientKey: string, recipient: string, recipientKind: PartyKind, sdkPackages: Array<string>, method: SharingMethod, fields: Array<string>, sensitiveFields: Array<string>, purposes: Array<string>, legalBases: Array<string>, consent: string, refusable: boolean, contact: string | null, clauseRefs: Array<string> }> };

export type SnapshotsQueryVariables = Exact<{ [key: string]: never; }>;


export type SnapshotsQuery = { snapshots: Array<{ label: string, createdAt: string }> };

export type TakeSnapshotMutationVariables = Exact<{
  label: string;
}>;


export type TakeSnapshotMutation = { takeSnapshot: { label: string, createdAt: string } };

export type InventoryDiffQueryVariables = Exact<{
  from: string;
  to?: string | null | undefined;
}>;


export type InventoryDiffQuery = { inventoryDiff: { from: { label: string, createdAt: string | null }, to: { label: string, createdAt: string | null }, summary: { added: number, removed: number, changed: number, major: number, requiringRenewedConsent: number }, changes: Array<{ nodeType: string, key: string, name: string, change: ChangeKind, areas: Array<ChangeArea>, major: boolean, requiresRenewedConsent: boolean, reasons: Array<string>, properties: Array<{ property: string, before: string | null, after: string | null }>, articles: Array<{ citation: string }>, clauses: Array<{ ref: string }> }>, changePolicy: Array<{ ref: string }> } };

export type BlastRadiusQueryVariables = Exact<{
  partyKey: string | number;
}>;


export type BlastRadiusQuery = { blastRadius: { fieldKeys: Array<string>, inboundFlowKeys: Array<string>, dataSubjects: Array<string>, obligations: Array<string>, party: { key: string, name: string, kind: PartyKind, contact: string | null }, exposed: Array<{ sensitiveClass: SensitiveClass | null, fieldKeys: Array<string>, possibleHarm: string, advice: string }>, purposes: Array<{ key: string, name: string }>, onwardRecipients: Array<{ partyKey: string, kind: PartyKind, fieldKeys: Array<string>, via: Array<string>, depth: number }>, notification: Array<{ item: string, itemEn: string, draft: string }>, policyClauses: Array<{ ref: string, text: string }>, clauses: Array<{ ref: string }>, articles: Array<{ citation: string }> } };

export type ConsentWithdrawalQueryVariables = Exact<{
  permissionKey: string | number;
}>;


export type ConsentWithdrawalQuery = { consentWithdrawal: { revokedPermissions: Array<string>, fieldsNoLongerCollected: Array<string>, basicFunctionSurvives: boolean, requiredFlowsAffected: Array<string>, verdict: string, permission: { key: string, name: string, runtime: boolean, group: string | null }, stoppedFlows: Array<{ flowKey: string, optional: boolean, reason: string }>, limitedFlows: Array<{ flowKey: string, optional: boolean, reason: string }>, functions: Array<{ purposeKey: string, functionType: FunctionType, effect: FunctionEffect, stoppedFlowKeys: Array<string>, limitedFlowKeys: Array<string> }>, clauses: Array<{ ref: string }>, articles: Array<{ citation: string }> } };

export type DeletionPlanQueryVariables = Exact<{
  fieldKey: string | number;
}>;


export type DeletionPlanQuery = { deletionPlan: { trigger: string, summary: string, field: { key: string, name: string, sensitiveClass: SensitiveClass | null }, stores: Array<{ partyKey: string, action: StoreAction, deletedFlowKeys: Array<string>, keptFlowKeys: Array<string>, keepAtLeast: string | null, keptUnder: Array<string> }>, recipients: Array<{ partyKey: string, kind: PartyKind, action: RecipientAction, reason: string, onwardPartyKeys: Array<string> }>, clauses: Array<{ ref: string }>, articles: Array<{ citation: string }> } };

export type ComplianceReportQueryVariables = Exact<{
  kind: ComplianceReportKind;
  format: ComplianceReportFormat;
  scope?: ImpactAssessmentScope | null | undefined;
  filter?: FindingFilter | null | undefined;
  subject?: string | number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ComplianceReportQuery = { complianceReport: { kind: ComplianceReportKind, format: ComplianceReportFormat, fileName: string, mediaType: string, encoding: string, content: string } };

export type LineageGraphExportQueryVariables = Exact<{
  key: string | number;
  format?: LineageGraphFormat | null | undefined;
  direction?: LineageDirection | null | undefined;
  maxDepth?: number | null | undefined;
  from?: string | number | null | undefined;
  language?: LabelLanguage | null | undefined;
  collapseAbove?: number | null | undefined;
}>;


export type LineageGraphExportQuery = { personalField: { key: string, lineageGraph: string, lineage: { truncated: boolean, paths: Array<{ hops: Array<{ key: string }> }> } } | null };

export type FieldListQueryVariables = Exact<{
  filter?: PersonalFieldFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FieldListQuery = { personalFields: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { key: string } }>, nodes: Array<{ key: string, name: string, nameZh: string | null, sensitive: boolean, sensitiveClass: string | null, category: { key: string, name: string }, flows: Array<{ key: string, kind: FlowKind }>, purposes: Array<{ key: string, name: string }>, recipients: Array<{ key: string, name: string, nameZh: string | null, kind: PartyKind }> }> } };

export type FieldDetailQueryVariables = Exact<{
  key: string | number;
  direction?: LineageDirection | null | undefined;
  maxDepth?: number | null | undefined;
  from?: string | number | null | undefined;
}>;


export type FieldDetailQuery = { personalField: { key: string, name: string, nameZh: string | null, sensitive: boolean, sensitiveClass: string | null, category: { key: string, nameZh: string | null, sensitive: boolean, parent: { key: string } | null }, purposes: Array<{ key: string, nameZh: string | null, functionType: FunctionType }>, legalBases: Array<{ key: string, article: string }>, permissions: Array<{ key: string, nameZh: string | null }>, recipients: Array<{ key: string, nameZh: string | null, kind: PartyKind, sdkPackages: Array<string> }>, sources: Array<{ ref: string, text: string, citation: string, document: { key: string, title: string } }>, flows: Array<{ key: string, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, sources: Array<{ ref: string }>, from: { key: string }, to: { key: string }, purposes: Array<{ key: string }>, permissions: Array<{ key: string }>, legalBases: Array<{ key: string }>, retention: { description: string, minimum: string | null, maximum: string | null } | null }>, lineage: { truncated: boolean, paths: Array<{ destination: { key: string, kind: PartyKind }, hops: Array<{ key: string, kind: FlowKind, from: { key: string }, to: { key: string } }> }> } } | null };

export type FlowByKeyQueryVariables = Exact<{
  key: string | number;
}>;


export type FlowByKeyQuery = { dataFlow: { key: string, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, fields: Array<{ key: string, sensitive: boolean }>, carriedFields: Array<{ key: string }>, purposes: Array<{ key: string, functionType: FunctionType }>, sources: Array<{ ref: string, text: string }>, from: { key: string }, to: { key: string }, permissions: Array<{ key: string }>, legalBases: Array<{ key: string }>, retention: { description: string, minimum: string | null, maximum: string | null } | null } | null };

export type FlowFactsFragment = { key: string, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, from: { key: string }, to: { key: string }, purposes: Array<{ key: string }>, permissions: Array<{ key: string }>, legalBases: Array<{ key: string }>, retention: { description: string, minimum: string | null, maximum: string | null } | null };

export type PartiesQueryVariables = Exact<{
  filter?: PartyFilter | null | undefined;
}>;


export type PartiesQuery = { parties: Array<{ key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null, sdkPackages: Array<string>, inbound: Array<{ key: string }>, outbound: Array<{ key: string }>, receivedFields: Array<{ key: string }>, sources: Array<{ ref: string }> }> };

export type DataFlowsQueryVariables = Exact<{
  filter?: DataFlowFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DataFlowsQuery = { dataFlows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ scenario: string | null, key: string, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, fields: Array<{ key: string }>, categories: Array<{ key: string }>, carriedFields: Array<{ key: string }>, sources: Array<{ ref: string, citation: string }>, from: { key: string }, to: { key: string }, purposes: Array<{ key: string }>, permissions: Array<{ key: string }>, legalBases: Array<{ key: string }>, retention: { description: string, minimum: string | null, maximum: string | null } | null }> } };

export type VocabularyQueryVariables = Exact<{ [key: string]: never; }>;


export type VocabularyQuery = { dataCategories: Array<{ key: string, name: string, nameZh: string | null, sensitive: boolean, sensitiveClass: string | null, parent: { key: string } | null, children: Array<{ key: string }>, fields: Array<{ key: string }> }>, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType, fields: Array<{ key: string }>, flows: Array<{ key: string }> }>, permissions: Array<{ key: string, name: string, nameZh: string | null, platform: string, fields: Array<{ key: string }>, purposes: Array<{ key: string }> }>, legalBases: Array<{ key: string, name: string, nameZh: string | null, jurisdiction: string, article: string }>, policyDocuments: Array<{ key: string, title: string, updatedAt: string, effectiveAt: string, clauses: Array<{ ref: string, text: string }> }> };

export type ExportInventoryQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportInventoryQuery = { exportInventory: unknown };

export type ImportInventoryMutationVariables = Exact<{
  manifest: unknown;
  mode?: ImportMode | null | undefined;
}>;


export type ImportInventoryMutation = { importInventory: { mode: ImportMode, removed: number, fields: number, flows: number, parties: number } };

export type UpsertPersonalFieldMutationVariables = Exact<{
  input: PersonalFieldInput;
}>;


export type UpsertPersonalFieldMutation = { upsertPersonalField: { key: string, name: string, sensitive: boolean, sensitiveClass: string | null, category: { key: string } } };

export type UpsertDataFlowMutationVariables = Exact<{
  input: DataFlowInput;
}>;


export type UpsertDataFlowMutation = { upsertDataFlow: { key: string, from: { key: string }, to: { key: string }, fields: Array<{ key: string }>, purposes: Array<{ key: string }> } };

export type UpsertPartyMutationVariables = Exact<{
  input: PartyInput;
}>;


export type UpsertPartyMutation = { upsertParty: { key: string, name: string, kind: PartyKind, country: string | null } };

export type DeletePersonalFieldMutationVariables = Exact<{
  key: string | number;
}>;


export type DeletePersonalFieldMutation = { deletePersonalField: boolean };

export type DeletePartyMutationVariables = Exact<{
  key: string | number;
}>;


export type DeletePartyMutation = { deleteParty: boolean };

export type DeleteDataFlowMutationVariables = Exact<{
  key: string | number;
}>;


export type DeleteDataFlowMutation = { deleteDataFlow: boolean };

export type UpsertPartyExpectingMutationVariables = Exact<{
  input: PartyInput;
}>;


export type UpsertPartyExpectingMutation = { upsertParty: { key: string, name: string, version: number } };

export type DeletePartyExpectingMutationVariables = Exact<{
  key: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type DeletePartyExpectingMutation = { deleteParty: boolean };

export type PartyVersionQueryVariables = Exact<{
  key: string | number;
}>;


export type PartyVersionQuery = { party: { key: string, name: string, version: number } | null };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, at: string, actor: string, operation: AuditOperation, entityType: string, entityKey: string, before: unknown, after: unknown }> } };

export const CitedClauseFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitedClauseFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CitedClause"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"documentKey"}},{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]} as unknown as DocumentNode<CitedClauseFactsFragment, unknown>;
export const FlowFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"deidentified"}},{"kind":"Field","name":{"kind":"Name","value":"crossBorder"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minimum"}},{"kind":"Field","name":{"kind":"Name","value":"maximum"}}]}}]}}]} as unknown as DocumentNode<FlowFactsFragment, unknown>;
export const FindingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Findings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FindingFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"bySeverity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"remedy"}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"law"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitedClauseFacts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"flows"}},{"kind":"Field","name":{"kind":"Name","value":"parties"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitedClauseFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CitedClause"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"documentKey"}},{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]} as unknown as DocumentNode<FindingsQuery, FindingsQueryVariables>;
export const ComplianceRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComplianceRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complianceRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"law"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}}]}}]} as unknown as DocumentNode<ComplianceRulesQuery, ComplianceRulesQueryVariables>;
export const ImpactAssessmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpactAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImpactAssessmentScope"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impactAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keepUntil"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"whole"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fieldKeys"}},{"kind":"Field","name":{"kind":"Name","value":"purposeKeys"}},{"kind":"Field","name":{"kind":"Name","value":"recipientKeys"}},{"kind":"Field","name":{"kind":"Name","value":"flowKeys"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"handler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"names"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveFields"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"piplAssessmentRequired"}},{"kind":"Field","name":{"kind":"Name","value":"wp248CriteriaMet"}},{"kind":"Field","name":{"kind":"Name","value":"gdprDpiaLikely"}},{"kind":"Field","name":{"kind":"Name","value":"highRiskFlows"}},{"kind":"Field","name":{"kind":"Name","value":"openFindings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overallRisk"}},{"kind":"Field","name":{"kind":"Name","value":"conclusion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"piplTriggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"applies"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"flowKeys"}},{"kind":"Field","name":{"kind":"Name","value":"fieldKeys"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wp248Criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purposeKey"}},{"kind":"Field","name":{"kind":"Name","value":"functionType"}},{"kind":"Field","name":{"kind":"Name","value":"refusable"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveFieldKeys"}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"article"}},{"kind":"Field","name":{"kind":"Name","value":"standing"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowKey"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"toKey"}},{"kind":"Field","name":{"kind":"Name","value":"recipientKind"}},{"kind":"Field","name":{"kind":"Name","value":"fieldKeys"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveClasses"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"crossBorder"}},{"kind":"Field","name":{"kind":"Name","value":"risk"}},{"kind":"Field","name":{"kind":"Name","value":"riskFactors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"flowKeys"}},{"kind":"Field","name":{"kind":"Name","value":"clauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}}]}}]} as unknown as DocumentNode<ImpactAssessmentQuery, ImpactAssessmentQueryVariables>;
export const RecordsOfProcessingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecordsOfProcessing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsOfProcessing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controller"}},{"kind":"Field","name":{"kind":"Name","value":"controllerContact"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purposeKey"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"functionType"}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"processingMethods"}},{"kind":"Field","name":{"kind":"Name","value":"dataSubjects"}},{"kind":"Field","name":{"kind":"Name","value":"dataCategories"}},{"kind":"Field","name":{"kind":"Name","value":"fieldKeys"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveFields"}},{"kind":"Field","name":{"kind":"Name","value":"recipientKey"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"recipientKind"}},{"kind":"Field","name":{"kind":"Name","value":"recipientContact"}},{"kind":"Field","name":{"kind":"Name","value":"thirdCountryTransfer"}},{"kind":"Field","name":{"kind":"Name","value":"retention"}},{"kind":"Field","name":{"kind":"Name","value":"securityMeasures"}},{"kind":"Field","name":{"kind":"Name","value":"rightsExercise"}},{"kind":"Field","name":{"kind":"Name","value":"flowKeys"}},{"kind":"Field","name":{"kind":"Name","value":"clauses"}}]}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}}]}}]} as unknown as DocumentNode<RecordsOfProcessingQuery, RecordsOfProcessingQueryVariables>;
export const RegulatorListsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegulatorLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collectedPersonalInformation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fieldKey"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"sensitive"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveClass"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"scenarios"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"collectionMethods"}},{"kind":"Field","name":{"kind":"Name","value":"refusable"}},{"kind":"Field","name":{"kind":"Name","value":"clauseRefs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"thirdPartySharing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowKey"}},{"kind":"Field","name":{"kind":"Name","value":"recipientKey"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"recipientKind"}},{"kind":"Field","name":{"kind":"Name","value":"sdkPackages"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveFields"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"refusable"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}},{"kind":"Field","name":{"kind":"Name","value":"clauseRefs"}}]}}]}}]} as unknown as DocumentNode<RegulatorListsQuery, RegulatorListsQueryVariables>;
export const SnapshotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Snapshots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SnapshotsQuery, SnapshotsQueryVariables>;
export const TakeSnapshotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeSnapshot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"takeSnapshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<TakeSnapshotMutation, TakeSnapshotMutationVariables>;
export const InventoryDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InventoryDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inventoryDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"added"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"major"}},{"kind":"Field","name":{"kind":"Name","value":"requiringRenewedConsent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodeType"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"property"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}},{"kind":"Field","name":{"kind":"Name","value":"areas"}},{"kind":"Field","name":{"kind":"Name","value":"major"}},{"kind":"Field","name":{"kind":"Name","value":"requiresRenewedConsent"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}}]}}]}}]} as unknown as DocumentNode<InventoryDiffQuery, InventoryDiffQueryVariables>;
export const BlastRadiusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BlastRadius"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blastRadius"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"partyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"party"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fieldKeys"}},{"kind":"Field","name":{"kind":"Name","value":"exposed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sensitiveClass"}},{"kind":"Field","name":{"kind":"Name","value":"fieldKeys"}},{"kind":"Field","name":{"kind":"Name","value":"possibleHarm"}},{"kind":"Field","name":{"kind":"Name","value":"advice"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundFlowKeys"}},{"kind":"Field","name":{"kind":"Name","value":"onwardRecipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partyKey"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fieldKeys"}},{"kind":"Field","name":{"kind":"Name","value":"via"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataSubjects"}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"itemEn"}},{"kind":"Field","name":{"kind":"Name","value":"draft"}}]}},{"kind":"Field","name":{"kind":"Name","value":"obligations"}},{"kind":"Field","name":{"kind":"Name","value":"policyClauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}}]}}]} as unknown as DocumentNode<BlastRadiusQuery, BlastRadiusQueryVariables>;
export const ConsentWithdrawalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentWithdrawal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"permissionKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentWithdrawal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"permissionKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"permissionKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"runtime"}},{"kind":"Field","name":{"kind":"Name","value":"group"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revokedPermissions"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedFlows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowKey"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"limitedFlows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowKey"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"functions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purposeKey"}},{"kind":"Field","name":{"kind":"Name","value":"functionType"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedFlowKeys"}},{"kind":"Field","name":{"kind":"Name","value":"limitedFlowKeys"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fieldsNoLongerCollected"}},{"kind":"Field","name":{"kind":"Name","value":"basicFunctionSurvives"}},{"kind":"Field","name":{"kind":"Name","value":"requiredFlowsAffected"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"clauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}}]}}]} as unknown as DocumentNode<ConsentWithdrawalQuery, ConsentWithdrawalQueryVariables>;
export const DeletionPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeletionPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fieldKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletionPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fieldKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fieldKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"stores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partyKey"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"deletedFlowKeys"}},{"kind":"Field","name":{"kind":"Name","value":"keptFlowKeys"}},{"kind":"Field","name":{"kind":"Name","value":"keepAtLeast"}},{"kind":"Field","name":{"kind":"Name","value":"keptUnder"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partyKey"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"onwardPartyKeys"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"clauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}}]}}]} as unknown as DocumentNode<DeletionPlanQuery, DeletionPlanQueryVariables>;
export const ComplianceReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComplianceReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ComplianceReportKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ComplianceReportFormat"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImpactAssessmentScope"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FindingFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complianceReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<ComplianceReportQuery, ComplianceReportQueryVariables>;
export const LineageGraphExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LineageGraphExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LineageGraphFormat"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LineageDirection"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LabelLanguage"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"collapseAbove"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalField"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"lineageGraph"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxDepth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}},{"kind":"Argument","name":{"kind":"Name","value":"collapseAbove"},"value":{"kind":"Variable","name":{"kind":"Name","value":"collapseAbove"}}}]},{"kind":"Field","name":{"kind":"Name","value":"lineage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxDepth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LineageGraphExportQuery, LineageGraphExportQueryVariables>;
export const FieldListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FieldList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalFieldFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalFields"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"sensitive"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveClass"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FieldListQuery, FieldListQueryVariables>;
export const FieldDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FieldDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LineageDirection"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalField"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"sensitive"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveClass"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"sensitive"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"functionType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"article"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"sdkPackages"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowFacts"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxDepth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxDepth"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"deidentified"}},{"kind":"Field","name":{"kind":"Name","value":"crossBorder"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minimum"}},{"kind":"Field","name":{"kind":"Name","value":"maximum"}}]}}]}}]} as unknown as DocumentNode<FieldDetailQuery, FieldDetailQueryVariables>;
export const FlowByKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowByKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowFacts"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"sensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"carriedFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"functionType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"deidentified"}},{"kind":"Field","name":{"kind":"Name","value":"crossBorder"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minimum"}},{"kind":"Field","name":{"kind":"Name","value":"maximum"}}]}}]}}]} as unknown as DocumentNode<FlowByKeyQuery, FlowByKeyQueryVariables>;
export const PartiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Parties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PartyFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"sdkPackages"}},{"kind":"Field","name":{"kind":"Name","value":"inbound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outbound"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receivedFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}}]}}]}}]}}]} as unknown as DocumentNode<PartiesQuery, PartiesQueryVariables>;
export const DataFlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DataFlowFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowFacts"}},{"kind":"Field","name":{"kind":"Name","value":"scenario"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"carriedFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"citation"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataFlow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"optional"}},{"kind":"Field","name":{"kind":"Name","value":"deidentified"}},{"kind":"Field","name":{"kind":"Name","value":"crossBorder"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minimum"}},{"kind":"Field","name":{"kind":"Name","value":"maximum"}}]}}]}}]} as unknown as DocumentNode<DataFlowsQuery, DataFlowsQueryVariables>;
export const VocabularyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Vocabulary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"sensitive"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveClass"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"functionType"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"jurisdiction"}},{"kind":"Field","name":{"kind":"Name","value":"article"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policyDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"clauses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<VocabularyQuery, VocabularyQueryVariables>;
export const ExportInventoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportInventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportInventory"}}]}}]} as unknown as DocumentNode<ExportInventoryQuery, ExportInventoryQueryVariables>;
export const ImportInventoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportInventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"manifest"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportMode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importInventory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"manifest"},"value":{"kind":"Variable","name":{"kind":"Name","value":"manifest"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"flows"}},{"kind":"Field","name":{"kind":"Name","value":"parties"}}]}}]}}]} as unknown as DocumentNode<ImportInventoryMutation, ImportInventoryMutationVariables>;
export const UpsertPersonalFieldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertPersonalField"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonalFieldInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertPersonalField"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sensitive"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveClass"}}]}}]}}]} as unknown as DocumentNode<UpsertPersonalFieldMutation, UpsertPersonalFieldMutationVariables>;
export const UpsertDataFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertDataFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DataFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertDataFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertDataFlowMutation, UpsertDataFlowMutationVariables>;
export const UpsertPartyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertParty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<UpsertPartyMutation, UpsertPartyMutationVariables>;
export const DeletePersonalFieldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePersonalField"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePersonalField"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}]}]}}]} as unknown as DocumentNode<DeletePersonalFieldMutation, DeletePersonalFieldMutationVariables>;
export const DeletePartyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteParty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}]}]}}]} as unknown as DocumentNode<DeletePartyMutation, DeletePartyMutationVariables>;
export const DeleteDataFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDataFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDataFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}]}]}}]} as unknown as DocumentNode<DeleteDataFlowMutation, DeleteDataFlowMutationVariables>;
export const UpsertPartyExpectingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertPartyExpecting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpsertPartyExpectingMutation, UpsertPartyExpectingMutationVariables>;
export const DeletePartyExpectingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePartyExpecting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}]}]}}]} as unknown as DocumentNode<DeletePartyExpectingMutation, DeletePartyExpectingMutationVariables>;
export const PartyVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartyVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"party"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<PartyVersionQuery, PartyVersionQueryVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityKey"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;