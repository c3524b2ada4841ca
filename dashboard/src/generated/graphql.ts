/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** BASIC: 核心业务功能; EXTENDED: 附加业务功能 the user may refuse. */
export type FunctionType =
  | 'BASIC'
  | 'EXTENDED';

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

/** How serious a finding is; a CI gate fails at or above one (INFO < LOW < MEDIUM < HIGH). */
export type Severity =
  | 'HIGH'
  | 'INFO'
  | 'LOW'
  | 'MEDIUM';

/** PIPL, GDPR, CSL (PRC Cybersecurity Law), EDPB (WP248 guidelines). */
export type StatuteLaw =
  | 'CSL'
  | 'EDPB'
  | 'GDPR'
  | 'PIPL';

export type AuthCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthCheckQuery = { __typename: 'Query' };

export type FindingsBySeverityQueryVariables = Exact<{ [key: string]: never; }>;


export type FindingsBySeverityQuery = { findings: { totalCount: number, bySeverity: Array<{ severity: Severity, count: number }> } };

export type FindingFacetsQueryVariables = Exact<{ [key: string]: never; }>;


export type FindingFacetsQuery = { complianceRules: Array<{ id: string, title: string, description: string, severity: Severity }>, findings: { nodes: Array<{ id: string, rule: string, severity: Severity }> } };

export type FindingsListQueryVariables = Exact<{
  filter?: FindingFilter | null | undefined;
}>;


export type FindingsListQuery = { findings: { totalCount: number, nodes: Array<{ id: string, rule: string, title: string, severity: Severity, message: string, remedy: string, subject: { type: FindingSubjectType, key: string, name: string }, articles: Array<{ citation: string, law: StatuteLaw, title: string }>, clauses: Array<{ ref: string, title: string | null, text: string, citation: string, documentKey: string, documentTitle: string }> }> } };

export type ComplianceReportFileQueryVariables = Exact<{
  kind: ComplianceReportKind;
  format: ComplianceReportFormat;
}>;


export type ComplianceReportFileQuery = { complianceReport: { kind: ComplianceReportKind, format: ComplianceReportFormat, fileName: string, mediaType: string, encoding: string, content: string } };

export type FieldLineageQueryVariables = Exact<{
  key: string | number;
  direction?: LineageDirection | null | undefined;
  maxDepth?: number | null | undefined;
  from?: string | number | null | undefined;
}>;


export type FieldLineageQuery = { personalField: { key: string, name: string, nameZh: string | null, description: string | null, sensitive: boolean, sensitiveClass: string | null, category: { key: string, name: string, nameZh: string | null }, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, recipients: Array<{ key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }>, sources: Array<{ ref: string, title: string | null, text: string, citation: string, document: { key: string, title: string, titleEn: string | null } }>, flows: Array<{ key: string, from: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, to: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null } }>, lineage: { truncated: boolean, paths: Array<{ destination: { key: string, name: string, nameZh: string | null }, hops: Array<{ key: string, name: string | null, nameZh: string | null, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, from: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, to: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, legalBases: Array<{ key: string, name: string, nameZh: string | null, article: string }> }> }> } } | null };

export type FlowDetailQueryVariables = Exact<{
  key: string | number;
}>;


export type FlowDetailQuery = { dataFlow: { description: string | null, scenario: string | null, key: string, name: string | null, nameZh: string | null, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, retention: { description: string, minimum: string | null, maximum: string | null } | null, permissions: Array<{ key: string, name: string, nameZh: string | null }>, categories: Array<{ key: string, name: string, nameZh: string | null }>, carriedFields: Array<{ key: string, name: string, nameZh: string | null, sensitive: boolean, sensitiveClass: string | null }>, sources: Array<{ ref: string, title: string | null, text: string, citation: string, document: { key: string, title: string, titleEn: string | null } }>, from: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, to: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, legalBases: Array<{ key: string, name: string, nameZh: string | null, article: string }> } | null };

export type PartyDetailQueryVariables = Exact<{
  key: string | number;
}>;


