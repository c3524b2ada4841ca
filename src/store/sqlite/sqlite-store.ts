/**
 * The embedded default store: one SQLite file through better-sqlite3 (WAL, foreign keys on,
 * versioned migrations, every write in one IMMEDIATE transaction). This class holds the
 * connection and its transactions; the statements are in sql.ts, and the write path, integrity
 * checks, read caches, list reads, backups, API keys and snapshots each in a module of their own.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { traceLineage, type TracedLineage } from '../../domain/lineage';
import type { Manifest } from '../../domain/manifest';
import { ReferencedError } from '../../domain/problems';
import { parseCitation, SECTION_OF } from '../../domain/references';
import { NODE_TYPES, type FlowKind, type ImportMode, type NodeType, type PartyKind } from '../../domain/vocabulary';
import type {
  CountsByKind,
  FieldQuery,
  ListName,
  ListSizes,
  ListSizeStatistics,
  FlowQuery,
  InventoryStore,
  LineageRequest,
  NodeOf,
  Page,
  PageRequest,
  PartyQuery,
  ReadParts,
  Relation,
  StoreCapabilities,
  StoredClause,
  SnapshotInfo,
  StoredField,
  WriteSummary,
} from '../inventory-store';
import type { ApiKeyRecord } from '../../domain/access';
import { apiKeyAudit, inventoryKeyChanges, snapshotAudit, SYSTEM_ACTOR, type AuditEntry, type AuditFilter, type WriteContext } from '../../domain/audit';
import { SqliteApiKeys } from './api-keys';
import { backupTo, restoreBackup, type RestoredLogs } from './backup';
import {
  clearInventory,
  dropSecondaryIndexes,
  FreshReferences,
  inventoryIsEmpty,
  isBulk,
  passesChecks,
  SchemaFacts,
  refreshCrossBorder,
  withBulkSettings,
  writeManifestRows,
} from './bulk-write';
import { SqliteChangeLog, type AuditLogSummary } from './change-log';
import { DerivedCaches } from './derived';
import { assertConsistent, referrers } from './integrity';
import { countByKindStatement, fieldFilters, flowFilters, pageStatements, partiesStatement, partyFilters, type Filters } from './list-reads';
import { MIGRATIONS } from './migrations';
import { NodeRecords } from './records';
import type { Row } from './rows';
import { SqliteSnapshots } from './snapshots';
import { LIST_SIZE_SQL, RELATION_SQL, SQL, TABLE } from './sql';
import { StatementCache } from './statement-cache';

/** Page cache of every connection, in KiB. */
const READ_CACHE_KIB = 64 * 1024;

export interface SqliteStoreOptions {
  /** File path, or `:memory:` for tests. */
  path: string;
  /** Milliseconds a writer waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
}

let connectionCounter = 0;

/** Node types few enough to keep whole in memory (per data version) for reads without sources and versions. */
const SMALL_TYPES: ReadonlySet<NodeType> = new Set(['document', 'category', 'purpose', 'permission', 'party', 'legalBasis']);

export class SqliteStore implements InventoryStore {
  readonly kind = 'sqlite' as const;
  readonly capabilities: StoreCapabilities = { changeMarks: true };
  readonly location: string;
  private readonly db: Database.Database;
  /** The connection's prepared statements, shared with the modules below. */
  private readonly q: StatementCache;
  /** Effective sensitivity, COUNT answers and the lineage index, as of a data version. */
  private readonly derived: DerivedCaches;
  private readonly records: NodeRecords;
  /** Audit log and node versions, written in each write's own transaction. */
  private readonly changeLog: SqliteChangeLog;
  /** What the fast paths of bulk writes know of the schema, as of a schema version. */
  private readonly schemaFacts: SchemaFacts;
  private readonly apiKeys: SqliteApiKeys;
  private readonly snapshots: SqliteSnapshots;
  /** Runs a function inside one read transaction; made once, not per read (better-sqlite3 builds wrappers). */
  private readonly inReadTransaction: Database.Transaction<<T>(fn: () => T) => T>;
  /** Distinguishes this connection's change marks from another connection's. */
  private readonly openedAt = `${process.pid}.${Date.now().toString(36)}.${(connectionCounter++).toString(36)}`;

