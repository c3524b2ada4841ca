/**
 * A fast path for `parseManifest` on large manifests that are valid. It checks the rules of the
 * zod schemas in manifest.ts by hand and builds the object zod would build (same keys in the same
 * order, defaults filled, fresh arrays): 1 s instead of 3.1–3.5 s at 500,000 flows.
 *
 * It never decides that a manifest is invalid: a node it does not accept (or is unsure about) is
 * parsed by its zod schema instead, and if zod rejects it, `fastParseManifest` gives up so the
 * caller runs the full zod parse and reports zod's problems. A schema change must be mirrored
 * here; test/domain/fast-manifest.test.ts pins the schema and checks both agree.
 */
import type { z } from 'zod';
import {
  CLAUSE_CITATION_PATTERN,
  COUNTRY_PATTERN,
  ISO_DURATION_PATTERN,
  KEY_PATTERN,
  MANIFEST_VERSION,
  isBlank,
  isInvisibleSpace,
  categorySchema,
  fieldSchema,
  flowSchema,
  legalBasisSchema,
  manifestSchema,
  partySchema,
  permissionSchema,
  purposeSchema,
  retentionSchema,
  type DataCategory,
  type DataFlow,
  type LegalBasis,
  type Manifest,
  type Party,
  type PersonalField,
  type Permission,
  type Purpose,
  type Retention,
} from './manifest';
import { CONSENT_REQUIREMENTS, FLOW_KINDS, FUNCTION_TYPES, PARTY_KINDS, SENSITIVE_CLASSES } from './vocabulary';

/** Thrown (never escapes) when a node needs the zod parse. No Error: no stack to capture. */
const UNSURE = Object.freeze({ unsure: true });

type Obj = Record<string, unknown>;

/** The properties each object may have, in schema order (zod builds its output in this order). */
export const FAST_KEYS = {
  manifest: ['version', 'documents', 'categories', 'fields', 'purposes', 'permissions', 'parties', 'legalBases', 'flows'],
  category: ['key', 'name', 'nameZh', 'description', 'sources', 'parent', 'sensitive', 'sensitiveClass'],
  field: ['key', 'name', 'nameZh', 'description', 'sources', 'category', 'sensitive', 'sensitiveClass'],
  purpose: ['key', 'name', 'nameZh', 'description', 'sources', 'functionType'],
  permission: ['key', 'name', 'nameZh', 'description', 'sources', 'platform'],
  party: ['key', 'name', 'nameZh', 'description', 'sources', 'kind', 'country', 'contact', 'sdkPackages'],
  legalBasis: ['key', 'name', 'nameZh', 'description', 'sources', 'jurisdiction', 'article'],
  flow: [
    'key', 'name', 'nameZh', 'description', 'sources', 'from', 'to', 'kind', 'fields', 'categories', 'purposes',
    'legalBases', 'permissions', 'consent', 'optional', 'deidentified', 'retention', 'scenario',
  ],
  retention: ['description', 'minimum', 'maximum'],
} as const;

const keySet = (keys: readonly string[]) => new Set<string>(keys);
const MANIFEST_KEYS = keySet(FAST_KEYS.manifest);
const CATEGORY_KEYS = keySet(FAST_KEYS.category);
const FIELD_KEYS = keySet(FAST_KEYS.field);
const PURPOSE_KEYS = keySet(FAST_KEYS.purpose);
const PERMISSION_KEYS = keySet(FAST_KEYS.permission);
const PARTY_KEYS = keySet(FAST_KEYS.party);
const LEGAL_BASIS_KEYS = keySet(FAST_KEYS.legalBasis);
const FLOW_KEYS = keySet(FAST_KEYS.flow);
const RETENTION_KEYS = keySet(FAST_KEYS.retention);

const SENSITIVE_CLASS_SET = new Set<unknown>(SENSITIVE_CLASSES);
const FLOW_KIND_SET = new Set<unknown>(FLOW_KINDS);
const CONSENT_SET = new Set<unknown>(CONSENT_REQUIREMENTS);
const FUNCTION_TYPE_SET = new Set<unknown>(FUNCTION_TYPES);
const PARTY_KIND_SET = new Set<unknown>(PARTY_KINDS);

/** Same key lists as the schemas, or the fast path stays off (a property added to a schema and
 * not here would otherwise be dropped from the output). */
