/**
 * The audit log: every committed change, who made it, when, and the node before and after.
 * Entries are written in the same transaction as the change and are never edited or deleted;
 * each carries a hash chained to the entry before it, so an edit, a removal or a forged entry
 * breaks the chain where it happened (verifyAuditChain).
 */
import { ValidationError } from './problems';
import { NODE_TYPES, type NodeType } from './vocabulary';

export const AUDIT_OPERATIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'REPLACE_INVENTORY',
  /** A snapshot taken (entityType `snapshot`, key = its label). */
  'SNAPSHOT',
  /** An API key created or revoked (entityType `api-key`, key = its id; never its hash). */
  'API_KEY_CREATE',
  'API_KEY_REVOKE',
  /** The embedded database restored from a backup (entityType `inventory`). */
  'RESTORE',
] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

/** What an entry is about besides nodes. */
export type AuditEntityType = NodeType | 'inventory' | 'snapshot' | 'api-key';

export interface AuditEntry {
  /** Increasing id: later entries have larger ids. */
  id: string;
  /** ISO-8601 UTC, always `YYYY-MM-DDTHH:MM:SS.sssZ` (Date.toISOString): as text, it sorts as the instant. */
  at: string;
  /** `key:<id>`, `oidc:<subject>`, `anonymous@loopback`, `cli:<user>`, `system` */
  actor: string;
  operation: AuditOperation;
  /** A node type, `inventory` for whole-inventory operations, `snapshot` or `api-key`. */
  entityType: AuditEntityType;
  entityKey: string;
  /** The node (or a summary, for the inventory) before and after; null where it did not exist. */
  before: unknown;
  after: unknown;
  /** The hash of the entry before this one (GENESIS_HASH for the first); null only where someone wrote a row by hand. */
  previousHash: string | null;
  /** auditEntryHashInput(previousHash, this entry), hashed with SHA-256 (hex). */
  hash: string | null;
}

/** The content of an entry that its hash covers: everything but the hashes themselves. */
export type AuditEntryContent = Omit<AuditEntry, 'previousHash' | 'hash'>;

export interface AuditFilter {
  entityType?: string | null;
  entityKey?: string | null;
  actor?: string | null;
  operation?: AuditOperation | null;
  /**
   * Inclusive bounds as instants in the entries' own format (Date.toISOString, UTC, fixed width),
   * so comparing the text compares the instants; services/audit-log.ts turns what a client sends
   * into this form.
   */
  since?: string | null;
  until?: string | null;
}

/** RFC 3339 date-time with a time zone (Z or ±hh:mm); a date alone, or a local time, names no instant. */
const RFC3339_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A filter bound (`since`/`until`) as the entries' own `at` format (UTC, fixed width), so the
 * stores compare text and get the order of instants; ValidationError naming the bound otherwise.
 */
export function auditInstant(value: string | Date, bound: 'since' | 'until'): string {
  const ms = value instanceof Date ? value.getTime() : RFC3339_DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new ValidationError([{ path: bound, message: `"${String(value)}" is not an RFC 3339 date-time with a time zone (e.g. 2026-12-06T23:59:59Z)` }], 'invalid audit filter');
  }
  return new Date(ms).toISOString();
}

/** What a write carries besides the data: who writes, and which versions they expect. */
export interface WriteContext {
  actor: string;
  /** Optimistic concurrency: fail with ConflictError unless each node is at this version. */
  expectedVersions?: Array<{ type: NodeType; key: string; version: number }>;
}

/** CLI commands and seeding act as this unless told otherwise. */
export const SYSTEM_ACTOR = 'system';

/** A change a write is about to commit, for one node. */
export interface NodeChange {
  type: NodeType;
  key: string;
  operation: 'CREATE' | 'UPDATE';
  before: unknown;
  after: unknown;
}

/** JSON with keys sorted and null/undefined dropped: equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== null && v[k] !== undefined) out[k] = v[k];
      return out;
    }
    return v;
  });
}

/**
 * The nodes of a MERGE that really change: new ones, and stored ones whose content differs.
 * A node written again unchanged is no change: no audit entry, no new version.
 */
export function changesOf(
  nodes: Array<{ type: NodeType; node: { key: string } }>,
  before: (type: NodeType, key: string) => unknown,
): NodeChange[] {
  const changes: NodeChange[] = [];
  for (const { type, node } of nodes) {
    const old = before(type, node.key) ?? null;
    if (old === null) changes.push({ type, key: node.key, operation: 'CREATE', before: null, after: node });
    else if (canonicalJson(old) !== canonicalJson(node)) changes.push({ type, key: node.key, operation: 'UPDATE', before: old, after: node });
  }
  return changes;
}

// ---- entries that are not a node's ------------------------------------------------------------------

/** What an API key entry records of the key: never its hash (the secret's verifier). */
export function apiKeyAudit(record: { name: string; role: string; createdAt: string }): { name: string; role: string; createdAt: string } {
  return { name: record.name, role: record.role, createdAt: record.createdAt };
}

