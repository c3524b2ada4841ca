/**
 * How write() sends a manifest's rows: multi-row statements in key order, and for imports (a
 * REPLACE, many nodes, or an empty inventory) the fast paths: secondary indexes rebuilt once at
 * the end, references proven in JS rather than by foreign_key_check, CHECKs proven in JS and
 * turned off, and bulk connection settings. Each fast path is taken only when the schema is
 * exactly the one it was written for (SchemaFacts).
 */
import type Database from 'better-sqlite3';
import type { Manifest } from '../../domain/manifest';
import { isCrossBorder } from '../../domain/flows';
import { parseCitation } from '../../domain/references';
import {
  CONSENT_REQUIREMENTS,
  FLOW_KINDS,
  FUNCTION_TYPES,
  PARTY_KINDS,
  SENSITIVE_CLASSES,
  type ImportMode,
  type NodeType,
} from '../../domain/vocabulary';
import type { WriteSummary } from '../inventory-store';
import { BatchInsert } from './batch-insert';
import type { FlowLists } from './rows';
import { FLOW_LISTS, INVENTORY_TABLES, SQL, TABLE, type BatchStatement } from './sql';
import type { StatementCache } from './statement-cache';

/** From this many nodes on, a MERGE runs with the bulk settings too (see withBulkSettings()). */
const BULK_WRITE_NODES = 5000;
/** Helper threads SQLite may use to sort while re-creating indexes after a bulk write. */
const BULK_SORT_THREADS = 2;
/** Page cache while re-creating indexes after a bulk write, in KiB: SQLite's sort run size. */
const INDEX_SORT_CACHE_KIB = 4 * 1024;
/** Page cache for bulk writes, in KiB. */
const BULK_CACHE_KIB = 256 * 1024;

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
  flows: { kind: FLOW_KINDS, consent: CONSENT_REQUIREMENTS, optional: [0, 1], deidentified: [0, 1], cross_border: [0, 1] },
};
/** The tables write() writes, whose CHECKs CHECKS must name. */
const WRITTEN_TABLES = [...INVENTORY_TABLES, 'audit_log', 'node_versions'];

/** Whether a write runs with the bulk settings: every REPLACE, and a MERGE of many nodes. */
export function isBulk(m: Manifest, mode: ImportMode): boolean {
  return mode === 'REPLACE' || nodeCount(m) >= BULK_WRITE_NODES;
}

/** No row of the inventory is stored yet (nodes, nor the clauses, lists and citations they own). */
export function inventoryIsEmpty(q: StatementCache): boolean {
  return INVENTORY_TABLES.every((table) => !q.prepared(SQL.anyRow[table]).get());
}

/** Empties the inventory tables (REPLACE); returns how many nodes were removed. */
export function clearInventory(db: Database.Database): number {
  let removed = 0;
  for (const { table, sql } of SQL.clearInventory) {
    const n = db.prepare(sql).run().changes;
    if (!['sources', 'clauses'].includes(table) && !table.startsWith('flow_')) removed += n;
  }
  return removed;
}

/**
 * Whether FreshReferences covers every foreign key of the schema, and whether the CHECKs of the
 * tables write() writes are exactly CHECKS; read again whenever the schema changes.
 */
export class SchemaFacts {
  private cache: { version: number; foreignKeysProvable: boolean; checksAsExpected: boolean } | null = null;

  constructor(private readonly db: Database.Database) {}

  current(): { foreignKeysProvable: boolean; checksAsExpected: boolean } {
    const version = this.db.pragma('schema_version', { simple: true }) as number;
    if (this.cache?.version !== version) {
      const foreignKeys = this.db.prepare(SQL.foreignKeys).pluck().all() as string[];
      const schema = new Map(this.db.prepare(SQL.tableDefinitions).raw().all() as Array<[string, string]>);
      const checksAsExpected = WRITTEN_TABLES.every((table) => {
        const expected = Object.entries(CHECKS[table] ?? {}).map(([column, values]) =>
          `CHECK (${column} IN (${values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}))`);
        return sameItems(checkClauses(schema.get(table) ?? ''), expected);
      });
      this.cache = { version, foreignKeysProvable: sameItems(foreignKeys, PROVEN_FOREIGN_KEYS), checksAsExpected };
    }
    return this.cache;
  }
}

/**
 * Imports (REPLACE, or many nodes) run with foreign keys unchecked row by row, a larger page
 * cache, and helper threads for the sorts that re-create the indexes. Nothing is lost:
 * `assertConsistent` checks every reference before commit, as for every write, and write()
 * deletes explicitly what a cascade would. write() may also turn CHECKs off for its inserts
 * (see CHECKS). All these settings are put back, whatever happens.
 */
export function withBulkSettings<T>(db: Database.Database, work: () => T): T {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  db.pragma(`threads = ${BULK_SORT_THREADS}`);
  try {
    return work();
  } finally {
    db.pragma('ignore_check_constraints = OFF');
    db.pragma(`threads = ${threads}`);
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('foreign_keys = ON');
  }
}

