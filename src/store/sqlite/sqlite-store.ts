/**
 * The embedded default store: one SQLite file through better-sqlite3 (WAL, foreign keys on,
 * versioned migrations, every write in one IMMEDIATE transaction).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { traceLineage, type TracedLineage } from '../../domain/lineage';
import type { Manifest } from '../../domain/manifest';
import { ReferencedError, ValidationError, type Problem } from '../../domain/problems';
import { parseCitation, SECTION_OF } from '../../domain/references';
import { NOT_SENSITIVE, resolveSensitivity, type Sensitivity } from '../../domain/sensitivity';
import {
  CONSENT_REQUIREMENTS,
  FLOW_KINDS,
  FUNCTION_TYPES,
  NODE_TYPES,
  PARTY_KINDS,
  SENSITIVE_CLASSES,
  type ImportMode,
  type NodeType,
  type SensitiveClass,
} from '../../domain/vocabulary';
import type {
  FieldQuery,
  FlowQuery,
  InventoryStore,
  LineageRequest,
  NodeOf,
  Page,
  PageRequest,
  PartyQuery,
  Relation,
  StoreCapabilities,
  StoredClause,
  SnapshotInfo,
  StoredField,
  WriteSummary,
} from '../inventory-store';
import { BatchInsert } from './batch-insert';
import { LineageIndex, type EdgeRow } from './lineage-index';
import type { ApiKeyRecord } from '../../domain/access';
import { SqliteChangeLog } from './change-log';
import { MIGRATIONS } from './migrations';
import { SYSTEM_ACTOR, type AuditEntry, type AuditFilter, type WriteContext } from '../../domain/audit';
import {
  categoryFromRow,
  documentFromRow,
  fieldFromRow,
  flowFromRow,
  legalBasisFromRow,
  partyFromRow,
  permissionFromRow,
  purposeFromRow,
  type FlowLists,
  type Row,
} from './rows';

/** Where each node type lives, and how a row becomes a record. */
const TABLE: Record<NodeType, string> = {
  document: 'documents',
  category: 'categories',
  field: 'fields',
  purpose: 'purposes',
  permission: 'permissions',
  party: 'parties',
  legalBasis: 'legal_bases',
  flow: 'flows',
};

/** SELECT lists. Categories and fields get their effective sensitivity in recordsOf(). */
const SELECT: Record<NodeType, string> = {
  document: 'SELECT t.* FROM documents t',
  category: 'SELECT t.* FROM categories t',
  field: 'SELECT t.* FROM fields t',
  purpose: 'SELECT t.* FROM purposes t',
  permission: 'SELECT t.* FROM permissions t',
  party: 'SELECT t.* FROM parties t',
  legalBasis: 'SELECT t.* FROM legal_bases t',
  flow: 'SELECT t.* FROM flows t',
};

/** The flow list tables, by the manifest property they hold. */
const FLOW_LISTS: Array<{ prop: keyof FlowLists; table: string; column: string; target: NodeType }> = [
  { prop: 'fields', table: 'flow_fields', column: 'field_key', target: 'field' },
  { prop: 'categories', table: 'flow_categories', column: 'category_key', target: 'category' },
  { prop: 'purposes', table: 'flow_purposes', column: 'purpose_key', target: 'purpose' },
  { prop: 'legalBases', table: 'flow_legal_bases', column: 'legal_basis_key', target: 'legalBasis' },
  { prop: 'permissions', table: 'flow_permissions', column: 'permission_key', target: 'permission' },
];

/** Case-insensitive substring of key, name or nameZh; takes the search text three times. */
const SEARCH_SQL = `(instr(fold_case(t.key), fold_case(?)) > 0 OR instr(fold_case(t.name), fold_case(?)) > 0
  OR instr(fold_case(COALESCE(t.name_zh, '')), fold_case(?)) > 0)`;

/** Keys of every field whose flows are asked for: the field's category and all its ancestors. */
const FIELD_FLOWS_SQL = `
WITH RECURSIVE asked(field_key) AS (SELECT value FROM json_each(?)),
anc(field_key, category_key, depth) AS (
  SELECT f.key, f.category_key, 0 FROM fields f JOIN asked a ON a.field_key = f.key
  UNION
  SELECT anc.field_key, c.parent_key, anc.depth + 1 FROM anc JOIN categories c ON c.key = anc.category_key
  WHERE c.parent_key IS NOT NULL AND anc.depth < 200
)
SELECT ff.field_key AS k, ff.flow_key AS v FROM flow_fields ff JOIN asked a ON a.field_key = ff.field_key
UNION
SELECT anc.field_key AS k, fc.flow_key AS v FROM anc JOIN flow_categories fc ON fc.category_key = anc.category_key
ORDER BY k, v`;

/** `k` → `v` pairs for each relation, restricted to the keys in the JSON array parameter. */
const RELATION_SQL: Record<Relation, string> = {
  // Answered from the lineage index (see related()), which this query fills.
  'field.flows': FIELD_FLOWS_SQL,
  'flow.carriedFields': `SELECT flow_key AS k, field_key AS v FROM flow_carried_fields
                         WHERE flow_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'category.children': `SELECT parent_key AS k, key AS v FROM categories
                        WHERE parent_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'category.fields': `SELECT category_key AS k, key AS v FROM fields
                      WHERE category_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'party.inbound': `SELECT to_key AS k, key AS v FROM flows WHERE to_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'party.outbound': `SELECT from_key AS k, key AS v FROM flows WHERE from_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'purpose.flows': `SELECT purpose_key AS k, flow_key AS v FROM flow_purposes
                    WHERE purpose_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'permission.flows': `SELECT permission_key AS k, flow_key AS v FROM flow_permissions
                       WHERE permission_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'legalBasis.flows': `SELECT legal_basis_key AS k, flow_key AS v FROM flow_legal_bases
                       WHERE legal_basis_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'document.clauses': `SELECT document_key AS k, document_key || '#' || ref AS v FROM clauses
                       WHERE document_key IN (SELECT value FROM json_each(?)) ORDER BY k, ordinal`,
};

/** What references a node of each type, as `[referring type, SQL returning referrer keys]`. */
const REFERRERS: Partial<Record<NodeType, Array<[string, string]>>> = {
  document: [['clause citation', `SELECT DISTINCT node_type || ':' || node_key FROM sources WHERE document_key = ?`]],
  category: [
    ['category', 'SELECT key FROM categories WHERE parent_key = ?'],
    ['field', 'SELECT key FROM fields WHERE category_key = ?'],
    ['flow', 'SELECT flow_key FROM flow_categories WHERE category_key = ?'],
  ],
  field: [['flow', 'SELECT flow_key FROM flow_fields WHERE field_key = ?']],
  purpose: [['flow', 'SELECT flow_key FROM flow_purposes WHERE purpose_key = ?']],
  permission: [['flow', 'SELECT flow_key FROM flow_permissions WHERE permission_key = ?']],
  legalBasis: [['flow', 'SELECT flow_key FROM flow_legal_bases WHERE legal_basis_key = ?']],
  party: [['flow', 'SELECT key FROM flows WHERE from_key = ? OR to_key = ?']],
};

/** Tables holding the inventory (what REPLACE empties and a bulk write fills). */
const INVENTORY_TABLES = ['documents', 'clauses', ...Object.values(TABLE).filter((t) => t !== 'documents'), ...FLOW_LISTS.map((l) => l.table), 'sources'];

