/**
 * The inventory manifest: the one format for seeds (YAML), import and export (JSON or YAML).
 * Shape is checked by zod (and emitted as JSON Schema for editors); references between nodes
 * are checked by `checkReferences`, so a manifest that passes both can be written as is.
 */
import { z } from 'zod';
import {
  CONSENT_REQUIREMENTS,
  FLOW_KINDS,
  FUNCTION_TYPES,
  PARTY_KINDS,
  SENSITIVE_CLASSES,
} from './vocabulary';

export const MANIFEST_VERSION = 1;

/** Stable ASCII key: what other nodes, URLs and exports use to name a node. */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
/** A clause citation: `<documentKey>#<clause ref>`, e.g. `jinquan-privacy-2021#四.2.5`. */
export const CLAUSE_CITATION_PATTERN = /^([A-Za-z0-9][A-Za-z0-9._:-]{0,199})#(\S.{0,99})$/;
/** ISO 3166-1 alpha-2 country code. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** ISO-8601 duration (P6M, P3Y, P30D, PT12H). */
export const ISO_DURATION_PATTERN =
  /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

const key = z.string().regex(KEY_PATTERN, 'must be an ASCII key: letters, digits, . _ : - (max 200), starting with a letter or digit');

/**
 * Characters nobody sees at either end of a text: what String.prototype.trim removes (white
 * space, line breaks, NBSP, ideographic space, BOM) plus the zero-width space. Text is stored
 * exactly as sent, so such text is refused with the character named rather than trimmed.
 */
export function isInvisibleSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const SPACE_NAMES: Record<number, string> = {
  0x09: 'tab', 0x0a: 'line feed', 0x0d: 'carriage return', 0x20: 'space', 0xa0: 'no-break space',
  0x200b: 'zero-width space', 0x3000: 'ideographic space', 0xfeff: 'byte order mark',
};

function describeSpace(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return SPACE_NAMES[code] ? `${hex} ${SPACE_NAMES[code]}` : hex;
}

/** Single-line text (names, titles, articles): not empty, no invisible space at either end. */
const text = (max: number) =>
  z.string().min(1, 'must not be empty').max(max).superRefine((s, ctx) => {
    if (s.length === 0) return;
    const first = s.charCodeAt(0);
    const last = s.charCodeAt(s.length - 1);
    const found = isInvisibleSpace(first) ? first : isInvisibleSpace(last) ? last : null;
    if (found !== null) ctx.addIssue({ code: 'custom', message: `must not start or end with white space (found ${describeSpace(found)})` });
  });

/** Multi-line free text (descriptions, clause text): kept exactly, line breaks and indentation included; not blank. */
const prose = (max: number) =>
  z.string().max(max).superRefine((s, ctx) => {
    if (s.length === 0) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
    else if (isBlank(s)) ctx.addIssue({ code: 'custom', message: 'must not be only white space' });
  });

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isInvisibleSpace(s.charCodeAt(i))) return false;
  return true;
}
const citation = z
  .string()
  .regex(CLAUSE_CITATION_PATTERN, 'must cite a clause as "<documentKey>#<ref>"');
const isoDate = z.iso.date('must be a date as YYYY-MM-DD');
const duration = z.string().regex(ISO_DURATION_PATTERN, 'must be an ISO-8601 duration such as P6M or P3Y');

/** Fields every node carries. */
const nodeBase = {
  key,
  name: text(300),
  nameZh: text(300).nullish(),
  description: prose(20_000).nullish(),
  sources: z.array(citation).max(500).default([]),
};

export const clauseSchema = z.strictObject({
  ref: text(100).regex(/^[^\n\r\u2028\u2029]*$/, 'must be a single line'),
  title: text(300).nullish(),
  text: prose(100_000),
});

export const documentSchema = z.strictObject({
  key,
  title: text(300),
  titleEn: text(300).nullish(),
  url: z.string().max(2000).nullish(),
  updatedAt: isoDate,
  effectiveAt: isoDate,
  clauses: z.array(clauseSchema).max(10_000).default([]),
});

export const categorySchema = z
  .strictObject({
    ...nodeBase,
    parent: key.nullish(),
    /** Omitted: inherit from the parent category (a root category defaults to not sensitive). */
    sensitive: z.boolean().nullish(),
    sensitiveClass: z.enum(SENSITIVE_CLASSES).nullish(),
  })
  .superRefine(checkSensitivity);

