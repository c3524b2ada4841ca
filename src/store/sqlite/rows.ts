/** Mapping between SQLite rows and domain records: nulls are left out so exports stay clean. */
import type {
  DataCategory,
  DataFlow,
  LegalBasis,
  Party,
  PersonalField,
  Permission,
  Purpose,
} from '../../domain/manifest';
import type { Sensitivity } from '../../domain/sensitivity';
import type { ConsentRequirement, FlowKind, FunctionType, PartyKind } from '../../domain/vocabulary';
import type { StoredCategory, StoredDocument, StoredField } from '../inventory-store';

export type Row = Record<string, unknown>;

/** Copies the non-null entries of `extra` onto `base`. */
function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) (base as Record<string, unknown>)[k] = v;
  return base;
}

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === 1 || v === true);

function nodeBase(row: Row, sources: string[]) {
  return withOptional(
    { key: row.key as string, name: row.name as string, sources },
    { nameZh: row.name_zh, description: row.description },
  );
}

export function documentFromRow(row: Row): StoredDocument {
  return withOptional(
    { key: row.key as string, title: row.title as string, updatedAt: row.updated_at as string, effectiveAt: row.effective_at as string },
    { titleEn: row.title_en, url: row.url },
  );
}

export function categoryFromRow(row: Row, sources: string[], effective: Sensitivity): StoredCategory {
  const c = withOptional(nodeBase(row, sources) as DataCategory, {
    parent: row.parent_key,
    sensitive: bool(row.sensitive),
    sensitiveClass: row.sensitive_class,
  });
  return { ...c, effective };
}

export function fieldFromRow(row: Row, sources: string[], effective: Sensitivity): StoredField {
  const f = withOptional({ ...nodeBase(row, sources), category: row.category_key as string } as PersonalField, {
    sensitive: bool(row.sensitive),
    sensitiveClass: row.sensitive_class,
  });
  return { ...f, effective };
}

export function purposeFromRow(row: Row, sources: string[]): Purpose {
  return { ...nodeBase(row, sources), functionType: row.function_type as FunctionType };
}

export function permissionFromRow(row: Row, sources: string[]): Permission {
  return { ...nodeBase(row, sources), platform: row.platform as string };
}

export function partyFromRow(row: Row, sources: string[]): Party {
  return withOptional(
    { ...nodeBase(row, sources), kind: row.kind as PartyKind, sdkPackages: JSON.parse(row.sdk_packages as string) as string[] },
    { country: row.country, contact: row.contact },
  );
}

export function legalBasisFromRow(row: Row, sources: string[]): LegalBasis {
  return { ...nodeBase(row, sources), jurisdiction: row.jurisdiction as string, article: row.article as string };
}

export interface FlowLists {
  fields: string[];
  categories: string[];
  purposes: string[];
  legalBases: string[];
  permissions: string[];
}

export function flowFromRow(row: Row, sources: string[], lists: FlowLists): DataFlow {
  const flow = withOptional(
    {
      key: row.key as string,
      from: row.from_key as string,
      to: row.to_key as string,
      kind: row.kind as FlowKind,
      ...lists,
      consent: row.consent as ConsentRequirement,
      optional: row.optional === 1,
      deidentified: row.deidentified === 1,
      sources,
    } as DataFlow,
    { name: row.name, nameZh: row.name_zh, description: row.description, scenario: row.scenario },
  );
  if (row.retention_description != null) {
    flow.retention = withOptional(
      { description: row.retention_description as string },
      { minimum: row.retention_minimum, maximum: row.retention_maximum },
    );
  }
  return flow;
}