/**
 * Every foreign key of the schema, as `table(columns) -> parent`: what FreshReferences proves
 * for a fresh write. A schema with any other foreign key gets the full foreign_key_check.
 */
const PROVEN_FOREIGN_KEYS = [
  'categories(parent_key) -> categories',
  'clauses(document_key) -> documents',
  'fields(category_key) -> categories',
  'flows(from_key) -> parties',
  'flows(to_key) -> parties',
  ...FLOW_LISTS.flatMap((l) => [`${l.table}(flow_key) -> flows`, `${l.table}(${l.column}) -> ${TABLE[l.target]}`]),
  'sources(document_key,ref) -> clauses',
];

/**
 * Every CHECK constraint of the tables write() writes, as migration 1 made them from the
 * vocabularies: `table.column` → the values allowed. A bulk write whose values all pass them
 * (passesChecks) runs with SQLite's CHECKs off, which saves a fifth of its inserts. A schema with
 * any other CHECK on these tables keeps them on. The 0/1 columns are bound from booleans by write().
 */
const CHECKS: Record<string, Record<string, readonly (string | number)[]>> = {
  categories: { sensitive: [0, 1], sensitive_class: SENSITIVE_CLASSES },
  fields: { sensitive: [0, 1], sensitive_class: SENSITIVE_CLASSES },
  purposes: { function_type: FUNCTION_TYPES },
  parties: { kind: PARTY_KINDS },
  flows: { kind: FLOW_KINDS, consent: CONSENT_REQUIREMENTS, optional: [0, 1], deidentified: [0, 1] },
};
/** The tables write() writes, whose CHECKs CHECKS must name. */
const WRITTEN_TABLES = [...INVENTORY_TABLES, 'audit_log', 'node_versions'];

/** From this many nodes on, a MERGE runs with the bulk settings too (see withBulkSettings()). */
const BULK_WRITE_NODES = 5000;
/** How many distinct COUNT answers a connection keeps (see count()). */
const MAX_CACHED_COUNTS = 1000;
/** Page cache of every connection, in KiB. */
const READ_CACHE_KIB = 64 * 1024;
/** Helper threads SQLite may use to sort while re-creating indexes after a bulk write. */
const BULK_SORT_THREADS = 2;
/** Page cache while re-creating indexes after a bulk write, in KiB: SQLite's sort run size. */
const INDEX_SORT_CACHE_KIB = 4 * 1024;
/** Page cache for bulk writes, in KiB. */
const BULK_CACHE_KIB = 256 * 1024;

export interface SqliteStoreOptions {
  /** File path, or `:memory:` for tests. */
  path: string;
  /** Milliseconds a writer waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
}

let connectionCounter = 0;

export class SqliteStore implements InventoryStore {
  readonly kind = 'sqlite' as const;
  readonly capabilities: StoreCapabilities = { listVersions: true, changeMarks: true };
  readonly location: string;
  private readonly db: Database.Database;
  /** Field → flows adjacency for lineage, filled lazily; null after this connection writes. */
  private lineageIndex: LineageIndex | null = null;
  /** Every category's effective sensitivity, as of a data version; null after this connection writes. */
  private effective: { dataVersion: number; byKey: Map<string, Sensitivity> } | null = null;
  /** Answers of COUNT queries, as of a data version; null after this connection writes. */
  private counts: { dataVersion: number; byQuery: Map<string, number> } | null = null;

  /** Audit log and node versions, written in each write's own transaction. */
  private readonly changeLog: SqliteChangeLog;
  /** What the fast paths of bulk writes know of the schema, as of a schema version (see schemaFacts()). */
  private schemaFactsCache: { version: number; foreignKeysProvable: boolean; checksAsExpected: boolean } | null = null;
  /** Runs a function inside one read transaction; made once, not per read (better-sqlite3 builds wrappers). */
  private readonly inReadTransaction: Database.Transaction<<T>(fn: () => T) => T>;
  /** Distinguishes this connection's change marks from another connection's. */
  private readonly openedAt = `${process.pid}.${Date.now().toString(36)}.${(connectionCounter++).toString(36)}`;