export const fieldSchema = z
  .strictObject({
    ...nodeBase,
    category: key,
    /** Omitted: inherit the category's sensitivity. */
    sensitive: z.boolean().nullish(),
    sensitiveClass: z.enum(SENSITIVE_CLASSES).nullish(),
  })
  .superRefine(checkSensitivity);

export const purposeSchema = z.strictObject({
  ...nodeBase,
  functionType: z.enum(FUNCTION_TYPES),
});

export const permissionSchema = z.strictObject({
  ...nodeBase,
  platform: text(50).default('android'),
});

export const partySchema = z.strictObject({
  ...nodeBase,
  kind: z.enum(PARTY_KINDS),
  /** ISO 3166-1 alpha-2 country where the party processes / stores the data. */
  country: z.string().regex(COUNTRY_PATTERN, 'must be an ISO 3166-1 alpha-2 code such as CN').nullish(),
  contact: text(1000).nullish(),
  sdkPackages: z.array(text(300)).max(200).default([]),
});

export const legalBasisSchema = z.strictObject({
  ...nodeBase,
  jurisdiction: text(20),
  article: text(200),
});

export const retentionSchema = z
  .strictObject({
    description: prose(5000),
    minimum: duration.nullish(),
    maximum: duration.nullish(),
  });

export const flowSchema = z
  .strictObject({
    ...nodeBase,
    name: text(300).nullish(),
    from: key,
    to: key,
    kind: z.enum(FLOW_KINDS),
    fields: z.array(key).max(100_000).default([]),
    categories: z.array(key).max(10_000).default([]),
    purposes: z.array(key).max(10_000).default([]),
    legalBases: z.array(key).max(100).default([]),
    permissions: z.array(key).max(1000).default([]),
    consent: z.enum(CONSENT_REQUIREMENTS),
    /** May the user refuse this flow and still use the basic functions? */
    optional: z.boolean(),
    deidentified: z.boolean().default(false),
    retention: retentionSchema.nullish(),
    /** When / in which function it happens (for 已收集个人信息清单), as the policy words it. */
    scenario: text(2000).nullish(),
  })
  .superRefine((flow, ctx) => {
    if (flow.fields.length === 0 && flow.categories.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'a flow must carry at least one field or category' });
    }
    if (flow.from === flow.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'a flow must go to a party other than its source' });
    }
  });

export const manifestSchema = z.strictObject({
  version: z.literal(MANIFEST_VERSION).default(MANIFEST_VERSION),
  documents: z.array(documentSchema).default([]),
  categories: z.array(categorySchema).default([]),
  fields: z.array(fieldSchema).default([]),
  purposes: z.array(purposeSchema).default([]),
  permissions: z.array(permissionSchema).default([]),
  parties: z.array(partySchema).default([]),
  legalBases: z.array(legalBasisSchema).default([]),
  flows: z.array(flowSchema).default([]),
});

export type Clause = z.infer<typeof clauseSchema>;
export type PolicyDocument = z.infer<typeof documentSchema>;
export type DataCategory = z.infer<typeof categorySchema>;
export type PersonalField = z.infer<typeof fieldSchema>;
export type Purpose = z.infer<typeof purposeSchema>;
export type Permission = z.infer<typeof permissionSchema>;
export type Party = z.infer<typeof partySchema>;
export type LegalBasis = z.infer<typeof legalBasisSchema>;
export type Retention = z.infer<typeof retentionSchema>;
export type DataFlow = z.infer<typeof flowSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
/** What a caller may hand in before defaults are applied. */
export type ManifestInput = z.input<typeof manifestSchema>;

function checkSensitivity(
  node: { sensitive?: boolean | null; sensitiveClass?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (node.sensitive === false && node.sensitiveClass) {
    ctx.addIssue({ code: 'custom', path: ['sensitiveClass'], message: 'a non-sensitive node cannot have a sensitiveClass' });
  }
  if (node.sensitive === true && !node.sensitiveClass) {
    ctx.addIssue({ code: 'custom', path: ['sensitiveClass'], message: 'a sensitive node must name its sensitiveClass (PIPL Art. 28)' });
  }
}

/** The JSON Schema editors use to check manifests (emitted to schema/manifest.schema.json). */
export function manifestJsonSchema(): object {
  return z.toJSONSchema(manifestSchema, { io: 'input', target: 'draft-2020-12' });
}