/**
 * Drops the secondary indexes of the inventory tables and returns what re-creates them from
 * their own definitions: one sort per index at the end beats updating it row by row.
 * Runs inside the write's transaction, so a failed write gets its indexes back by rollback.
 */
export function dropSecondaryIndexes(q: StatementCache): () => void {
  const { db } = q;
  const indexes = q.all(SQL.secondaryIndexes, JSON.stringify(INVENTORY_TABLES)) as Array<{ name: string; sql: string }>;
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
  return () => {
    // SQLite sorts in runs of cache_size bytes: runs that fit the CPU cache, sorted by the
    // helper threads and merged, beat one sort of everything in memory. cache_spill keeps the
    // cache as large as before for the pages written so far, rather than spilling them now.
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_spill = -${BULK_CACHE_KIB}`);
    db.pragma(`cache_size = -${INDEX_SORT_CACHE_KIB}`);
    try {
      for (const ix of indexes) db.exec(ix.sql);
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
      db.pragma('cache_spill = 1'); // SQLite's default: spill once the cache is full
    }
  };
}

/**
 * Sends a manifest's rows. `fresh`: the tables are empty (after a REPLACE, or an empty
 * inventory), so nothing is there to replace: no deletes. `refs`, when given, is told every
 * reference the rows hold.
 */
export function writeManifestRows(q: StatementCache, manifest: Manifest, fresh: boolean, refs: FreshReferences | null): WriteSummary['written'] {
  const written = { document: 0, clause: 0, category: 0, field: 0, purpose: 0, permission: 0, party: 0, legalBasis: 0, flow: 0 };
  const s = writers(q);
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
  // The stored cross-border flag from the manifest's own parties: all of them in a fresh write;
  // after a MERGE, refreshCrossBorder() decides with the stored parties too.
  const countryOf = new Map(manifest.parties.map((p) => [p.key, p.country]));
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
          isCrossBorder(countryOf.get(f.from), countryOf.get(f.to)) ? 1 : 0,
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
  return written;
}

/**
 * After a MERGE into a stored inventory: the cross-border flag of the flows written and of every
 * flow to or from a party written, read from the stored parties (a party's country may change
 * without its flows being written).
 */
export function refreshCrossBorder(q: StatementCache, manifest: Manifest): void {
  if (manifest.flows.length === 0 && manifest.parties.length === 0) return;
  const parties = JSON.stringify(manifest.parties.map((p) => p.key));
  q.prepared(SQL.refreshCrossBorder).run(JSON.stringify(manifest.flows.map((f) => f.key)), parties, parties);
}

/**
 * What writeManifestRows() writes with: a multi-row upsert per node table (MERGE replaces a node
 * whole), plain multi-row inserts for the rows a node owns, and the deletes that clear those first.
 */
function writers(q: StatementCache) {
  const batch = (b: BatchStatement) => new BatchInsert(b.head, b.columns, b.tail, (sql) => q.prepared(sql));
  const batches = {
    documents: batch(SQL.batch.documents),
    clauses: batch(SQL.batch.clauses),
    categories: batch(SQL.batch.categories),
    fields: batch(SQL.batch.fields),
    purposes: batch(SQL.batch.purposes),
    permissions: batch(SQL.batch.permissions),
    parties: batch(SQL.batch.parties),
    legalBases: batch(SQL.batch.legalBases),
    flows: batch(SQL.batch.flows),
    flowLists: Object.fromEntries(FLOW_LISTS.map((l) => [l.prop, batch(SQL.batch.flowLists[l.prop])])) as Record<keyof FlowLists, BatchInsert>,
    sources: batch(SQL.batch.sources),
  };
  return {
    ...batches,
    deleteClauses: q.prepared(SQL.deleteClauses),
    deleteFlowList: Object.fromEntries(FLOW_LISTS.map((l) => [l.prop, q.prepared(SQL.deleteFlowList[l.prop])])) as Record<keyof FlowLists, Database.Statement>,
    deleteSources: q.prepared(SQL.deleteSources),
    /** Sends every buffered row. */
    flush() {
      for (const b of [batches.documents, batches.clauses, batches.categories, batches.fields, batches.purposes, batches.permissions,
        batches.parties, batches.legalBases, batches.flows, ...Object.values(batches.flowLists), batches.sources]) b.flush();
    },
  };
}

/**
 * Proves, while a fresh write sends its rows, that every reference they hold names a row of the
 * same write. Written into empty tables, those rows are all there is, so this is what
 * foreign_key_check would find, at a Set lookup per reference rather than a b-tree search.
 * It can only prove: equal JS strings are equal text to SQLite, so keys that are not strings,
 * like any miss, leave the verdict (and the naming of the problems) to foreign_key_check.
 * The rows a node owns (clauses, flow lists, citations) name it by its own key, so hold.
 */
export class FreshReferences {
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
export function passesChecks(m: Manifest): boolean {
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

function toInt(v: boolean | null | undefined): number | null {
  return v == null ? null : v ? 1 : 0;
}