  constructor(options: SqliteStoreOptions) {
    this.location = `sqlite:${options.path}`;
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.changeLog = new SqliteChangeLog(this.db);
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
        this.db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  // ---- reads ------------------------------------------------------------------------------

  async getNodes<T extends NodeType>(type: T, keys: readonly string[]): Promise<Array<NodeOf[T] | null>> {
    if (keys.length === 0) return [];
    // Records and their versions from one snapshot: a client that reads a node and writes it
    // back with that version must never pair old content with a newer version.
    return this.inReadTransaction.deferred((): Array<NodeOf[T] | null> => {
      const rows = this.all(`${SELECT[type]} WHERE t.key IN (SELECT value FROM json_each(?))`, JSON.stringify(keys));
      const byKey = new Map(this.versioned(type, rows).map((r) => [r.key, r]));
      return keys.map((k) => byKey.get(k) ?? null);
    }) as Array<NodeOf[T] | null>;
  }

  async getClauses(citations: readonly string[]): Promise<Array<StoredClause | null>> {
    const pairs = citations.map((c) => parseCitation(c)).filter((p) => p !== null);
    const rows = this.all(
      `SELECT c.document_key, c.ref, c.title, c.text FROM clauses c
       JOIN json_each(?) j ON c.document_key = json_extract(j.value, '$[0]') AND c.ref = json_extract(j.value, '$[1]')`,
      JSON.stringify(pairs.map((p) => [p.documentKey, p.ref])),
    );
    const byCitation = new Map(rows.map((r) => [`${r.document_key}#${r.ref}`, r]));
    return citations.map((c) => {
      const r = byCitation.get(c);
      return r ? { documentKey: r.document_key as string, ref: r.ref as string, title: (r.title as string) ?? null, text: r.text as string } : null;
    });
  }

  async related(relation: Relation, keys: readonly string[]): Promise<string[][]> {
    if (keys.length === 0) return [];
    if (relation === 'field.flows') {
      const index = this.lineageIndexFor(keys);
      return keys.map((k) => index.edgesOf(k).map((e) => e.key));
    }
    const byKey = this.pairs(RELATION_SQL[relation], JSON.stringify(keys));
    return keys.map((k) => byKey.get(k) ?? []);
  }

  async existingKeys(type: NodeType, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = this.all(`SELECT key FROM ${TABLE[type]} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(keys));
    return new Set(rows.map((r) => r.key as string));
  }

  async existingClauses(citations: readonly string[]): Promise<Set<string>> {
    const found = await this.getClauses(citations);
    return new Set(citations.filter((_, i) => found[i] !== null));
  }

  async referrers(type: NodeType, key: string): Promise<string[]> {
    return this.referrersSync(type, key);
  }

  async listAll<T extends NodeType>(type: T): Promise<Array<NodeOf[T]>> {
    return this.inReadTransaction.deferred(() => this.versioned(type, this.all(`${SELECT[type]} ORDER BY t.key`))) as Array<NodeOf[T]>;
  }

  async listFields(query: FieldQuery, page: PageRequest): Promise<Page<StoredField>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.search) {
      where.push(SEARCH_SQL);
      params.push(query.search, query.search, query.search);
    }
    if (query.sensitive != null) {
      // A field's own statement, else its category's effective sensitivity.
      where.push(`(CASE WHEN t.sensitive = 0 THEN 0 WHEN t.sensitive_class IS NOT NULL THEN 1
                   ELSE t.category_key IN (SELECT value FROM json_each(?)) END) = ?`);
      params.push(JSON.stringify(this.sensitiveCategories()), query.sensitive ? 1 : 0);
    }
    if (query.categoryKey) {
      where.push(`t.category_key IN (WITH RECURSIVE sub(k, d) AS (SELECT ?, 0 UNION SELECT c.key, sub.d + 1 FROM categories c JOIN sub ON c.parent_key = sub.k WHERE sub.d < 200) SELECT k FROM sub)`);
      params.push(query.categoryKey);
    }
    const carriedBy = (flowCondition: string, value: string) => {
      where.push(`t.key IN (SELECT cf.field_key FROM flow_carried_fields cf WHERE cf.flow_key IN (${flowCondition}))`);
      params.push(value);
    };
    if (query.purposeKey) carriedBy('SELECT flow_key FROM flow_purposes WHERE purpose_key = ?', query.purposeKey);
    if (query.permissionKey) carriedBy('SELECT flow_key FROM flow_permissions WHERE permission_key = ?', query.permissionKey);
    if (query.recipientKey) carriedBy('SELECT key FROM flows WHERE to_key = ?', query.recipientKey);
    return this.page('field', where, params, page);
  }

  async listParties(query: PartyQuery): Promise<NodeOf['party'][]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.search) {
      where.push(SEARCH_SQL);
      params.push(query.search, query.search, query.search);
    }
    if (query.kind) {
      where.push('t.kind = ?');
      params.push(query.kind);
    }
    const sql = `${SELECT.party}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY t.key`;
    return this.inReadTransaction.deferred(() => this.versioned('party', this.all(sql, ...params))) as NodeOf['party'][];
  }

  async listFlows(query: FlowQuery, page: PageRequest): Promise<Page<NodeOf['flow']>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.fieldKey) {
      where.push(`t.key IN (SELECT v FROM (${FIELD_FLOWS_SQL}))`);
      params.push(JSON.stringify([query.fieldKey]));
    }
    if (query.fromKey) { where.push('t.from_key = ?'); params.push(query.fromKey); }
    if (query.toKey) { where.push('t.to_key = ?'); params.push(query.toKey); }
    if (query.kind) { where.push('t.kind = ?'); params.push(query.kind); }
    if (query.purposeKey) {
      where.push('t.key IN (SELECT flow_key FROM flow_purposes WHERE purpose_key = ?)');
      params.push(query.purposeKey);
    }
    if (query.crossBorder != null) {
      // Mirrors domain/flows.ts isCrossBorder: both countries known and different.
      where.push(`(SELECT CASE WHEN pf.country IS NOT NULL AND pt.country IS NOT NULL AND pf.country <> pt.country THEN 1 ELSE 0 END
                   FROM parties pf, parties pt WHERE pf.key = t.from_key AND pt.key = t.to_key) = ?`);
      params.push(query.crossBorder ? 1 : 0);
    }
    return this.page('flow', where, params, page);
  }

  async traceLineage(requests: readonly LineageRequest[]): Promise<TracedLineage[]> {
    if (requests.length === 0) return [];
    const index = this.lineageIndexFor(requests.map((r) => r.fieldKey));
    return requests.map((r) => traceLineage(index.edgesOf(r.fieldKey), r.direction, r.limits, r.startKeys ?? undefined));
  }

  /**
   * `total_changes()` counts this connection's own writes, `data_version` other connections'
   * commits; the two together change on every change to the file. The connection's open time
   * keeps tokens of two stores over one file (or of a reopened store) from meeting.
   */
  async changeMark(): Promise<string> {
    const [own, others] = this.rawStatement('SELECT total_changes(), data_version FROM pragma_data_version').get() as [number, number];
    return `${this.openedAt}:${own}:${others}`;
  }

  private dataVersion(): number {
    return this.prepared('PRAGMA data_version').pluck().get() as number;
  }

  /**
   * Drops what is derived from the inventory tables (this connection is about to change them).
   * Every method that writes inventory tables calls it first; other connections' commits are
   * noticed through `PRAGMA data_version`.
   */
  private forgetDerived(): void {
    this.lineageIndex = null;
    this.effective = null;
    this.counts = null;
  }

  /**
   * Effective sensitivity of every category, read from the category_effective view (the one
   * statement of the inheritance rule) once per data version rather than in every query.
   */
  private categoryEffective(): Map<string, Sensitivity> {
    const version = this.dataVersion();
    if (!this.effective || this.effective.dataVersion !== version) {
      const byKey = new Map<string, Sensitivity>();
      for (const [key, sensitive, cls] of this.rawStatement('SELECT key, sensitive, sensitive_class FROM category_effective').all() as Array<[string, number, string | null]>) {
        byKey.set(key, { sensitive: sensitive === 1, sensitiveClass: (cls as SensitiveClass | null) ?? null });
      }
      this.effective = { dataVersion: version, byKey };
    }
    return this.effective.byKey;
  }

  /**
   * A COUNT query's answer, remembered until the data changes: counting a filtered list of
   * 500,000 flows scans them all, and dashboards ask the same counts again and again.
   */
  private count(sql: string, params: unknown[]): number {
    const version = this.dataVersion();
    if (!this.counts || this.counts.dataVersion !== version || this.counts.byQuery.size >= MAX_CACHED_COUNTS) {
      this.counts = { dataVersion: version, byQuery: new Map() };
    }
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let n = this.counts.byQuery.get(key);
    if (n === undefined) this.counts.byQuery.set(key, (n = this.prepared(sql).pluck().get(...params) as number));
    return n;
  }

  /** Keys of the categories that are effectively sensitive. */
  private sensitiveCategories(): string[] {
    return [...this.categoryEffective()].filter(([, e]) => e.sensitive).map(([k]) => k);
  }

  /**
   * The lineage index with these fields filled in: a new one when this connection wrote or
   * another one committed since it was started, then one query for the fields it lacks.
   */
  private lineageIndexFor(fieldKeys: readonly string[]): LineageIndex {
    const version = this.dataVersion();
    if (!this.lineageIndex || this.lineageIndex.dataVersion !== version) this.lineageIndex = new LineageIndex(version);
    const index = this.lineageIndex;
    const missing = index.missing(fieldKeys);
    if (missing.length > 0) {
      const rows = this.rawStatement(
        `SELECT ff.k, f.key, f.from_key, f.to_key FROM (${FIELD_FLOWS_SQL}) ff JOIN flows f ON f.key = ff.v ORDER BY ff.k, f.key`,
      ).all(JSON.stringify(missing)) as EdgeRow[];
      index.fill(missing, rows);
    }
    return index;
  }

  // ---- writes -----------------------------------------------------------------------------

  async write(manifest: Manifest, mode: ImportMode, context?: WriteContext): Promise<WriteSummary> {
    this.forgetDerived();
    const bulk = mode === 'REPLACE' || nodeCount(manifest) >= BULK_WRITE_NODES;
    const run = this.db.transaction((): WriteSummary => {
      // After a REPLACE (or into an empty inventory) nothing is there to replace: no deletes,
      // and the secondary indexes are built once at the end rather than row by row.
      const fresh = mode === 'REPLACE' || this.inventoryIsEmpty();
      // Read what the write replaces before it does: for conflicts, the audit log and versions.
      this.changeLog.checkExpected(context, (type, key) => this.storedRecords(type, [key]).has(key));
      const changes = fresh ? null : this.changeLog.planMerge(manifest, this.beforeLookup(manifest));
      const inventoryBefore = fresh ? this.nodeCounts() : null;
      let removed = 0;
      if (mode === 'REPLACE') removed = this.clearAll();
      const restoreIndexes = fresh ? this.dropSecondaryIndexes() : null;
      // Fresh rows go into empty tables, so their references can be proven against the write itself.
      const refs = fresh && this.schemaFacts().foreignKeysProvable ? new FreshReferences(manifest) : null;
      // A bulk write checked here need not be checked again by SQLite, row by row.
      const checksOff = bulk && this.schemaFacts().checksAsExpected && passesChecks(manifest);
      if (checksOff) this.db.pragma('ignore_check_constraints = ON');
      const written = { document: 0, clause: 0, category: 0, field: 0, purpose: 0, permission: 0, party: 0, legalBasis: 0, flow: 0 };
      const s = this.writers();
      // Each distinct citation is parsed (and its clause looked for) once: a few hundred clauses
      // are cited by hundreds of thousands of nodes.
      const cited = new Map<string, { documentKey: string; ref: string }>();
      const sources = (type: NodeType, key: string, citations: string[]) => {
        if (!fresh) s.deleteSources.run(type, key);
        for (let i = 0; i < citations.length; i++) {
          let c = cited.get(citations[i]);
          if (!c) {
            cited.set(citations[i], (c = parseCitation(citations[i])!));
            refs?.clause(c.documentKey, c.ref);
          }
          s.sources.add(type, key, i, c.documentKey, c.ref);
        }
      };
      for (const d of manifest.documents) {
        s.documents.add(d.key, d.title, d.titleEn ?? null, d.url ?? null, d.updatedAt, d.effectiveAt);
        if (!fresh) s.deleteClauses.run(d.key);
        d.clauses.forEach((c, i) => s.clauses.add(d.key, c.ref, i, c.title ?? null, c.text));
        written.document++;
        written.clause += d.clauses.length;
      }
      const lists = FLOW_LISTS.map((l) => ({ prop: l.prop, rows: s.flowLists[l.prop], keys: refs?.keysOf(l.target) }));
      const writeNodes: Record<Exclude<NodeType, 'document'>, () => void> = {
        category: () => {
          for (const c of inKeyOrder(manifest.categories)) {
            s.categories.add(...base(c), c.parent ?? null, toInt(c.sensitive), c.sensitiveClass ?? null);
            if (c.parent != null) refs?.check(refs.categories, c.parent);
            sources('category', c.key, c.sources);
            written.category++;
          }
        },
        field: () => {
          for (const f of inKeyOrder(manifest.fields)) {
            s.fields.add(...base(f), f.category, toInt(f.sensitive), f.sensitiveClass ?? null);
            refs?.check(refs.categories, f.category);
            sources('field', f.key, f.sources);
            written.field++;
          }
        },
        purpose: () => {
          for (const p of inKeyOrder(manifest.purposes)) {
            s.purposes.add(...base(p), p.functionType);
            sources('purpose', p.key, p.sources);
            written.purpose++;
          }
        },
        permission: () => {
          for (const p of inKeyOrder(manifest.permissions)) {
            s.permissions.add(...base(p), p.platform);
            sources('permission', p.key, p.sources);
            written.permission++;
          }
        },
        party: () => {
          for (const p of inKeyOrder(manifest.parties)) {
            s.parties.add(...base(p), p.kind, p.country ?? null, p.contact ?? null, JSON.stringify(p.sdkPackages));
            sources('party', p.key, p.sources);
            written.party++;
          }
        },
        legalBasis: () => {
          for (const l of inKeyOrder(manifest.legalBases)) {
            s.legalBases.add(...base(l), l.jurisdiction, l.article);
            sources('legalBasis', l.key, l.sources);
            written.legalBasis++;
          }
        },
        flow: () => {
          for (const f of inKeyOrder(manifest.flows)) {
            s.flows.add(
              f.key, f.name ?? null, f.nameZh ?? null, f.description ?? null, f.from, f.to, f.kind, f.consent,
              f.optional ? 1 : 0, f.deidentified ? 1 : 0,
              f.retention?.description ?? null, f.retention?.minimum ?? null, f.retention?.maximum ?? null, f.scenario ?? null,
            );
            if (refs) refs.check(refs.parties, f.from).check(refs.parties, f.to);
            for (const { prop, rows, keys } of lists) {
              if (!fresh) s.deleteFlowList[prop].run(f.key);
              const targets = f[prop];
              for (let i = 0; i < targets.length; i++) rows.add3(f.key, targets[i], i);
              // Inline rather than through check(): millions of list rows.
              if (keys && refs?.allResolve) for (const t of targets) if (!keys.has(t)) refs.allResolve = false;
            }
            sources('flow', f.key, f.sources);
            written.flow++;
          }
        },
      };
      // Rows go in in the order of their tables' keys, where a b-tree takes them fastest (at its
      // end): nodes by key, and node types in the order of their names, which orders citations
      // (keyed by node type, then node key).
      for (const type of (Object.keys(writeNodes) as Array<keyof typeof writeNodes>).sort()) writeNodes[type]();
      s.flush();
      if (checksOff) this.db.pragma('ignore_check_constraints = OFF');
      restoreIndexes?.();
      this.assertConsistent(refs?.allResolve ?? false);
      // The reads for the audit log filled caches with the old state: drop them again.
      this.forgetDerived();
      const actor = context?.actor ?? SYSTEM_ACTOR;
      if (changes) this.changeLog.recordChanges(changes, actor);
      else this.changeLog.recordInventoryReplace(actor, { mode, nodes: inventoryBefore }, { mode, nodes: this.nodeCounts() });
      return { mode, written, removed };
    });
    return bulk ? this.withBulkSettings(() => run.immediate()) : run.immediate();
  }

  /** No row of the inventory is stored yet (nodes, nor the clauses, lists and citations they own). */
  private inventoryIsEmpty(): boolean {
    return INVENTORY_TABLES.every((table) => !this.prepared(`SELECT 1 FROM ${table} LIMIT 1`).get());
  }

  /**
   * Whether FreshReferences covers every foreign key of the schema, and whether the CHECKs of the
   * tables write() writes are exactly CHECKS; read again whenever the schema changes.
   */
  private schemaFacts(): { foreignKeysProvable: boolean; checksAsExpected: boolean } {
    const version = this.db.pragma('schema_version', { simple: true }) as number;
    if (this.schemaFactsCache?.version !== version) {
      const foreignKeys = this.db.prepare(
        `SELECT m.name || '(' || group_concat(f."from", ',' ORDER BY f.seq) || ') -> ' || f."table" AS fk
         FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
         GROUP BY m.name, f.id ORDER BY 1`,
      ).pluck().all() as string[];
      const schema = new Map(this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).raw().all() as Array<[string, string]>);
      const checksAsExpected = WRITTEN_TABLES.every((table) => {
        const expected = Object.entries(CHECKS[table] ?? {}).map(([column, values]) =>
          `CHECK (${column} IN (${values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}))`);
        return sameItems(checkClauses(schema.get(table) ?? ''), expected);
      });
      this.schemaFactsCache = { version, foreignKeysProvable: sameItems(foreignKeys, PROVEN_FOREIGN_KEYS), checksAsExpected };
    }
    return this.schemaFactsCache;
  }

  /**
   * Imports (REPLACE, or many nodes) run with foreign keys unchecked row by row, a larger page
   * cache, and helper threads for the sorts that re-create the indexes. Nothing is lost:
   * `assertConsistent` checks every reference before commit, as for every write, and write()
   * deletes explicitly what a cascade would. write() may also turn CHECKs off for its inserts
   * (see CHECKS). All these settings are put back, whatever happens.
   */
  private withBulkSettings<T>(work: () => T): T {
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    const threads = this.db.pragma('threads', { simple: true }) as number;
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    this.db.pragma(`threads = ${BULK_SORT_THREADS}`);
    try {
      return work();
    } finally {
      this.db.pragma('ignore_check_constraints = OFF');
      this.db.pragma(`threads = ${threads}`);
      this.db.pragma(`cache_size = ${cacheSize}`);
      this.db.pragma('foreign_keys = ON');
    }
  }

  /**
   * Drops the secondary indexes of the inventory tables and returns what re-creates them from
   * their own definitions: one sort per index at the end beats updating it row by row.
   * Runs inside the write's transaction, so a failed write gets its indexes back by rollback.
   */
  private dropSecondaryIndexes(): () => void {
    const tables = JSON.stringify(INVENTORY_TABLES);
    const indexes = this.all(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
      tables,
    ) as Array<{ name: string; sql: string }>;
    for (const ix of indexes) this.db.exec(`DROP INDEX "${ix.name}"`);
    return () => {
      // SQLite sorts in runs of cache_size bytes: runs that fit the CPU cache, sorted by the
      // helper threads and merged, beat one sort of everything in memory. cache_spill keeps the
      // cache as large as before for the pages written so far, rather than spilling them now.
      const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
      this.db.pragma(`cache_spill = -${BULK_CACHE_KIB}`);
      this.db.pragma(`cache_size = -${INDEX_SORT_CACHE_KIB}`);
      try {
        for (const ix of indexes) this.db.exec(ix.sql);
      } finally {
        this.db.pragma(`cache_size = ${cacheSize}`);
        this.db.pragma('cache_spill = 1'); // SQLite's default: spill once the cache is full
      }
    };
  }

  async deleteNodes(type: NodeType, keys: readonly string[], context?: WriteContext): Promise<number> {
    this.forgetDerived();
    const run = this.db.transaction((): number => {
      this.changeLog.checkExpected(context, (t, key) => this.storedRecords(t, [key]).has(key));
      const before = this.storedRecords(type, keys);
      const existing = new Set(keys);
      let deleted = 0;
      for (const key of keys) {
        // Referrers that are themselves being deleted in this call do not block.
        const blocking = this.referrersSync(type, key).filter((r) => !(r.startsWith(`${type}:`) && existing.has(r.slice(type.length + 1))));
        if (blocking.length > 0) throw new ReferencedError(type, key, blocking);
        this.db.prepare(`DELETE FROM sources WHERE node_type = ? AND node_key = ?`).run(type, key);
        deleted += this.db.prepare(`DELETE FROM ${TABLE[type]} WHERE key = ?`).run(key).changes;
      }
      this.assertConsistent();
      this.forgetDerived();
      this.changeLog.recordDeletes(type, [...before].map(([key, record]) => ({ key, before: record })), context?.actor ?? SYSTEM_ACTOR);
      return deleted;
    });
    return run.immediate();
  }

  async exportManifest(): Promise<Manifest> {
    // A read transaction gives the export one consistent snapshot even while others write.
    return this.db.transaction(() => this.exportSync()).deferred();
  }

  async versions(type: NodeType, keys: readonly string[]): Promise<number[]> {
    const existing = this.storedKeys(type, keys);
    const versions = this.changeLog.versions(type, keys);
    return keys.map((k, i) => (existing.has(k) ? versions[i] : 0));
  }

  async listAuditEntries(filter: AuditFilter, page: { first: number; afterId?: string | null }): Promise<Page<AuditEntry>> {
    return this.changeLog.list(filter, page);
  }

  private storedKeys(type: NodeType, keys: readonly string[]): Set<string> {
    const rows = this.all(`SELECT key FROM ${TABLE[type]} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(keys));
    return new Set(rows.map((r) => r.key as string));
  }

  /** Stored records as the manifest has them (documents with clauses), for the audit log. */
  private storedRecords(type: NodeType, keys: readonly string[]): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (keys.length === 0) return out;
    const rows = this.all(`${SELECT[type]} WHERE t.key IN (SELECT value FROM json_each(?))`, JSON.stringify(keys));
    for (const record of this.toRecords(type, rows) as Array<{ key: string; effective?: unknown }>) {
      const { effective: _, ...rest } = record;
      out.set(record.key, type === 'document' ? { ...rest, clauses: this.clausesOf(record.key) } : rest);
    }
    return out;
  }