export type PartyDetailQuery = { party: { description: string | null, contact: string | null, sdkPackages: Array<string>, key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null, sources: Array<{ ref: string, title: string | null, text: string, citation: string, document: { key: string, title: string, titleEn: string | null } }> } | null };

export type LineageGraphTextQueryVariables = Exact<{
  key: string | number;
  format?: LineageGraphFormat | null | undefined;
  direction?: LineageDirection | null | undefined;
  maxDepth?: number | null | undefined;
  from?: string | number | null | undefined;
  language?: LabelLanguage | null | undefined;
}>;


export type LineageGraphTextQuery = { personalField: { key: string, lineageGraph: string } | null };

export type FieldFilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type FieldFilterOptionsQuery = { dataCategories: Array<{ key: string, name: string, nameZh: string | null, sensitive: boolean, parent: { key: string } | null }>, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, permissions: Array<{ key: string, name: string, nameZh: string | null }>, parties: Array<{ key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }> };

export type FieldsTableQueryVariables = Exact<{
  filter?: PersonalFieldFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FieldsTableQuery = { personalFields: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ key: string, name: string, nameZh: string | null, sensitive: boolean, sensitiveClass: string | null, category: { key: string, name: string, nameZh: string | null }, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, recipients: Array<{ key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }>, flows: Array<{ key: string }> }> } };

export type PartyBriefFragment = { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null };

export type NamedPurposeFragment = { key: string, name: string, nameZh: string | null, functionType: FunctionType };

export type FlowArrowFragment = { key: string, name: string | null, nameZh: string | null, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, from: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, to: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, legalBases: Array<{ key: string, name: string, nameZh: string | null, article: string }> };

export type ClauseQuoteFragment = { ref: string, title: string | null, text: string, citation: string, document: { key: string, title: string, titleEn: string | null } };

export type DashboardOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardOverviewQuery = { policyDocuments: Array<{ key: string, title: string, titleEn: string | null, updatedAt: string, effectiveAt: string, url: string | null }>, fields: { totalCount: number }, sensitiveFields: { totalCount: number }, parties: { totalCount: number, countsByKind: Array<{ kind: PartyKind, count: number }> }, flows: { totalCount: number, countsByKind: Array<{ kind: FlowKind, count: number }> }, crossBorder: { totalCount: number } };

export type SensitiveFieldReachQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type SensitiveFieldReachQuery = { personalFields: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ key: string, name: string, nameZh: string | null, sensitiveClass: string | null, recipients: Array<{ key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }> }> } };

export type PartyCardDataFragment = { description: string | null, contact: string | null, sdkPackages: Array<string>, key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null, inbound: Array<{ key: string, name: string | null, nameZh: string | null, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, carriedFields: Array<{ key: string, name: string, nameZh: string | null, sensitive: boolean, sensitiveClass: string | null }>, from: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, to: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, legalBases: Array<{ key: string, name: string, nameZh: string | null, article: string }> }> };

export type PartiesDirectoryQueryVariables = Exact<{
  filter?: PartyFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  countFilter?: PartyFilter | null | undefined;
}>;


export type PartiesDirectoryQuery = { partiesConnection: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ description: string | null, contact: string | null, sdkPackages: Array<string>, key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null, inbound: Array<{ key: string, name: string | null, nameZh: string | null, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, carriedFields: Array<{ key: string, name: string, nameZh: string | null, sensitive: boolean, sensitiveClass: string | null }>, from: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, to: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, legalBases: Array<{ key: string, name: string, nameZh: string | null, article: string }> }> }> }, kindCounts: { totalCount: number, countsByKind: Array<{ kind: PartyKind, count: number }> } };

export type PartyCardQueryVariables = Exact<{
  key: string | number;
}>;


