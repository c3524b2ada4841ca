/**
 * The audit log: every committed change, who made it, when, and the node before and after.
 * Entries are written in the same transaction as the change and are never edited or deleted.
 */
import type { NodeType } from './vocabulary';

export const AUDIT_OPERATIONS = ['CREATE', 'UPDATE', 'DELETE', 'REPLACE_INVENTORY'] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

export interface AuditEntry {
  /** Increasing id: later entries have larger ids. */
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  /** `key:<id>`, `oidc:<subject>`, `anonymous@loopback`, `cli:<user>` */
  actor: string;
  operation: AuditOperation;
  /** A node type, or `inventory` for whole-inventory operations. */
  entityType: NodeType | 'inventory';
  entityKey: string;
  /** The node (or a summary, for the inventory) before and after; null where it did not exist. */
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entityType?: string | null;
  entityKey?: string | null;
  actor?: string | null;
  operation?: AuditOperation | null;
  /** Inclusive ISO-8601 bounds. */
  since?: string | null;
  until?: string | null;
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