  private clausesOf(documentKey: string): unknown[] {
    return this.all('SELECT ref, title, text FROM clauses WHERE document_key = ? ORDER BY ordinal', documentKey).map((c) =>
      c.title == null ? { ref: c.ref, text: c.text } : { ref: c.ref, title: c.title, text: c.text },
    );
  }

  /** One batched read per node type of everything a MERGE names. */
  private beforeLookup(manifest: Manifest): (type: NodeType, key: string) => unknown {
    const byType = new Map<NodeType, Map<string, unknown>>();
    for (const type of NODE_TYPES) {
      const keys = (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((n) => n.key);
      byType.set(type, this.storedRecords(type, keys));
    }
    return (type, key) => byType.get(type)?.get(key) ?? null;
  }

  private nodeCounts(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(TABLE).map(([type, table]) => [type, (this.prepared(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]),
    );
  }

  private exportSync(): Manifest {
    const documents = this.all('SELECT * FROM documents ORDER BY key').map((row) => ({
      ...documentFromRow(row),
      clauses: this.clausesOf(row.key as string) as Manifest['documents'][number]['clauses'],
    }));
    const strip = <T extends { effective: unknown }>(r: T): Omit<T, 'effective'> => {
      const { effective: _, ...rest } = r;
      return rest;
    };
    return {
      version: 1 as const,
      documents,
      categories: this.toRecords('category', this.all(`${SELECT.category} ORDER BY t.key`)).map(strip),
      fields: this.toRecords('field', this.all(`${SELECT.field} ORDER BY t.key`)).map(strip),
      purposes: this.toRecords('purpose', this.all(`${SELECT.purpose} ORDER BY t.key`)),
      permissions: this.toRecords('permission', this.all(`${SELECT.permission} ORDER BY t.key`)),
      parties: this.toRecords('party', this.all(`${SELECT.party} ORDER BY t.key`)),
      legalBases: this.toRecords('legalBasis', this.all(`${SELECT.legalBasis} ORDER BY t.key`)),
      flows: this.toRecords('flow', this.all(`${SELECT.flow} ORDER BY t.key`)),
    };
  }

  // ---- backups ----------------------------------------------------------------------------

  /** An online backup (SQLite's backup API): consistent, taken while others keep reading and writing. */
  async backupTo(path: string): Promise<void> {
    if (existsSync(path)) throw new ValidationError([{ path: 'FILE', message: `${path} already exists; choose a new file` }], 'cannot back up');
    await this.db.backup(path);
  }

  /**
   * Restores a backup over the database at `targetPath`, through SQLite's backup API (it locks
   * the target while copying). The backup is checked first: a damaged or newer file is refused.
   */
  static async restore(backupPath: string, targetPath: string): Promise<void> {
    if (!existsSync(backupPath)) throw new ValidationError([{ path: 'FILE', message: `${backupPath} does not exist` }], 'cannot restore');
    let source: Database.Database;
    try {
      source = new Database(backupPath, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new ValidationError([{ path: 'FILE', message: `${backupPath} is not a SQLite database: ${(err as Error).message}` }], 'cannot restore');
    }
    try {
      const problems: Problem[] = [];
      let check = 'not a database';
      try {
        check = source.pragma('integrity_check', { simple: true }) as string;
      } catch (err) {
        check = (err as Error).message;
      }
      if (check !== 'ok') problems.push({ path: 'FILE', message: `${backupPath} fails integrity_check: ${check}` });
      const version = problems.length ? 0 : (source.pragma('user_version', { simple: true }) as number);
      const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
      if (!problems.length && (version < 1 || version > latest)) problems.push({ path: 'FILE', message: `${backupPath} has schema version ${version}; this FieldTrail reads 1 to ${latest}` });
      if (problems.length) throw new ValidationError(problems, 'cannot restore');
      mkdirSync(dirname(targetPath), { recursive: true });
      await source.backup(targetPath);
    } finally {
      source.close();
    }
  }

  // ---- API keys ---------------------------------------------------------------------------

  async saveApiKey(record: ApiKeyRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO api_keys (id, name, role, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(record.id, record.name, record.role, record.hash, record.createdAt, record.revokedAt ?? null);
  }

  async findApiKey(id: string): Promise<ApiKeyRecord | null> {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as Row | undefined;
    return row ? apiKeyFromRow(row) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return this.all('SELECT * FROM api_keys ORDER BY created_at, id').map(apiKeyFromRow);
  }

  async revokeApiKey(id: string, at: string): Promise<boolean> {
    return this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes > 0;
  }

  // ---- snapshots --------------------------------------------------------------------------

  async saveSnapshot(label: string): Promise<SnapshotInfo> {
    const save = this.db.transaction((): SnapshotInfo => {
      if (this.db.prepare('SELECT 1 FROM snapshots WHERE label = ?').get(label)) {
        throw new ValidationError([{ path: 'label', message: `snapshot "${label}" already exists; snapshots are never overwritten` }], 'invalid snapshot');
      }
      const createdAt = new Date().toISOString();
      this.db.prepare('INSERT INTO snapshots (label, created_at, manifest) VALUES (?, ?, ?)').run(label, createdAt, JSON.stringify(this.exportSync()));
      return { label, createdAt };
    });
    return save.immediate();
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    return this.all('SELECT label, created_at FROM snapshots ORDER BY rowid').map((r) => ({ label: r.label as string, createdAt: r.created_at as string }));
  }

  async getSnapshot(label: string): Promise<Manifest | null> {
    const row = this.db.prepare('SELECT manifest FROM snapshots WHERE label = ?').get(label) as { manifest: string } | undefined;
    return row ? (JSON.parse(row.manifest) as Manifest) : null;
  }

  // ---- internals --------------------------------------------------------------------------

  /** Runs a query through the statement cache: preparing costs more than most reads here. */
  private all(sql: string, ...params: unknown[]): Row[] {
    return this.prepared(sql).all(...params) as Row[];
  }

  private cache = new Map<string, Database.Statement>();
  /** Statements that return rows as arrays (see pairs()). */
  private rawCache = new Map<string, Database.Statement>();
  private prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) this.cache.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  private page<T extends 'field' | 'flow'>(type: T, where: string[], params: unknown[], page: PageRequest): Page<NodeOf[T]> {
    return this.inReadTransaction.deferred(() => this.pageInTransaction(type, where, params, page)) as Page<NodeOf[T]>;
  }

  private pageInTransaction<T extends 'field' | 'flow'>(type: T, where: string[], params: unknown[], page: PageRequest): Page<NodeOf[T]> {
    const from = SELECT[type];
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const totalCount = this.count(`SELECT COUNT(*) FROM (${from}${filter})`, params);
    // A page of none from the start (a count, as the overview asks) needs no rows.
    if (page.first === 0 && page.afterKey == null) return { nodes: [], totalCount, hasNextPage: totalCount > 0 };
    const afterClause = page.afterKey != null ? `${filter ? ' AND' : ' WHERE'} t.key > ?` : '';
    const rows = this.all(
      `${from}${filter}${afterClause} ORDER BY t.key LIMIT ?`,
      ...params,
      ...(page.afterKey != null ? [page.afterKey] : []),
      page.first + 1,
    );
    const hasNextPage = rows.length > page.first;
    return { nodes: this.versioned(type, rows.slice(0, page.first)), totalCount, hasNextPage };
  }

  /**
   * Records with their versions; callers run it inside one read transaction, so a list hands out
   * each node's content and version from the same snapshot, as getNodes does.
   */
  private versioned<T extends NodeType>(type: T, rows: Row[]): Array<NodeOf[T]> {
    const records = this.toRecords(type, rows);
    const versions = this.changeLog.versions(type, records.map((r) => r.key));
    return records.map((r, i) => ({ ...r, version: versions[i] }));
  }

  /** Turns rows into records, reading sources (and flow lists) for all rows in one query each. */
  private toRecords<T extends NodeType>(type: T, rows: Row[]): Array<NodeOf[T]> {
    return this.recordsOf(type, rows) as Array<NodeOf[T]>;
  }

  private recordsOf(type: NodeType, rows: Row[]): Array<NodeOf[NodeType]> {
    if (type === 'document') return rows.map(documentFromRow);
    const keys = JSON.stringify(rows.map((r) => r.key));
    const sources = this.pairs(
      `SELECT node_key, document_key || '#' || ref FROM sources
       WHERE node_type = ? AND node_key IN (SELECT value FROM json_each(?)) ORDER BY node_key, ordinal`, type, keys);
    const src = (r: Row) => sources.get(r.key as string) ?? [];
    switch (type) {
      case 'category': {
        const effective = this.categoryEffective();
        return rows.map((r) => categoryFromRow(r, src(r), effective.get(r.key as string) ?? NOT_SENSITIVE));
      }
      case 'field': {
        const effective = this.categoryEffective();
        return rows.map((r) => fieldFromRow(r, src(r), fieldEffective(r, effective.get(r.category_key as string))));
      }
      case 'purpose': return rows.map((r) => purposeFromRow(r, src(r)));
      case 'permission': return rows.map((r) => permissionFromRow(r, src(r)));
      case 'party': return rows.map((r) => partyFromRow(r, src(r)));
      case 'legalBasis': return rows.map((r) => legalBasisFromRow(r, src(r)));
      case 'flow': {
        const lists = FLOW_LISTS.map((l) =>
          this.pairs(`SELECT flow_key, ${l.column} FROM ${l.table}
                      WHERE flow_key IN (SELECT value FROM json_each(?)) ORDER BY flow_key, ordinal`, keys),
        );
        return rows.map((r) => {
          const k = r.key as string;
          const get = (i: number) => lists[i].get(k) ?? [];
          return flowFromRow(r, src(r), { fields: get(0), categories: get(1), purposes: get(2), legalBases: get(3), permissions: get(4) });
        });
      }
    }
  }

  /** A cached statement that returns rows as arrays rather than objects. */
  private rawStatement(sql: string): Database.Statement {
    let st = this.rawCache.get(sql);
    if (!st) this.rawCache.set(sql, (st = this.db.prepare(sql).raw()));
    return st;
  }

  /** Runs `SELECT k, v …` (raw rows: no object per row) into k → [v, …] in row order. */
  private pairs(sql: string, ...params: unknown[]): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const [k, v] of this.rawStatement(sql).all(...params) as Array<[string, string]>) {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    }
    return m;
  }

  /**
   * What write() writes with: a multi-row upsert per node table (MERGE replaces a node whole),
   * plain multi-row inserts for the rows a node owns, and the deletes that clear those first.
   */
  private writers() {
    const prepare = (sql: string) => this.prepared(sql);
    const upsert = (table: string, columns: string[]) =>
      new BatchInsert(
        `INSERT INTO ${table} (${columns.join(', ')})`,
        columns.length,
        `ON CONFLICT(key) DO UPDATE SET ${columns.filter((c) => c !== 'key').map((c) => `${c} = excluded.${c}`).join(', ')}`,
        prepare,
      );
    const insert = (table: string, columns: string[]) => new BatchInsert(`INSERT INTO ${table} (${columns.join(', ')})`, columns.length, '', prepare);
    const node = ['key', 'name', 'name_zh', 'description'];
    const batches = {
      documents: upsert('documents', ['key', 'title', 'title_en', 'url', 'updated_at', 'effective_at']),
      clauses: insert('clauses', ['document_key', 'ref', 'ordinal', 'title', 'text']),
      categories: upsert('categories', [...node, 'parent_key', 'sensitive', 'sensitive_class']),
      fields: upsert('fields', [...node, 'category_key', 'sensitive', 'sensitive_class']),
      purposes: upsert('purposes', [...node, 'function_type']),
      permissions: upsert('permissions', [...node, 'platform']),
      parties: upsert('parties', [...node, 'kind', 'country', 'contact', 'sdk_packages']),
      legalBases: upsert('legal_bases', [...node, 'jurisdiction', 'article']),
      flows: upsert('flows', [...node, 'from_key', 'to_key', 'kind', 'consent', 'optional', 'deidentified',
        'retention_description', 'retention_minimum', 'retention_maximum', 'scenario']),
      flowLists: Object.fromEntries(FLOW_LISTS.map((l) => [l.prop, insert(l.table, ['flow_key', l.column, 'ordinal'])])) as Record<keyof FlowLists, BatchInsert>,
      sources: insert('sources', ['node_type', 'node_key', 'ordinal', 'document_key', 'ref']),
    };
    return {
      ...batches,
      deleteClauses: this.prepared('DELETE FROM clauses WHERE document_key = ?'),
      deleteFlowList: Object.fromEntries(FLOW_LISTS.map((l) => [l.prop, this.prepared(`DELETE FROM ${l.table} WHERE flow_key = ?`)])) as Record<keyof FlowLists, Database.Statement>,
      deleteSources: this.prepared('DELETE FROM sources WHERE node_type = ? AND node_key = ?'),
      /** Sends every buffered row. */
      flush() {
        for (const b of [batches.documents, batches.clauses, batches.categories, batches.fields, batches.purposes, batches.permissions,
          batches.parties, batches.legalBases, batches.flows, ...Object.values(batches.flowLists), batches.sources]) b.flush();
      },
    };
  }

  private clearAll(): number {
    let removed = 0;
    for (const table of ['sources', ...FLOW_LISTS.map((l) => l.table), 'flows', 'fields', 'categories', 'purposes', 'permissions', 'parties', 'legal_bases', 'clauses', 'documents']) {
      const n = this.db.prepare(`DELETE FROM ${table}`).run().changes;
      if (!['sources', 'clauses'].includes(table) && !table.startsWith('flow_')) removed += n;
    }
    return removed;
  }

  private referrersSync(type: NodeType, key: string): string[] {
    const out: string[] = [];
    for (const [label, sql] of REFERRERS[type] ?? []) {
      const params = sql.split('?').length - 1;
      for (const row of this.db.prepare(sql).raw().all(...Array(params).fill(key)) as unknown[][]) {
        out.push(label === 'clause citation' ? String(row[0]) : `${label}:${String(row[0])}`);
      }
    }
    return [...new Set(out)].sort();
  }

  /**
   * The last line of defence before commit: references left dangling (a MERGE that drops a cited
   * clause, say) and category cycles become a ValidationError, and the transaction rolls back.
   * `foreignKeysProven`: a fresh write proved all its references (FreshReferences), so the full
   * foreign_key_check, which would search a b-tree for each of them, is not needed.
   */
  private assertConsistent(foreignKeysProven = false): void {
    const problems: Problem[] = [];
    if (!foreignKeysProven) problems.push(...this.foreignKeyViolations());
    const cycles = this.all(`
      WITH RECURSIVE walk(start, cur, depth) AS (
        SELECT key, parent_key, 1 FROM categories WHERE parent_key IS NOT NULL
        UNION ALL
        SELECT w.start, c.parent_key, w.depth + 1 FROM walk w JOIN categories c ON c.key = w.cur
        WHERE c.parent_key IS NOT NULL AND w.cur <> w.start AND w.depth < 1000)
      SELECT DISTINCT start FROM walk WHERE cur = start ORDER BY start`);
    for (const c of cycles) problems.push({ path: `category:${c.start}`, message: `category "${c.start}" would be its own ancestor` });
    if (problems.length > 0) throw new ValidationError(dedupe(problems), 'the write would leave the inventory inconsistent');
  }

  /** foreign_key_check, each violation described. */
  private foreignKeyViolations(): Problem[] {
    const problems: Problem[] = [];
    const withoutRowid = new Set<string>();
    for (const v of this.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string; fkid: number }>) {
      if (v.rowid != null) {
        const row = this.db.prepare(`SELECT * FROM ${v.table} WHERE rowid = ?`).get(v.rowid) as Row | undefined;
        problems.push(this.describeViolation(v.table, row, v.parent));
      } else if (!withoutRowid.has(`${v.table}\u0000${v.fkid}`)) {
        // A WITHOUT ROWID table has no rowid to name the row by: find the offending rows by the key itself.
        withoutRowid.add(`${v.table}\u0000${v.fkid}`);
        for (const row of this.danglingRows(v.table, v.fkid)) problems.push(this.describeViolation(v.table, row, v.parent));
      }
    }
    return problems;
  }

