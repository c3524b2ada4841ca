/**
 * The order of a record's keys as every store hands it out, so that equal inventories export to
 * equal text (YAML and JSON keep key order) whichever store they come from. It is the embedded
 * store's order; an adapter whose database keeps properties in its own order (Neo4j) puts them
 * back in this one. Keys not listed (derived ones such as `effective` and `version`) follow.
 */
import type { NodeType } from './vocabulary';

const NAMED = ['key', 'name', 'sources', 'nameZh', 'description'] as const;

export const RECORD_KEY_ORDER: Record<NodeType | 'clause' | 'retention', readonly string[]> = {
  document: ['key', 'title', 'updatedAt', 'effectiveAt', 'titleEn', 'url', 'clauses'],
  category: [...NAMED, 'parent', 'sensitive', 'sensitiveClass'],
  field: [...NAMED, 'category', 'sensitive', 'sensitiveClass'],
  purpose: [...NAMED, 'functionType'],
  permission: [...NAMED, 'platform'],
  party: [...NAMED, 'kind', 'sdkPackages', 'country', 'contact'],
  legalBasis: [...NAMED, 'jurisdiction', 'article'],
  flow: [
    'key', 'from', 'to', 'kind', 'fields', 'categories', 'purposes', 'legalBases', 'permissions',
    'consent', 'optional', 'deidentified', 'sources', 'name', 'nameZh', 'description', 'scenario', 'retention',
  ],
  clause: ['ref', 'title', 'text'],
  retention: ['description', 'minimum', 'maximum'],
};

/** The same record with its keys in RECORD_KEY_ORDER (absent keys stay absent). */
export function inRecordOrder<T extends object>(kind: keyof typeof RECORD_KEY_ORDER, record: T): T {
  const source = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of RECORD_KEY_ORDER[kind]) if (k in source) out[k] = source[k];
  for (const k of Object.keys(source)) if (!(k in out)) out[k] = source[k];
  return out as T;
}
