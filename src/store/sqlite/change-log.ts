/**
 * The audit log and node versions of the embedded store, written inside the same transaction as
 * the change they describe (the caller's), so a change and its record commit or vanish together.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  auditEntryHashInput,
  auditInstant,
  changesOf,
  GENESIS_HASH,
  type AuditEntry,
  type AuditEntryContent,
  type AuditFilter,
  type AuditOperation,
  type NodeChange,
  type WriteContext,
} from '../../domain/audit';
import type { Manifest } from '../../domain/manifest';
import { ConflictError } from '../../domain/problems';
import { SECTION_OF } from '../../domain/references';
import { NODE_TYPES, type NodeType } from '../../domain/vocabulary';
import type { Page } from '../inventory-store';
import type { Row } from './rows';
import { SQL } from './sql';

export class SqliteChangeLog {
  constructor(private readonly db: Database.Database) {}

  /** Prepared once: every node read asks for versions, and preparing costs more than the query. */
  private versionsStatement: Database.Statement | null = null;

  /** Versions for keys (1 where no row: never changed nor deleted). */
  versions(type: NodeType, keys: readonly string[]): number[] {
    this.versionsStatement ??= this.db.prepare(SQL.versions).raw();
    const rows = this.versionsStatement.all(type, JSON.stringify(keys)) as Array<[string, number]>;
    if (rows.length === 0) return keys.map(() => 1);
    const byKey = new Map(rows);
    return keys.map((k) => byKey.get(k) ?? 1);
  }

  /** Throws ConflictError unless every expected version is the stored one. */
  checkExpected(context: WriteContext | undefined, exists: (type: NodeType, key: string) => boolean): void {
    for (const e of context?.expectedVersions ?? []) {
      if (!exists(e.type, e.key)) throw new ConflictError(e.type, e.key, e.version, null);
      const [actual] = this.versions(e.type, [e.key]);
      if (actual !== e.version) throw new ConflictError(e.type, e.key, e.version, actual);
    }
  }

  /** The changes a MERGE is about to make, given the stored records read before writing. */
  planMerge(manifest: Manifest, before: (type: NodeType, key: string) => unknown): NodeChange[] {
    const nodes = NODE_TYPES.flatMap((type) => (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((node) => ({ type, node })));
    return changesOf(nodes, before);
  }

  /**
   * Records changes and moves the versions on: an updated node one up, a created one continues
   * whatever its key remembers (a key never seen stays without a row: version 1).
   */
  recordChanges(changes: NodeChange[], actor: string): void {
    const at = new Date().toISOString();
    const bump = this.db.prepare(SQL.bumpVersion);
    const continueFrom = this.db.prepare(SQL.continueVersion);
    this.append(changes.map((c) => ({ at, actor, operation: c.operation, entityType: c.type, entityKey: c.key, before: c.before, after: c.after })));
    for (const c of changes) {
      if (c.operation === 'UPDATE') bump.run(c.type, c.key);
      else continueFrom.run(c.type, c.key);
    }
  }

  /** Records deletes; each deleted key keeps a row one version up (a tombstone), so its sequence goes on if it comes back. */
  recordDeletes(type: NodeType, deleted: Array<{ key: string; before: unknown }>, actor: string): void {
    const at = new Date().toISOString();
    const bump = this.db.prepare(SQL.bumpVersion);
    this.append(deleted.map((d) => ({ at, actor, operation: 'DELETE', entityType: type, entityKey: d.key, before: d.before, after: null })));
    for (const d of deleted) bump.run(type, d.key);
  }

  /**
   * Before a whole-inventory write empties the tables: keeps each stored node's content, for
   * settleReplacedVersions() to compare with what the write leaves.
   */
  keepReplacedContent(): void {
    this.db.prepare(SQL.createReplacedContent).run();
    this.db.prepare(SQL.clearReplacedContent).run();
    for (const type of NODE_TYPES) this.db.prepare(SQL.keepReplacedContent[type]).run();
  }

  /**
   * After a whole-inventory write (REPLACE, or a bulk load into an empty store): nodes it left
   * unchanged keep their versions, changed and removed ones go one up, and nodes created under a
   * remembered key continue its sequence (new keys start at 1). Nothing starts over.
   */
  settleReplacedVersions(): void {
    for (const type of NODE_TYPES) {
      this.db.prepare(SQL.advanceReplacedVersions[type]).run();
      this.db.prepare(SQL.continueRecreatedVersions[type]).run();
    }
    this.db.prepare(SQL.clearReplacedContent).run();
  }

  /** A whole-inventory write (REPLACE, or a bulk load into an empty store): one summary entry. */
  recordInventoryReplace(actor: string, before: unknown, after: unknown): void {
    this.record(actor, 'REPLACE_INVENTORY', 'inventory', '*', before, after);
  }

  /** One entry for a change that is not a node's (a snapshot, an API key, a restore); inside the caller's transaction. */
  record(actor: string, operation: AuditOperation, entityType: AuditEntry['entityType'], entityKey: string, before: unknown, after: unknown): AuditEntry {
    return this.append([{ at: new Date().toISOString(), actor, operation, entityType, entityKey, before, after }])[0];
  }

  /**
   * Appends entries, each linked to the one before by its hash. Runs inside the caller's write
   * transaction, which holds SQLite's write lock: no other writer can take the same id or link.
   * Ids are given here (not by AUTOINCREMENT) because the hash covers the id.
   */
  append(entries: Array<Omit<AuditEntryContent, 'id'>>): AuditEntry[] {
    if (entries.length === 0) return [];
    const last = this.db.prepare(LAST_ENTRY).get() as { id: number; hash: string | null } | undefined;
    const sequence = (this.db.prepare(LAST_SEQUENCE).get() as { n: number | null } | undefined)?.n ?? 0;
    let id = Math.max(sequence, last?.id ?? 0);
    // A last row without a hash was written by hand; new entries still link to something, and
    // `audit verify` names that row.
    let previous = last ? (last.hash ?? '') : GENESIS_HASH;
    const insert = this.db.prepare(INSERT_ENTRY);
    const written: AuditEntry[] = [];
    for (const e of entries) {
      const content: AuditEntryContent = { ...e, id: String(++id), before: e.before ?? null, after: e.after ?? null };
      const hash = sha256(auditEntryHashInput(previous, content));
      insert.run(id, content.at, content.actor, content.operation, content.entityType, content.entityKey, json(content.before), json(content.after), previous, hash);
      written.push({ ...content, previousHash: previous, hash });
      previous = hash;
    }
    return written;
  }

  /** Entries in id order (oldest first) after `afterId`, for walking the whole chain. */
  inOrder(afterId: string | null, first: number): AuditEntry[] {
    return (this.db.prepare(ENTRIES_IN_ORDER).all(afterId == null ? 0 : Number(afterId), first) as Row[]).map(entryFromRow);
  }

  /** How many entries, and the last one's id and hash (for a restore's record of what it replaced). */
  summary(): AuditLogSummary {
    return auditLogSummary(this.db);
  }

  list(filter: AuditFilter, page: { first: number; afterId?: string | null }): Page<AuditEntry> {
    const where: string[] = [];
    const params: unknown[] = [];
    const eq = (column: string, value: unknown) => {
      if (value != null) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    };
    eq('entity_type', filter.entityType);
    eq('entity_key', filter.entityKey);
    eq('actor', filter.actor);
    eq('operation', filter.operation);
    // `at` is always Date.toISOString() text (fixed width, UTC): compared as text against bounds
    // in the same form, it compares as instants.
    if (filter.since) { where.push('at >= ?'); params.push(auditInstant(filter.since, 'since')); }
    if (filter.until) { where.push('at <= ?'); params.push(auditInstant(filter.until, 'until')); }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log${clause}`).get(...params) as { n: number }).n;
    // Newest first: the question is usually "what changed lately".
    const after = page.afterId != null ? `${clause ? ' AND' : ' WHERE'} id < ?` : '';
    const rows = this.db
      .prepare(`SELECT * FROM audit_log${clause}${after} ORDER BY id DESC LIMIT ?`)
      .all(...params, ...(page.afterId != null ? [Number(page.afterId)] : []), page.first + 1) as Row[];
    return {
      nodes: rows.slice(0, page.first).map(entryFromRow),
      totalCount: total,
      hasNextPage: rows.length > page.first,
    };
  }
}

const LAST_ENTRY = 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1';
const LAST_SEQUENCE = "SELECT seq AS n FROM sqlite_sequence WHERE name = 'audit_log'";
const INSERT_ENTRY = `INSERT INTO audit_log (id, at, actor, operation, entity_type, entity_key, before, after, previous_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const ENTRIES_IN_ORDER = 'SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?';

export interface AuditLogSummary {
  entries: number;
  lastId: string | null;
  lastHash: string | null;
}

/** Entry count and last entry of the audit log in a database (any schema from migration 4 on). */
export function auditLogSummary(db: Database.Database): AuditLogSummary {
  const hasHash = (db.prepare("SELECT COUNT(*) AS n FROM pragma_table_info('audit_log') WHERE name = 'hash'").get() as { n: number }).n > 0;
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number };
  const last = db.prepare(`SELECT id${hasHash ? ', hash' : ', NULL AS hash'} FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string | null } | undefined;
  return { entries: n, lastId: last ? String(last.id) : null, lastHash: last?.hash ?? null };
}

/**
 * Migration 7: hashes for the entries written before the chain existed, in id order. Runs inside
 * the migration's transaction, with the append-only update trigger dropped by the migration's SQL.
 */
export function backfillAuditChain(db: Database.Database): void {
  const read = db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000');
  const update = db.prepare('UPDATE audit_log SET previous_hash = ?, hash = ? WHERE id = ?');
  let previous = GENESIS_HASH;
  let after = 0;
  for (;;) {
    const rows = read.all(after) as Row[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const hash = sha256(auditEntryHashInput(previous, entryFromRow(row)));
      update.run(previous, hash, row.id);
      previous = hash;
      after = row.id as number;
    }
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Stored JSON, or the stored text itself where someone wrote something else by hand (the hash then tells). */
function parsed(text: unknown): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text as string);
  } catch {
    return text;
  }
}

function entryFromRow(r: Row): AuditEntry {
  return {
    id: String(r.id),
    at: r.at as string,
    actor: r.actor as string,
    operation: r.operation as AuditEntry['operation'],
    entityType: r.entity_type as AuditEntry['entityType'],
    entityKey: r.entity_key as string,
    before: parsed(r.before),
    after: parsed(r.after),
    previousHash: (r.previous_hash as string | null | undefined) ?? null,
    hash: (r.hash as string | null | undefined) ?? null,
  };
}