  /** Rows of `table` whose foreign key `fkid` finds no parent row. */
  private danglingRows(table: string, fkid: number): Row[] {
    const fk = this.db.prepare(`SELECT "from" AS child, "table" AS parent, "to" AS key FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq`)
      .all(table, fkid) as Array<{ child: string; parent: string; key: string }>;
    const present = fk.map((c) => `c."${c.child}" IS NOT NULL`).join(' AND ');
    const match = fk.map((c) => `p."${c.key}" = c."${c.child}"`).join(' AND ');
    return this.db.prepare(`SELECT c.* FROM "${table}" c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM "${fk[0].parent}" p WHERE ${match})`).all() as Row[];
  }

  private describeViolation(table: string, row: Row | undefined, parent: string): Problem {
    if (!row) return { path: table, message: `a row references a missing ${parent} entry` };
    switch (table) {
      case 'sources':
        return { path: `${row.node_type}:${row.node_key}.sources`, message: `cites clause "${row.ref}" of document "${row.document_key}", which does not exist` };
      case 'clauses':
        return { path: `document:${row.document_key}`, message: 'clauses of a document that does not exist' };
      case 'categories':
        return { path: `category:${row.key}.parent`, message: `unknown category "${row.parent_key}"` };
      case 'fields':
        return { path: `field:${row.key}.category`, message: `unknown category "${row.category_key}"` };
      case 'flows':
        return { path: `flow:${row.key}`, message: `references a party that does not exist (from "${row.from_key}", to "${row.to_key}")` };
      default: {
        const list = FLOW_LISTS.find((l) => l.table === table);
        if (list) return { path: `flow:${row.flow_key}.${list.prop}`, message: `unknown ${list.target} "${row[list.column]}"` };
        return { path: table, message: `references a missing ${parent} entry` };
      }
    }
  }
}