const sameKeys = (schema: { shape: object }, keys: readonly string[]) => {
  const own = Object.keys(schema.shape);
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
};
export const FAST_PATH_ENABLED =
  sameKeys(manifestSchema, FAST_KEYS.manifest) &&
  sameKeys(categorySchema, FAST_KEYS.category) &&
  sameKeys(fieldSchema, FAST_KEYS.field) &&
  sameKeys(purposeSchema, FAST_KEYS.purpose) &&
  sameKeys(permissionSchema, FAST_KEYS.permission) &&
  sameKeys(partySchema, FAST_KEYS.party) &&
  sameKeys(legalBasisSchema, FAST_KEYS.legalBasis) &&
  sameKeys(flowSchema, FAST_KEYS.flow) &&
  sameKeys(retentionSchema, FAST_KEYS.retention);

// ---- values -----------------------------------------------------------------------------------

/** zod's isObject, then its strict-object rule: every enumerable key (for…in, as zod) is known. */
function strictObject(v: unknown, known: Set<string>): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw UNSURE;
  for (const k in v) if (!known.has(k)) throw UNSURE;
  return v as Obj;
}

function key(v: unknown): string {
  if (typeof v !== 'string' || !KEY_PATTERN.test(v)) throw UNSURE;
  return v;
}

/** `text(max)`: not empty, no invisible space at either end, at most `max` long. zod counts code
 * points; UTF-16 units are never fewer, so a string within `max` units is within `max` code
 * points (longer: unsure). */
function text(v: unknown, max: number): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw UNSURE;
  if (isInvisibleSpace(v.charCodeAt(0)) || isInvisibleSpace(v.charCodeAt(v.length - 1))) throw UNSURE;
  return v;
}

/** `prose(max)`: kept as is, not empty, not only white space, at most `max` long. */
function prose(v: unknown, max: number): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw UNSURE;
  if (isInvisibleSpace(v.charCodeAt(0)) && isBlank(v)) throw UNSURE;
  return v;
}

function matching(v: unknown, pattern: RegExp): string {
  if (typeof v !== 'string' || !pattern.test(v)) throw UNSURE;
  return v;
}

function oneOf<T>(v: unknown, values: Set<unknown>): T {
  if (!values.has(v)) throw UNSURE;
  return v as T;
}

function bool(v: unknown): boolean {
  if (typeof v !== 'boolean') throw UNSURE;
  return v;
}

// Lists: `z.array(item).max(max).default([])`, copied (zod returns new arrays). Short lists are
// built as array literals, not `new Array(n)`: V8 sees that what a literal site allocates
// survives and then allocates it in the old generation directly instead of copying it out of
// the young one (that copying took a third of the parse at 500,000 flows). Each kind of item
// has its own function so that its check is inlined.

/** `z.array(key).max(max).default([])` */
function keyList(v: unknown, max: number): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > max) throw UNSURE;
  switch (v.length) {
    case 0: return [];
    case 1: return [key(v[0])];
    case 2: return [key(v[0]), key(v[1])];
    case 3: return [key(v[0]), key(v[1]), key(v[2])];
    case 4: return [key(v[0]), key(v[1]), key(v[2]), key(v[3])];
    case 5: return [key(v[0]), key(v[1]), key(v[2]), key(v[3]), key(v[4])];
    case 6: return [key(v[0]), key(v[1]), key(v[2]), key(v[3]), key(v[4]), key(v[5])];
  }
  return longList(v, key);
}

/** `sources`: `z.array(citation).max(500).default([])` */
function citations(v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 500) throw UNSURE;
  switch (v.length) {
    case 0: return [];
    case 1: return [citation(v[0])];
    case 2: return [citation(v[0]), citation(v[1])];
    case 3: return [citation(v[0]), citation(v[1]), citation(v[2])];
  }
  return longList(v, citation);
}

/** `z.array(text(max)).max(maxItems).default([])` (few: party SDK packages) */
function textList(v: unknown, max: number, maxItems: number): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > maxItems) throw UNSURE;
  return longList(v, (x) => text(x, max));
}

function longList(v: unknown[], item: (x: unknown) => string): string[] {
  const n = v.length;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = item(v[i]);
  return out;
}

function citation(v: unknown): string {
  if (typeof v !== 'string' || !CLAUSE_CITATION_PATTERN.test(v)) throw UNSURE;
  return v;
}

// Optional (`.nullish()`) properties: zod sets them on the output exactly when `k in input`,
// keeping an explicit undefined or null.

function optText(o: Obj, out: Obj, k: string, max: number): void {
  const v = o[k];
  if (v === undefined) {
    if (k in o) out[k] = undefined;
  } else out[k] = v === null ? null : text(v, max);
}

