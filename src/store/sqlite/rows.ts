/** Mapping between SQLite rows and domain records: nulls are left out so exports stay clean. */
import type { DataFlow, LegalBasis, Party, Permission, Purpose } from '../../domain/manifest';
import type { Sensitivity } from '../../domain/sensitivity';
import type { ConsentRequirement, FlowKind, FunctionType, PartyKind } from '../../domain/vocabulary';
import type { StoredCategory, StoredDocument, StoredField } from '../inventory-store';

export type Row = Record<string, unknown>;

/**
 * Records are built property by property, in the order exports print them (copies compare export
 * text byte for byte), without spreads or per-row entry arrays: a field page builds thousands.
 * `sources` undefined leaves the property out (a read that did not ask for them).
 */
type Out = Record<string, unknown>;

function nodeBase(row: Row, sources: string[] | undefined): Out {
  const out: Out = { key: row.key, name: row.name };
  if (sources) out.sources = sources;
  if (row.name_zh != null) out.nameZh = row.name_zh;
  if (row.description != null) out.description = row.description;
  return out;
}

function sensitivity(out: Out, row: Row): void {
  if (row.sensitive != null) out.sensitive = row.sensitive === 1 || row.sensitive === true;
  if (row.sensitive_class != null) out.sensitiveClass = row.sensitive_class;
}

/** JSON lists as stored; the empty one, by far the most common, without a parse. */
function jsonList(text: unknown): string[] {
  return text === '[]' ? [] : (JSON.parse(text as string) as string[]);
}

export function documentFromRow(row: Row): StoredDocument {
  const out: Out = { key: row.key, title: row.title, updatedAt: row.updated_at, effectiveAt: row.effective_at };
  if (row.title_en != null) out.titleEn = row.title_en;
  if (row.url != null) out.url = row.url;
  return out as unknown as StoredDocument;
}

export function categoryFromRow(row: Row, sources: string[] | undefined, effective: Sensitivity): StoredCategory {
  const out = nodeBase(row, sources);
  if (row.parent_key != null) out.parent = row.parent_key;
  sensitivity(out, row);
  out.effective = effective;
  return out as unknown as StoredCategory;
}

export function fieldFromRow(row: Row, sources: string[] | undefined, effective: Sensitivity): StoredField {
  const out = nodeBase(row, sources);
  out.category = row.category_key;
  sensitivity(out, row);
  out.effective = effective;
  return out as unknown as StoredField;
}

export function purposeFromRow(row: Row, sources: string[] | undefined): Purpose {
  const out = nodeBase(row, sources);
  out.functionType = row.function_type as FunctionType;
  return out as unknown as Purpose;
}

export function permissionFromRow(row: Row, sources: string[] | undefined): Permission {
  const out = nodeBase(row, sources);
  out.platform = row.platform;
  return out as unknown as Permission;
}

export function partyFromRow(row: Row, sources: string[] | undefined): Party {
  const out = nodeBase(row, sources);
  out.kind = row.kind as PartyKind;
  out.sdkPackages = jsonList(row.sdk_packages);
  if (row.country != null) out.country = row.country;
  if (row.contact != null) out.contact = row.contact;
  return out as unknown as Party;
}

export function legalBasisFromRow(row: Row, sources: string[] | undefined): LegalBasis {
  const out = nodeBase(row, sources);
  out.jurisdiction = row.jurisdiction;
  out.article = row.article;
  return out as unknown as LegalBasis;
}

export interface FlowLists {
  fields: string[];
  categories: string[];
  purposes: string[];
  legalBases: string[];
  permissions: string[];
}

export function flowFromRow(row: Row, sources: string[] | undefined, lists: FlowLists): DataFlow {
  const out: Out = {
    key: row.key,
    from: row.from_key,
    to: row.to_key,
    kind: row.kind as FlowKind,
    fields: lists.fields,
    categories: lists.categories,
    purposes: lists.purposes,
    legalBases: lists.legalBases,
    permissions: lists.permissions,
    consent: row.consent as ConsentRequirement,
    optional: row.optional === 1,
    deidentified: row.deidentified === 1,
  };
  if (sources) out.sources = sources;
  if (row.name != null) out.name = row.name;
  if (row.name_zh != null) out.nameZh = row.name_zh;
  if (row.description != null) out.description = row.description;
  if (row.scenario != null) out.scenario = row.scenario;
  if (row.retention_description != null) {
    const retention: Out = { description: row.retention_description };
    if (row.retention_minimum != null) retention.minimum = row.retention_minimum;
    if (row.retention_maximum != null) retention.maximum = row.retention_maximum;
    out.retention = retention;
  }
  return out as unknown as DataFlow;
}