/**
 * Proves, while a fresh write sends its rows, that every reference they hold names a row of the
 * same write. Written into empty tables, those rows are all there is, so this is what
 * foreign_key_check would find, at a Set lookup per reference rather than a b-tree search.
 * It can only prove: equal JS strings are equal text to SQLite, so keys that are not strings,
 * like any miss, leave the verdict (and the naming of the problems) to foreign_key_check.
 * The rows a node owns (clauses, flow lists, citations) name it by its own key, so hold.
 */
class FreshReferences {
  allResolve = true;
  readonly categories: Set<unknown>;
  readonly parties: Set<unknown>;
  private readonly byType: Partial<Record<NodeType, Set<unknown>>>;
  private readonly clauses = new Map<string, Set<string>>();

  constructor(m: Manifest) {
    // Only string keys go in, so a hit proves a string equal to a stored key.
    const keys = (nodes: Array<{ key: unknown }>) => {
      const set = new Set<unknown>();
      for (const n of nodes) if (typeof n.key === 'string') set.add(n.key);
      return set;
    };
    this.categories = keys(m.categories);
    this.parties = keys(m.parties);
    this.byType = { category: this.categories, party: this.parties, field: keys(m.fields), purpose: keys(m.purposes), permission: keys(m.permissions), legalBasis: keys(m.legalBases) };
    for (const d of m.documents) {
      if (typeof d.key !== 'string') continue;
      let refs = this.clauses.get(d.key);
      if (!refs) this.clauses.set(d.key, (refs = new Set()));
      for (const c of d.clauses) if (typeof c.ref === 'string') refs.add(c.ref);
    }
  }