  constructor(options: SqliteStoreOptions) {
    this.location = `sqlite:${options.path}`;
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.q = new StatementCache(this.db);
    this.derived = new DerivedCaches(this.q);
    this.records = new NodeRecords(this.q, this.derived);
    this.changeLog = new SqliteChangeLog(this.db);
    this.schemaFacts = new SchemaFacts(this.db);
    this.apiKeys = new SqliteApiKeys(this.q);
    this.snapshots = new SqliteSnapshots(this.q);
    this.inReadTransaction = this.db.transaction(<T>(fn: () => T): T => fn());
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (options.path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    // A 64 MiB page cache (the default is 2 MiB): reads of a large inventory hit it rather than the file.
    this.db.pragma(`cache_size = -${READ_CACHE_KIB}`);
    // SQLite's lower() folds ASCII only; search must be case-insensitive for É, Ä, Σ… too.
    this.db.function('fold_case', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v));
  }

  async migrate(): Promise<void> {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
    if (current > latest) {
      throw new Error(`${this.location} has schema version ${current}, newer than this FieldTrail knows (${latest}); upgrade FieldTrail`);
    }
    for (const m of MIGRATIONS.filter((m) => m.version > current)) {
      this.db.transaction(() => {
        this.db.exec(m.sql);
        m.backfill?.(this.db);
        this.db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async ping(): Promise<void> {
    this.db.prepare(SQL.ping).get();
  }

  // ---- reads ------------------------------------------------------------------------------

  async getNodes<T extends NodeType>(type: T, keys: readonly string[], parts?: ReadParts): Promise<Array<NodeOf[T] | null>> {
    if (keys.length === 0) return [];
    if (SMALL_TYPES.has(type) && parts?.sources === false && parts.versions === false) {
      const all = this.inReadTransaction.deferred((): ReadonlyMap<string, unknown> => this.derived.bareRecords(type, () => this.records.of(type, this.q.all(SQL.allNodes[type]), false)));
      return keys.map((k) => ((all as ReadonlyMap<string, unknown>).get(k) as NodeOf[T] | undefined) ?? null);
    }
    // Records and their versions from one snapshot: a client that reads a node and writes it
    // back with that version must never pair old content with a newer version.
    return this.inReadTransaction.deferred((): Array<NodeOf[T] | null> => {
      const rows = this.q.all(SQL.nodesByKey[type], JSON.stringify(keys));
      const byKey = new Map(this.versioned(type, rows, parts).map((r) => [r.key, r]));
      return keys.map((k) => byKey.get(k) ?? null);
    }) as Array<NodeOf[T] | null>;
  }

  async getClauses(citations: readonly string[]): Promise<Array<StoredClause | null>> {
    const pairs = citations.map((c) => parseCitation(c)).filter((p) => p !== null);
    const rows = this.q.all(SQL.clausesByCitation, JSON.stringify(pairs.map((p) => [p.documentKey, p.ref])));
    const byCitation = new Map(rows.map((r) => [`${r.document_key}#${r.ref}`, r]));
    return citations.map((c) => {
      const r = byCitation.get(c);
      return r ? { documentKey: r.document_key as string, ref: r.ref as string, title: (r.title as string) ?? null, text: r.text as string } : null;
    });
  }

  async related(relation: Relation, keys: readonly string[]): Promise<string[][]> {
    if (keys.length === 0) return [];
    if (relation === 'field.flows') {
      const index = this.derived.lineageIndexFor(keys);
      return keys.map((k) => index.edgesOf(k).map((e) => e.key));
    }
    const byKey = this.q.pairs(RELATION_SQL[relation], JSON.stringify(keys));
    return keys.map((k) => byKey.get(k) ?? []);
  }

  async existingKeys(type: NodeType, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    return this.storedKeys(type, keys);
  }

  async existingClauses(citations: readonly string[]): Promise<Set<string>> {
    const found = await this.getClauses(citations);
    return new Set(citations.filter((_, i) => found[i] !== null));
  }

  async referrers(type: NodeType, key: string): Promise<string[]> {
    return referrers(this.q, type, key);
  }

  async listAll<T extends NodeType>(type: T, parts?: ReadParts): Promise<Array<NodeOf[T]>> {
    return this.inReadTransaction.deferred(() => this.versioned(type, this.q.all(SQL.allNodes[type]), parts)) as Array<NodeOf[T]>;
  }

  async listFields(query: FieldQuery, page: PageRequest, parts?: ReadParts): Promise<Page<StoredField>> {
    return this.page('field', fieldFilters(query, () => this.derived.sensitiveCategories()), page, parts);
  }

  async listParties(query: PartyQuery, page?: PageRequest | null, parts?: ReadParts): Promise<Page<NodeOf['party']>> {
    if (page) return this.page('party', partyFilters(query), page, parts);
    const { sql, params } = partiesStatement(query);
    const nodes = this.inReadTransaction.deferred(() => this.versioned('party', this.q.all(sql, ...params), parts)) as NodeOf['party'][];
    return { nodes, totalCount: nodes.length, hasNextPage: false };
  }

  /**
   * One statement per list, a turn of the event loop between them: at 500,000 flows the carried-field
   * lists take a second or two each, and a health check should not wait for all of them. The
   * figures may therefore straddle a write; they are estimates.
   */
  async listSizeStatistics(): Promise<ListSizeStatistics> {
    const row = (sql: string) => this.q.raw(sql).get() as number[];
    const nodes = Object.fromEntries(NODE_TYPES.map((t) => [t, row(`SELECT count(*) FROM ${TABLE[t]}`)[0]])) as Record<NodeType, number>;
    const lists = {} as Record<ListName, ListSizes>;
    for (const [name, sql] of Object.entries(LIST_SIZE_SQL) as Array<[ListName, string]>) {
      await nextTurn();
      const [items, sumOfSquares, longest] = row(sql);
      lists[name] = { items, sumOfSquares, longest };
    }
    return { nodes, lists };
  }

  async countPartiesByKind(query: PartyQuery): Promise<CountsByKind<PartyKind>> {
    const { sql, params } = countByKindStatement('party', partyFilters(query));
    return Object.fromEntries(this.derived.countGroups(sql, params));
  }

  async countFlowsByKind(query: FlowQuery): Promise<CountsByKind<FlowKind>> {
    const { sql, params } = countByKindStatement('flow', flowFilters(query));
    return Object.fromEntries(this.derived.countGroups(sql, params));
  }

  async listFlows(query: FlowQuery, page: PageRequest, parts?: ReadParts): Promise<Page<NodeOf['flow']>> {
    return this.page('flow', flowFilters(query), page, parts);
  }

  async traceLineage(requests: readonly LineageRequest[]): Promise<TracedLineage[]> {
    if (requests.length === 0) return [];
    const index = this.derived.lineageIndexFor(requests.map((r) => r.fieldKey));
    return requests.map((r) => traceLineage(index.edgesOf(r.fieldKey), r.direction, r.limits, r.startKeys ?? undefined));
  }

  /**
   * `total_changes()` counts this connection's own writes, `data_version` other connections'
   * commits; the two together change on every change to the file. The connection's open time
   * keeps tokens of two stores over one file (or of a reopened store) from meeting.
   */
  async changeMark(): Promise<string> {
    const [own, others] = this.q.raw(SQL.changeMark).get() as [number, number];
    return `${this.openedAt}:${own}:${others}`;
  }

  // ---- writes -----------------------------------------------------------------------------

  async write(manifest: Manifest, mode: ImportMode, context?: WriteContext): Promise<WriteSummary> {
    this.derived.forget();
    const bulk = isBulk(manifest, mode);
    const run = this.db.transaction((): WriteSummary => {
      // After a REPLACE (or into an empty inventory) nothing is there to replace: no deletes,
      // and the secondary indexes are built once at the end rather than row by row.
      const fresh = mode === 'REPLACE' || inventoryIsEmpty(this.q);
      // Read what the write replaces before it does: for conflicts, the audit log and versions.
      this.changeLog.checkExpected(context, (type, key) => this.records.stored(type, [key]).has(key));
      const changes = fresh ? null : this.changeLog.planMerge(manifest, this.beforeLookup(manifest));
      const inventoryBefore = fresh ? this.nodeCounts() : null;
      // A whole-inventory write settles versions by comparing content, so keep what it replaces.
      if (fresh) this.changeLog.keepReplacedContent();
      // Which keys a REPLACE removes, for its audit entry (read before they are gone).
      const keysBefore = fresh ? this.storedKeysByType(inventoryBefore!) : null;
      let removed = 0;
      if (mode === 'REPLACE') removed = clearInventory(this.db);
      const restoreIndexes = fresh ? dropSecondaryIndexes(this.q) : null;
      // Fresh rows go into empty tables, so their references can be proven against the write itself.
      const refs = fresh && this.schemaFacts.current().foreignKeysProvable ? new FreshReferences(manifest) : null;
      // A bulk write checked here need not be checked again by SQLite, row by row.
      const checksOff = bulk && this.schemaFacts.current().checksAsExpected && passesChecks(manifest);
      if (checksOff) this.db.pragma('ignore_check_constraints = ON');
      const written = writeManifestRows(this.q, manifest, fresh, refs);
      if (checksOff) this.db.pragma('ignore_check_constraints = OFF');
      if (!fresh) refreshCrossBorder(this.q, manifest);
      restoreIndexes?.();
      assertConsistent(this.q, refs?.allResolve ?? false);
      // The reads for the audit log filled caches with the old state: drop them again.
      this.derived.forget();
      const actor = context?.actor ?? SYSTEM_ACTOR;
      if (changes) this.changeLog.recordChanges(changes, actor);
      else {
        this.changeLog.settleReplacedVersions();
        const keysAfter = Object.fromEntries(NODE_TYPES.map((t) => [t, (manifest[SECTION_OF[t]] as Array<{ key: string }>).map((n) => n.key)]));
        this.changeLog.recordInventoryReplace(actor, { mode, nodes: inventoryBefore }, { mode, nodes: this.nodeCounts(), ...inventoryKeyChanges(keysBefore ?? {}, keysAfter) });
      }
      return { mode, written, removed };
    });
    return bulk ? withBulkSettings(this.db, () => run.immediate()) : run.immediate();
  }

  async deleteNodes(type: NodeType, keys: readonly string[], context?: WriteContext): Promise<number> {
    this.derived.forget();
    const run = this.db.transaction((): number => {
      this.changeLog.checkExpected(context, (t, key) => this.records.stored(t, [key]).has(key));
      const before = this.records.stored(type, keys);
      const existing = new Set(keys);
      let deleted = 0;
      for (const key of keys) {
        // Referrers that are themselves being deleted in this call do not block.
        const blocking = referrers(this.q, type, key).filter((r) => !(r.startsWith(`${type}:`) && existing.has(r.slice(type.length + 1))));
        if (blocking.length > 0) throw new ReferencedError(type, key, blocking);
        this.db.prepare(SQL.deleteSources).run(type, key);
        deleted += this.db.prepare(SQL.deleteNode[type]).run(key).changes;
      }
      assertConsistent(this.q);
      this.derived.forget();
      this.changeLog.recordDeletes(type, [...before].map(([key, record]) => ({ key, before: record })), context?.actor ?? SYSTEM_ACTOR);
      return deleted;
    });
    return run.immediate();
  }

  async exportManifest(): Promise<Manifest> {
    // A read transaction gives the export one consistent snapshot even while others write.
    return this.db.transaction(() => this.records.exportManifest()).deferred();
  }

  async versions(type: NodeType, keys: readonly string[]): Promise<number[]> {
    const existing = this.storedKeys(type, keys);
    const versions = this.changeLog.versions(type, keys);
    return keys.map((k, i) => (existing.has(k) ? versions[i] : 0));
  }

  async listAuditEntries(filter: AuditFilter, page: { first: number; afterId?: string | null }): Promise<Page<AuditEntry>> {
    return this.changeLog.list(filter, page);
  }

  async auditEntriesInOrder(afterId: string | null, first: number): Promise<AuditEntry[]> {
    return this.changeLog.inOrder(afterId, first);
  }

  /** The audit log's size and last entry (a restore records those of the log it replaces and of the one it brings). */
  auditLogSummary(): AuditLogSummary {
    return this.changeLog.summary();
  }

  /** The RESTORE entry, appended to the restored log and linked to its last entry. */
  async recordRestore(before: unknown, after: unknown, context?: WriteContext): Promise<AuditEntry> {
    return this.db.transaction(() => this.changeLog.record(context?.actor ?? SYSTEM_ACTOR, 'RESTORE', 'inventory', '*', before, after)).immediate();
  }

  private storedKeys(type: NodeType, keys: readonly string[]): Set<string> {
    const rows = this.q.all(SQL.existingKeys[type], JSON.stringify(keys));
    return new Set(rows.map((r) => r.key as string));
  }

  /** One batched read per node type of everything a MERGE names. */
  private beforeLookup(manifest: Manifest): (type: NodeType, key: string) => unknown {
    const byType = new Map<NodeType, Map<string, unknown>>();
    for (const type of NODE_TYPES) {
      const keys = (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((n) => n.key);
      byType.set(type, this.records.stored(type, keys));
    }
    return (type, key) => byType.get(type)?.get(key) ?? null;
  }

  /** Every stored key of each node type that has any (by the counts just read). */
  private storedKeysByType(counts: Record<string, number>): Partial<Record<NodeType, string[]>> {
    return Object.fromEntries(
      NODE_TYPES.filter((t) => (counts[t] ?? 0) > 0).map((t) => [t, (this.q.raw(`SELECT key FROM ${TABLE[t]}`).all() as Array<[string]>).map(([k]) => k)]),
    );
  }

  private nodeCounts(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(SQL.nodeCount).map(([type, sql]) => [type, (this.q.prepared(sql).get() as { n: number }).n]),
    );
  }

  // ---- backups ----------------------------------------------------------------------------

  /** An online backup (SQLite's backup API): consistent, taken while others keep reading and writing. */
  async backupTo(path: string): Promise<void> {
    await backupTo(this.db, path);
  }

  /**
   * Restores a backup over the database at `targetPath`, through SQLite's backup API (it locks
   * the target while copying). The backup is checked first: a damaged or newer file is refused.
   */
  static async restore(backupPath: string, targetPath: string): Promise<RestoredLogs> {
    return restoreBackup(backupPath, targetPath);
  }

  // ---- API keys ---------------------------------------------------------------------------

  async saveApiKey(record: ApiKeyRecord, context?: WriteContext): Promise<void> {
    this.db.transaction(() => {
      this.apiKeys.save(record);
      this.changeLog.record(context?.actor ?? SYSTEM_ACTOR, 'API_KEY_CREATE', 'api-key', record.id, null, apiKeyAudit(record));
    }).immediate();
  }

  async findApiKey(id: string): Promise<ApiKeyRecord | null> {
    return this.apiKeys.find(id);
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return this.apiKeys.list();
  }

  async revokeApiKey(id: string, at: string, context?: WriteContext): Promise<boolean> {
    return this.db.transaction(() => {
      const before = this.apiKeys.find(id);
      if (!this.apiKeys.revoke(id, at)) return false;
      this.changeLog.record(context?.actor ?? SYSTEM_ACTOR, 'API_KEY_REVOKE', 'api-key', id, apiKeyAudit(before!), { ...apiKeyAudit(before!), revokedAt: at });
      return true;
    }).immediate();
  }

  // ---- snapshots --------------------------------------------------------------------------

  async saveSnapshot(label: string, context?: WriteContext): Promise<SnapshotInfo> {
    return this.snapshots.save(label, () => this.records.exportManifest(), (info, manifest) => {
      this.changeLog.record(context?.actor ?? SYSTEM_ACTOR, 'SNAPSHOT', 'snapshot', info.label, null, snapshotAudit(info, manifest));
    });
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    return this.snapshots.list();
  }

  async getSnapshot(label: string): Promise<Manifest | null> {
    return this.snapshots.get(label);
  }

  // ---- internals --------------------------------------------------------------------------

  private page<T extends 'field' | 'flow' | 'party'>(type: T, filters: Filters, page: PageRequest, parts?: ReadParts): Page<NodeOf[T]> {
    return this.inReadTransaction.deferred(() => this.pageInTransaction(type, filters, page, parts)) as Page<NodeOf[T]>;
  }

  private pageInTransaction<T extends 'field' | 'flow' | 'party'>(type: T, filters: Filters, page: PageRequest, parts?: ReadParts): Page<NodeOf[T]> {
    const { count, rows: rowsStatement } = pageStatements(type, filters, page);
    const totalCount = this.derived.count(count.sql, count.params);
    // A page of none from the start (a count, as the overview asks) needs no rows.
    if (page.first === 0 && page.afterKey == null) return { nodes: [], totalCount, hasNextPage: totalCount > 0 };
    const rows = this.q.all(rowsStatement.sql, ...rowsStatement.params);
    const hasNextPage = rows.length > page.first;
    return { nodes: this.versioned(type, rows.slice(0, page.first), parts), totalCount, hasNextPage };
  }

  /**
   * Records with their versions (unless `parts` leaves them, or the sources, out); callers run it
   * inside one read transaction, so a list hands out each node's content and version from the
   * same snapshot, as getNodes does.
   */
  private versioned<T extends NodeType>(type: T, rows: Row[], parts?: ReadParts): Array<NodeOf[T]> {
    const records = this.records.of(type, rows, parts?.sources !== false);
    if (parts?.versions === false) return records;
    const versions = this.changeLog.versions(type, records.map((r) => r.key));
    // The records were built for this call alone: the version is set on them, not on copies.
    for (let i = 0; i < records.length; i++) (records[i] as { version?: number }).version = versions[i];
    return records;
  }
}