function optProse(o: Obj, out: Obj, k: string, max: number): void {
  const v = o[k];
  if (v === undefined) {
    if (k in o) out[k] = undefined;
  } else out[k] = v === null ? null : prose(v, max);
}

function optMatching(o: Obj, out: Obj, k: string, pattern: RegExp): void {
  const v = o[k];
  if (v === undefined) {
    if (k in o) out[k] = undefined;
  } else out[k] = v === null ? null : matching(v, pattern);
}

function optKey(o: Obj, out: Obj, k: string): void {
  const v = o[k];
  if (v === undefined) {
    if (k in o) out[k] = undefined;
  } else out[k] = v === null ? null : key(v);
}

function optBool(o: Obj, out: Obj, k: string): void {
  const v = o[k];
  if (v === undefined) {
    if (k in o) out[k] = undefined;
  } else out[k] = v === null ? null : bool(v);
}

function optOneOf(o: Obj, out: Obj, k: string, values: Set<unknown>): void {
  const v = o[k];
  if (v === undefined) {
    if (k in o) out[k] = undefined;
  } else out[k] = v === null ? null : oneOf(v, values);
}

// ---- nodes ------------------------------------------------------------------------------------

/** The properties of `nodeBase`, in order; `name` is optional on flows. */
function nodeBase(o: Obj, nameRequired: boolean): Obj {
  const out: Obj = { key: key(o.key) };
  if (nameRequired) out.name = text(o.name, 300);
  else optText(o, out, 'name', 300);
  optText(o, out, 'nameZh', 300);
  optProse(o, out, 'description', 20_000);
  out.sources = citations(o.sources);
  return out;
}

/** checkSensitivity in manifest.ts */
function sensitivity(out: { sensitive?: boolean | null; sensitiveClass?: string | null }): void {
  if (out.sensitive === false && out.sensitiveClass) throw UNSURE;
  if (out.sensitive === true && !out.sensitiveClass) throw UNSURE;
}

function category(v: unknown): DataCategory {
  const o = strictObject(v, CATEGORY_KEYS);
  const out = nodeBase(o, true);
  optKey(o, out, 'parent');
  optBool(o, out, 'sensitive');
  optOneOf(o, out, 'sensitiveClass', SENSITIVE_CLASS_SET);
  sensitivity(out);
  return out as DataCategory;
}

function field(v: unknown): PersonalField {
  const o = strictObject(v, FIELD_KEYS);
  const out = nodeBase(o, true);
  out.category = key(o.category);
  optBool(o, out, 'sensitive');
  optOneOf(o, out, 'sensitiveClass', SENSITIVE_CLASS_SET);
  sensitivity(out);
  return out as PersonalField;
}

function purpose(v: unknown): Purpose {
  const o = strictObject(v, PURPOSE_KEYS);
  const out = nodeBase(o, true);
  out.functionType = oneOf(o.functionType, FUNCTION_TYPE_SET);
  return out as Purpose;
}

function permission(v: unknown): Permission {
  const o = strictObject(v, PERMISSION_KEYS);
  const out = nodeBase(o, true);
  out.platform = o.platform === undefined ? 'android' : text(o.platform, 50);
  return out as Permission;
}

function party(v: unknown): Party {
  const o = strictObject(v, PARTY_KEYS);
  const out = nodeBase(o, true);
  out.kind = oneOf(o.kind, PARTY_KIND_SET);
  optMatching(o, out, 'country', COUNTRY_PATTERN);
  optText(o, out, 'contact', 1000);
  out.sdkPackages = textList(o.sdkPackages, 300, 200);
  return out as Party;
}

function legalBasis(v: unknown): LegalBasis {
  const o = strictObject(v, LEGAL_BASIS_KEYS);
  const out = nodeBase(o, true);
  out.jurisdiction = text(o.jurisdiction, 20);
  out.article = text(o.article, 200);
  return out as LegalBasis;
}

function retention(v: unknown): Retention {
  const o = strictObject(v, RETENTION_KEYS);
  const out: Obj = { description: prose(o.description, 5000) };
  optMatching(o, out, 'minimum', ISO_DURATION_PATTERN);
  optMatching(o, out, 'maximum', ISO_DURATION_PATTERN);
  return out as Retention;
}