  /** The keys of a type flows may reference. */
  keysOf(type: NodeType): Set<unknown> {
    return this.byType[type]!;
  }

  check(keys: Set<unknown>, key: unknown): this {
    if (!keys.has(key)) this.allResolve = false;
    return this;
  }

  clause(documentKey: string, ref: string): void {
    if (!this.clauses.get(documentKey)?.has(ref)) this.allResolve = false;
  }
}

/**
 * Whether every value write() binds to a CHECKed text column passes its CHECK (see CHECKS). Only
 * strings equal to an allowed value pass, or no value (SQL NULL passes a CHECK; NOT NULL stays on).
 */
function passesChecks(m: Manifest): boolean {
  const allowed = (table: string, column: string) => {
    const values = new Set<unknown>(CHECKS[table][column]);
    return (v: unknown) => v == null || (typeof v === 'string' && values.has(v));
  };
  const categoryClass = allowed('categories', 'sensitive_class');
  const fieldClass = allowed('fields', 'sensitive_class');
  const functionType = allowed('purposes', 'function_type');
  const partyKind = allowed('parties', 'kind');
  const flowKind = allowed('flows', 'kind');
  const consent = allowed('flows', 'consent');
  return m.categories.every((c) => categoryClass(c.sensitiveClass))
    && m.fields.every((f) => fieldClass(f.sensitiveClass))
    && m.purposes.every((p) => functionType(p.functionType))
    && m.parties.every((p) => partyKind(p.kind))
    && m.flows.every((f) => flowKind(f.kind) && consent(f.consent));
}

