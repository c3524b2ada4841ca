/**
 * The audit log and node versions of the embedded store, written inside the same transaction as
 * the change they describe (the caller's), so a change and its record commit or vanish together.
 */
import type Database from 'better-sqlite3';
import { changesOf, type AuditEntry, type AuditFilter, type NodeChange, type WriteContext } from '../../domain/audit';
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
    const insert = this.db.prepare(SQL.appendAudit);
    const bump = this.db.prepare(SQL.bumpVersion);
    const continueFrom = this.db.prepare(SQL.continueVersion);
    for (const c of changes) {
      insert.run(at, actor, c.operation, c.type, c.key, json(c.before), json(c.after));
      if (c.operation === 'UPDATE') bump.run(c.type, c.key);
      else continueFrom.run(c.type, c.key);
    }
  }

  /** Records deletes; each deleted key keeps a row one version up (a tombstone), so its sequence goes on if it comes back. */
  recordDeletes(type: NodeType, deleted: Array<{ key: string; before: unknown }>, actor: string): void {
    const at = new Date().toISOString();
    const insert = this.db.prepare(SQL.appendDeleteAudit);
    const bump = this.db.prepare(SQL.bumpVersion);
    for (const d of deleted) {
      insert.run(at, actor, 'DELETE', type, d.key, json(d.before));
      bump.run(type, d.key);
    }
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
    this.db.prepare(SQL.appendAudit).run(new Date().toISOString(), actor, 'REPLACE_INVENTORY', 'inventory', '*', json(before), json(after));
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
    if (filter.since) { where.push('at >= ?'); params.push(filter.since); }
    if (filter.until) { where.push('at <= ?'); params.push(filter.until); }
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

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function entryFromRow(r: Row): AuditEntry {
  return {
    id: String(r.id),
    at: r.at as string,
    actor: r.actor as string,
    operation: r.operation as AuditEntry['operation'],
    entityType: r.entity_type as AuditEntry['entityType'],
    entityKey: r.entity_key as string,
    before: r.before == null ? null : JSON.parse(r.before as string),
    after: r.after == null ? null : JSON.parse(r.after as string),
  };
}