export type PartyCardQuery = { party: { description: string | null, contact: string | null, sdkPackages: Array<string>, key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null, inbound: Array<{ key: string, name: string | null, nameZh: string | null, kind: FlowKind, consent: ConsentRequirement, optional: boolean, deidentified: boolean, crossBorder: boolean, carriedFields: Array<{ key: string, name: string, nameZh: string | null, sensitive: boolean, sensitiveClass: string | null }>, from: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, to: { key: string, name: string, nameZh: string | null, kind: PartyKind, country: string | null }, purposes: Array<{ key: string, name: string, nameZh: string | null, functionType: FunctionType }>, legalBases: Array<{ key: string, name: string, nameZh: string | null, article: string }> }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ClauseQuoteFragmentDoc = new TypedDocumentString(`
    fragment ClauseQuote on Clause {
  ref
  title
  text
  citation
  document {
    key
    title
    titleEn
  }
}
    `, {"fragmentName":"ClauseQuote"}) as unknown as TypedDocumentString<ClauseQuoteFragment, unknown>;
export const PartyBriefFragmentDoc = new TypedDocumentString(`
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
    `, {"fragmentName":"PartyBrief"}) as unknown as TypedDocumentString<PartyBriefFragment, unknown>;
export const NamedPurposeFragmentDoc = new TypedDocumentString(`
    fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}
    `, {"fragmentName":"NamedPurpose"}) as unknown as TypedDocumentString<NamedPurposeFragment, unknown>;
export const FlowArrowFragmentDoc = new TypedDocumentString(`
    fragment FlowArrow on DataFlow {
  key
  name
  nameZh
  kind
  consent
  optional
  deidentified
  crossBorder
  from {
    ...PartyBrief
  }
  to {
    ...PartyBrief
  }
  purposes {
    ...NamedPurpose
  }
  legalBases {
    key
    name
    nameZh
    article
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}`, {"fragmentName":"FlowArrow"}) as unknown as TypedDocumentString<FlowArrowFragment, unknown>;
export const PartyCardDataFragmentDoc = new TypedDocumentString(`
    fragment PartyCardData on Party {
  ...PartyBrief
  description
  contact
  sdkPackages
  inbound {
    ...FlowArrow
    carriedFields {
      key
      name
      nameZh
      sensitive
      sensitiveClass
    }
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}
fragment FlowArrow on DataFlow {
  key
  name
  nameZh
  kind
  consent
  optional
  deidentified
  crossBorder
  from {
    ...PartyBrief
  }
  to {
    ...PartyBrief
  }
  purposes {
    ...NamedPurpose
  }
  legalBases {
    key
    name
    nameZh
    article
  }
}`, {"fragmentName":"PartyCardData"}) as unknown as TypedDocumentString<PartyCardDataFragment, unknown>;
export const AuthCheckDocument = new TypedDocumentString(`
    query AuthCheck {
  __typename
}
    `) as unknown as TypedDocumentString<AuthCheckQuery, AuthCheckQueryVariables>;
export const FindingsBySeverityDocument = new TypedDocumentString(`
    query FindingsBySeverity {
  findings {
    totalCount
    bySeverity {
      severity
      count
    }
  }
}
    `) as unknown as TypedDocumentString<FindingsBySeverityQuery, FindingsBySeverityQueryVariables>;
export const FindingFacetsDocument = new TypedDocumentString(`
    query FindingFacets {
  complianceRules {
    id
    title
    description
    severity
  }
  findings {
    nodes {
      id
      rule
      severity
    }
  }
}
    `) as unknown as TypedDocumentString<FindingFacetsQuery, FindingFacetsQueryVariables>;
export const FindingsListDocument = new TypedDocumentString(`
    query FindingsList($filter: FindingFilter) {
  findings(filter: $filter) {
    totalCount
    nodes {
      id
      rule
      title
      severity
      message
      remedy
      subject {
        type
        key
        name
      }
      articles {
        citation
        law
        title
      }
      clauses {
        ref
        title
        text
        citation
        documentKey
        documentTitle
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FindingsListQuery, FindingsListQueryVariables>;
export const ComplianceReportFileDocument = new TypedDocumentString(`
    query ComplianceReportFile($kind: ComplianceReportKind!, $format: ComplianceReportFormat!) {
  complianceReport(kind: $kind, format: $format) {
    kind
    format
    fileName
    mediaType
    encoding
    content
  }
}
    `) as unknown as TypedDocumentString<ComplianceReportFileQuery, ComplianceReportFileQueryVariables>;
export const FieldLineageDocument = new TypedDocumentString(`
    query FieldLineage($key: ID!, $direction: LineageDirection, $maxDepth: Int, $from: ID) {
  personalField(key: $key) {
    key
    name
    nameZh
    description
    sensitive
    sensitiveClass
    category {
      key
      name
      nameZh
    }
    purposes {
      ...NamedPurpose
    }
    recipients {
      ...PartyBrief
    }
    sources {
      ...ClauseQuote
    }
    flows {
      key
      from {
        ...PartyBrief
      }
      to {
        ...PartyBrief
      }
    }
    lineage(direction: $direction, maxDepth: $maxDepth, from: $from) {
      truncated
      paths {
        destination {
          key
          name
          nameZh
        }
        hops {
          ...FlowArrow
        }
      }
    }
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}
fragment FlowArrow on DataFlow {
  key
  name
  nameZh
  kind
  consent
  optional
  deidentified
  crossBorder
  from {
    ...PartyBrief
  }
  to {
    ...PartyBrief
  }
  purposes {
    ...NamedPurpose
  }
  legalBases {
    key
    name
    nameZh
    article
  }
}
fragment ClauseQuote on Clause {
  ref
  title
  text
  citation
  document {
    key
    title
    titleEn
  }
}`) as unknown as TypedDocumentString<FieldLineageQuery, FieldLineageQueryVariables>;
export const FlowDetailDocument = new TypedDocumentString(`
    query FlowDetail($key: ID!) {
  dataFlow(key: $key) {
    ...FlowArrow
    description
    scenario
    retention {
      description
      minimum
      maximum
    }
    permissions {
      key
      name
      nameZh
    }
    categories {
      key
      name
      nameZh
    }
    carriedFields {
      key
      name
      nameZh
      sensitive
      sensitiveClass
    }
    sources {
      ...ClauseQuote
    }
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}
fragment FlowArrow on DataFlow {
  key
  name
  nameZh
  kind
  consent
  optional
  deidentified
  crossBorder
  from {
    ...PartyBrief
  }
  to {
    ...PartyBrief
  }
  purposes {
    ...NamedPurpose
  }
  legalBases {
    key
    name
    nameZh
    article
  }
}
fragment ClauseQuote on Clause {
  ref
  title
  text
  citation
  document {
    key
    title
    titleEn
  }
}`) as unknown as TypedDocumentString<FlowDetailQuery, FlowDetailQueryVariables>;
export const PartyDetailDocument = new TypedDocumentString(`
    query PartyDetail($key: ID!) {
  party(key: $key) {
    ...PartyBrief
    description
    contact
    sdkPackages
    sources {
      ...ClauseQuote
    }
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment ClauseQuote on Clause {
  ref
  title
  text
  citation
  document {
    key
    title
    titleEn
  }
}`) as unknown as TypedDocumentString<PartyDetailQuery, PartyDetailQueryVariables>;
export const LineageGraphTextDocument = new TypedDocumentString(`
    query LineageGraphText($key: ID!, $format: LineageGraphFormat, $direction: LineageDirection, $maxDepth: Int, $from: ID, $language: LabelLanguage) {
  personalField(key: $key) {
    key
    lineageGraph(
      format: $format
      direction: $direction
      maxDepth: $maxDepth
      from: $from
      language: $language
    )
  }
}
    `) as unknown as TypedDocumentString<LineageGraphTextQuery, LineageGraphTextQueryVariables>;
export const FieldFilterOptionsDocument = new TypedDocumentString(`
    query FieldFilterOptions {
  dataCategories {
    key
    name
    nameZh
    sensitive
    parent {
      key
    }
  }
  purposes {
    ...NamedPurpose
  }
  permissions {
    key
    name
    nameZh
  }
  parties {
    ...PartyBrief
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}`) as unknown as TypedDocumentString<FieldFilterOptionsQuery, FieldFilterOptionsQueryVariables>;
export const FieldsTableDocument = new TypedDocumentString(`
    query FieldsTable($filter: PersonalFieldFilter, $first: Int, $after: String) {
  personalFields(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      key
      name
      nameZh
      sensitive
      sensitiveClass
      category {
        key
        name
        nameZh
      }
      purposes {
        ...NamedPurpose
      }
      recipients {
        ...PartyBrief
      }
      flows {
        key
      }
    }
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}`) as unknown as TypedDocumentString<FieldsTableQuery, FieldsTableQueryVariables>;
export const DashboardOverviewDocument = new TypedDocumentString(`
    query DashboardOverview {
  policyDocuments {
    key
    title
    titleEn
    updatedAt
    effectiveAt
    url
  }
  fields: personalFields(first: 0) {
    totalCount
  }
  sensitiveFields: personalFields(first: 0, filter: {sensitive: true}) {
    totalCount
  }
  parties: partiesConnection(first: 0) {
    totalCount
    countsByKind {
      kind
      count
    }
  }
  flows: dataFlows(first: 0) {
    totalCount
    countsByKind {
      kind
      count
    }
  }
  crossBorder: dataFlows(first: 0, filter: {crossBorder: true}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<DashboardOverviewQuery, DashboardOverviewQueryVariables>;
export const SensitiveFieldReachDocument = new TypedDocumentString(`
    query SensitiveFieldReach($first: Int!, $after: String) {
  personalFields(first: $first, after: $after, filter: {sensitive: true}) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      key
      name
      nameZh
      sensitiveClass
      recipients {
        ...PartyBrief
      }
    }
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}`) as unknown as TypedDocumentString<SensitiveFieldReachQuery, SensitiveFieldReachQueryVariables>;
export const PartiesDirectoryDocument = new TypedDocumentString(`
    query PartiesDirectory($filter: PartyFilter, $first: Int, $after: String, $countFilter: PartyFilter) {
  partiesConnection(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...PartyCardData
    }
  }
  kindCounts: partiesConnection(filter: $countFilter, first: 0) {
    totalCount
    countsByKind {
      kind
      count
    }
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}
fragment FlowArrow on DataFlow {
  key
  name
  nameZh
  kind
  consent
  optional
  deidentified
  crossBorder
  from {
    ...PartyBrief
  }
  to {
    ...PartyBrief
  }
  purposes {
    ...NamedPurpose
  }
  legalBases {
    key
    name
    nameZh
    article
  }
}
fragment PartyCardData on Party {
  ...PartyBrief
  description
  contact
  sdkPackages
  inbound {
    ...FlowArrow
    carriedFields {
      key
      name
      nameZh
      sensitive
      sensitiveClass
    }
  }
}`) as unknown as TypedDocumentString<PartiesDirectoryQuery, PartiesDirectoryQueryVariables>;
export const PartyCardDocument = new TypedDocumentString(`
    query PartyCard($key: ID!) {
  party(key: $key) {
    ...PartyCardData
  }
}
    fragment PartyBrief on Party {
  key
  name
  nameZh
  kind
  country
}
fragment NamedPurpose on Purpose {
  key
  name
  nameZh
  functionType
}
fragment FlowArrow on DataFlow {
  key
  name
  nameZh
  kind
  consent
  optional
  deidentified
  crossBorder
  from {
    ...PartyBrief
  }
  to {
    ...PartyBrief
  }
  purposes {
    ...NamedPurpose
  }
  legalBases {
    key
    name
    nameZh
    article
  }
}
fragment PartyCardData on Party {
  ...PartyBrief
  description
  contact
  sdkPackages
  inbound {
    ...FlowArrow
    carriedFields {
      key
      name
      nameZh
      sensitive
      sensitiveClass
    }
  }
}`) as unknown as TypedDocumentString<PartyCardQuery, PartyCardQueryVariables>;