/** What a SNAPSHOT entry records: when, and how many nodes of each type the copy holds (not the copy itself). */
export function snapshotAudit(info: { label: string; createdAt: string }, manifest: object): { label: string; createdAt: string; nodes: Record<string, number> } {
  const nodes: Record<string, number> = {};
  for (const [section, list] of Object.entries(manifest)) if (Array.isArray(list)) nodes[section] = list.length;
  return { label: info.label, createdAt: info.createdAt, nodes };
}

// ---- the hash chain ----------------------------------------------------------------------------

/** The previousHash of the first entry of a log. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The text an entry's hash is computed over: the previous entry's hash, a newline, then the
 * canonical JSON (canonicalJson) of the array [id, at, actor, operation, entityType, entityKey,
 * before, after]. An array, not an object, so a null before/after stays in place as null.
 */
export function auditEntryHashInput(previousHash: string, entry: AuditEntryContent): string {
  return `${previousHash}\n${canonicalJson([entry.id, entry.at, entry.actor, entry.operation, entry.entityType, entry.entityKey, entry.before ?? null, entry.after ?? null])}`;
}

/** Where a chain first breaks: the entry, what was expected there, and what was found. */
export interface BrokenAuditLink {
  id: string;
  /** `previousHash`: the entry does not link to the entry before it (one removed, or inserted); `hash`: its content was changed, or it was written without the chain. */
  field: 'previousHash' | 'hash';
  expected: string;
  found: string | null;
}

export interface AuditChainReport {
  entries: number;
  /** The hash of the last entry checked (GENESIS_HASH for an empty log). */
  lastHash: string;
  lastId: string | null;
  /** The first broken link; absent when the chain is intact. */
  broken?: BrokenAuditLink;
  /** Whether an intact chain holds an entry with the hash asked for (`expectHash`); absent when none was asked for. */
  expectedHashFound?: boolean;
}

/**
 * Walks a log in id order and stops at the first entry that does not link to the one before it
 * or whose content does not give its hash. `sha256` is given (the domain does no crypto itself).
 * `expectHash`, a hash kept from an earlier verify, must be found on the way: a log cut short
 * after it, or rewritten with every hash recomputed, no longer holds it.
 */
export async function verifyAuditChain(
  batches: AsyncIterable<AuditEntry[]>,
  sha256: (text: string) => string,
  expectHash?: string,
): Promise<AuditChainReport> {
  let previous = GENESIS_HASH;
  let entries = 0;
  let lastId: string | null = null;
  let found = false;
  for await (const batch of batches) {
    for (const entry of batch) {
      if (entry.previousHash !== previous) {
        return { entries, lastHash: previous, lastId, broken: { id: entry.id, field: 'previousHash', expected: previous, found: entry.previousHash } };
      }
      const expected = sha256(auditEntryHashInput(previous, entry));
      if (entry.hash !== expected) return { entries, lastHash: previous, lastId, broken: { id: entry.id, field: 'hash', expected, found: entry.hash } };
      previous = expected;
      lastId = entry.id;
      entries++;
      if (expected === expectHash) found = true;
    }
  }
  return { entries, lastHash: previous, lastId, ...(expectHash !== undefined ? { expectedHashFound: found } : {}) };
}

// ---- whole-inventory entries -------------------------------------------------------------------

/** At most this many keys per node type are listed in a whole-inventory entry; the count is always there. */
export const AUDIT_KEYS_PER_TYPE = 1000;

/** Keys a whole-inventory write removed or added, for one node type. */
export interface KeyList {
  count: number;
  /** Sorted; the first AUDIT_KEYS_PER_TYPE only when `truncated`. */
  keys: string[];
  truncated?: true;
}

function keyList(keys: string[]): KeyList {
  const sorted = [...keys].sort();
  return sorted.length > AUDIT_KEYS_PER_TYPE
    ? { count: sorted.length, keys: sorted.slice(0, AUDIT_KEYS_PER_TYPE), truncated: true }
    : { count: sorted.length, keys: sorted };
}

/**
 * Which keys a whole-inventory write removed and added, per node type (types with none left out),
 * from the keys stored before and the keys stored after.
 */
export function inventoryKeyChanges(
  before: Partial<Record<NodeType, readonly string[]>>,
  after: Partial<Record<NodeType, readonly string[]>>,
): { removedKeys: Partial<Record<NodeType, KeyList>>; addedKeys: Partial<Record<NodeType, KeyList>>; keysListedPerType: number } {
  const removedKeys: Partial<Record<NodeType, KeyList>> = {};
  const addedKeys: Partial<Record<NodeType, KeyList>> = {};
  for (const type of NODE_TYPES) {
    const old = new Set(before[type] ?? []);
    const now = new Set(after[type] ?? []);
    const removed = [...old].filter((k) => !now.has(k));
    const added = [...now].filter((k) => !old.has(k));
    if (removed.length) removedKeys[type] = keyList(removed);
    if (added.length) addedKeys[type] = keyList(added);
  }
  return { removedKeys, addedKeys, keysListedPerType: AUDIT_KEYS_PER_TYPE };
}