function flow(v: unknown): DataFlow {
  const o = strictObject(v, FLOW_KEYS);
  const from = key(o.from);
  const to = key(o.to);
  const fields = keyList(o.fields, 100_000);
  const categories = keyList(o.categories, 10_000);
  // the flow schema's superRefine
  if (fields.length === 0 && categories.length === 0) throw UNSURE;
  if (from === to) throw UNSURE;
  const r = o.retention;
  const common =
    o.name === undefined && o.nameZh === undefined && o.description === undefined && o.scenario === undefined &&
    !('name' in o) && !('nameZh' in o) && !('description' in o) && !('scenario' in o);
  if (common && r !== null && !(r === undefined && 'retention' in o)) {
    // The usual flow (no name, description or scenario) as one object literal: one allocation,
    // properties inside the object and, as for the lists, allocated in the old generation.
    const k = key(o.key);
    const sources = citations(o.sources);
    const kind = oneOf<DataFlow['kind']>(o.kind, FLOW_KIND_SET);
    const purposes = keyList(o.purposes, 10_000);
    const legalBases = keyList(o.legalBases, 100);
    const permissions = keyList(o.permissions, 1000);
    const consent = oneOf<DataFlow['consent']>(o.consent, CONSENT_SET);
    const optional = bool(o.optional);
    const deidentified = o.deidentified === undefined ? false : bool(o.deidentified);
    if (r === undefined) {
      return { key: k, sources, from, to, kind, fields, categories, purposes, legalBases, permissions, consent, optional, deidentified };
    }
    const retained = retention(r);
    return { key: k, sources, from, to, kind, fields, categories, purposes, legalBases, permissions, consent, optional, deidentified, retention: retained };
  }
  const out = nodeBase(o, false);
  out.from = from;
  out.to = to;
  out.kind = oneOf(o.kind, FLOW_KIND_SET);
  out.fields = fields;
  out.categories = categories;
  out.purposes = keyList(o.purposes, 10_000);
  out.legalBases = keyList(o.legalBases, 100);
  out.permissions = keyList(o.permissions, 1000);
  out.consent = oneOf(o.consent, CONSENT_SET);
  out.optional = bool(o.optional);
  out.deidentified = o.deidentified === undefined ? false : bool(o.deidentified);
  if (r === undefined) {
    if ('retention' in o) out.retention = undefined;
  } else out.retention = r === null ? null : retention(r);
  optText(o, out, 'scenario', 2000);
  return out as DataFlow;
}

// ---- the manifest -----------------------------------------------------------------------------

/** A section: fast per node, zod for a node the fast path does not take; undefined if zod rejects one. */
function section<T>(v: unknown, fast: (node: unknown) => T, schema: z.ZodType<T>): T[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return undefined;
  const n = v.length;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const node: unknown = v[i];
    try {
      out[i] = fast(node);
    } catch {
      // UNSURE, or anything odd (a throwing getter…): zod decides, as it would without this path
      const parsed = schema.safeParse(node);
      if (!parsed.success) return undefined;
      out[i] = parsed.data;
    }
  }
  return out;
}

/**
 * The manifest zod would return for `input`, or undefined when zod must decide (any problem,
 * anything unusual). Never returns a manifest zod would reject.
 */
export function fastParseManifest(input: object): Manifest | undefined {
  if (!FAST_PATH_ENABLED || Array.isArray(input)) return undefined;
  const m = input as Obj;
  for (const k in m) if (!MANIFEST_KEYS.has(k)) return undefined;
  if (m.version !== undefined && m.version !== MANIFEST_VERSION) return undefined;
  // Documents are few and carry dates: zod parses that section as it would inside the manifest.
  const documents = manifestSchema.shape.documents.safeParse(m.documents);
  if (!documents.success) return undefined;
  const categories = section(m.categories, category, categorySchema);
  if (!categories) return undefined;
  const fields = section(m.fields, field, fieldSchema);
  if (!fields) return undefined;
  const purposes = section(m.purposes, purpose, purposeSchema);
  if (!purposes) return undefined;
  const permissions = section(m.permissions, permission, permissionSchema);
  if (!permissions) return undefined;
  const parties = section(m.parties, party, partySchema);
  if (!parties) return undefined;
  const legalBases = section(m.legalBases, legalBasis, legalBasisSchema);
  if (!legalBases) return undefined;
  const flows = section(m.flows, flow, flowSchema);
  if (!flows) return undefined;
  return { version: MANIFEST_VERSION, documents: documents.data, categories, fields, purposes, permissions, parties, legalBases, flows };
}

/** The per-node fast parsers (for tests): each returns what zod would, or throws when unsure. */
export const FAST_NODE_PARSERS = {
  categories: category,
  fields: field,
  purposes: purpose,
  permissions: permission,
  parties: party,
  legalBases: legalBasis,
  flows: flow,
} as const;
