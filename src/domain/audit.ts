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