/**
 * The CHECK clauses in a CREATE TABLE statement, as written. Any other use of the word CHECK
 * (a CHECK this parser does not follow) makes the answer differ from every expected list.
 */
function checkClauses(sql: string): string[] {
  const clauses: string[] = [];
  const words = sql.match(/\bCHECK\b/gi)?.length ?? 0;
  for (const m of sql.matchAll(/\bCHECK \(/g)) {
    let depth = 0;
    let quoted = false;
    for (let i = m.index + 'CHECK '.length; i < sql.length; i++) {
      const ch = sql[i];
      if (ch === "'") quoted = !quoted;
      else if (!quoted && ch === '(') depth++;
      else if (!quoted && ch === ')' && --depth === 0) {
        clauses.push(sql.slice(m.index, i + 1));
        break;
      }
    }
  }
  return clauses.length === words ? clauses : [...clauses, `unparsed CHECK in: ${sql}`];
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

/**
 * The nodes in key order (a stable sort: of two nodes with one key, the later still wins), or
 * the same array when already so, as exports and generated manifests are. A shuffled L manifest
 * took 21 s to write as given, 9 s sorted first.
 */
function inKeyOrder<T extends { key: string }>(nodes: T[]): T[] {
  for (let i = 1; i < nodes.length; i++) {
    if (nodes[i - 1].key > nodes[i].key) return [...nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return nodes;
}

function nodeCount(m: Manifest): number {
  return m.documents.length + m.categories.length + m.fields.length + m.purposes.length + m.permissions.length
    + m.parties.length + m.legalBases.length + m.flows.length;
}

/** The columns every node table starts with, in order. */
function base(n: { key: string; name: string; nameZh?: string | null; description?: string | null }): [string, string, string | null, string | null] {
  return [n.key, n.name, n.nameZh ?? null, n.description ?? null];
}

function apiKeyFromRow(row: Row): ApiKeyRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    role: row.role as ApiKeyRecord['role'],
    hash: row.hash as string,
    createdAt: row.created_at as string,
    revokedAt: (row.revoked_at as string | null) ?? null,
  };
}

/** A field's own statement, else its category's effective sensitivity. */
function fieldEffective(row: Row, category: Sensitivity | undefined): Sensitivity {
  const own = { sensitive: row.sensitive == null ? null : row.sensitive === 1, sensitiveClass: (row.sensitive_class as SensitiveClass | null) ?? null };
  return resolveSensitivity(own, category ?? NOT_SENSITIVE);
}

function toInt(v: boolean | null | undefined): number | null {
  return v == null ? null : v ? 1 : 0;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
