/**
 * The Neo4j adapter: the same contract as the embedded store, for inventories that outgrow one
 * process (Neo4j 5.26 LTS, clusters and Aura) through neo4j-driver.
 *
 * - Reads run in `executeRead` (a cluster routes them to readers), writes in `executeWrite`;
 *   every session shares one bookmark manager, so a read after a write sees it on a cluster too.
 * - Every write transaction first locks the control node (`lockInventory`), then reads the
 *   active version: writers take turns as on the embedded store, an expected version cannot move
 *   between check and write, and nothing writes into a version a REPLACE has just retired.
 * - A node's content and version come from one statement; exports and snapshots read under the
 *   write lock, so no writer commits halfway through them.
 * - Every value is a parameter, and integers go as Bolt integers (a JS number is a float).
 * - Lineage: one statement fetches the edges that carry each field; the walk itself is the
 *   shared domain function, so both stores give identical paths and `truncated` semantics.
 * - REPLACE streams in bounded batches into a new inventory version (readers keep seeing the
 *   active one), is checked, then switched active together with its audit entry in one small
 *   transaction; the retired version is deleted in batches afterwards, and versions left by a
 *   crash are deleted by the next REPLACE or `migrate`.
 */
import neo4j, { type BookmarkManager } from 'neo4j-driver';
import { traceLineage, type FlowEdge, type TracedLineage } from '../../domain/lineage';
import type { Manifest } from '../../domain/manifest';
import { ConflictError, ReferencedError, ValidationError, type Problem } from '../../domain/problems';
import { SECTION_OF } from '../../domain/references';
import { NODE_TYPES, type ImportMode, type NodeType } from '../../domain/vocabulary';
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
  SnapshotInfo,
  StoreCapabilities,
  StoredClause,
  StoredField,
  WriteSummary,
} from '../inventory-store';
import type { ApiKeyRecord } from '../../domain/access';
import { CYPHER } from './cypher';
import { listAuditStatements, listFieldsStatements, listFlowsStatements, listPartiesStatement, type PagedStatements } from './cypher-reads';
import { OWNED_EDGES, nodeTypeOfLabel, type OwnedEdge } from './graph-model';
import { clauseFromProps, compact, fromProps, toProps, type Props } from './records';
import { changesOf, SYSTEM_ACTOR, type AuditEntry, type AuditFilter, type AuditOperation, type WriteContext } from '../../domain/audit';

/** The part of neo4j-driver's API the adapter uses (a real Driver satisfies it). */
export interface QueryRunner {
  run(query: string, parameters?: Record<string, unknown>): Promise<{ records: Array<{ toObject(): Record<string, unknown> }> }>;
}
export interface Neo4jSession {
  executeRead<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  executeWrite<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
export interface SessionConfig {
  database?: string;
  defaultAccessMode?: 'READ' | 'WRITE';
  /** Shared by every session of a store: causal consistency across them. */
  bookmarkManager?: BookmarkManager;
}
export interface Neo4jConnection {
  session(config: SessionConfig): Neo4jSession;
  close(): Promise<void>;
}

export interface Neo4jStoreOptions {
  database?: string;
  /** Rows per statement and per transaction when streaming a REPLACE import. */
  batchSize?: number;
  /** Shown in logs; must not contain secrets. */
  location?: string;
}

type Row = Record<string, unknown>;
type NodeCounts = Record<NodeType, number>;

/** A staged REPLACE older than this is taken for abandoned (its writer died) and deleted. */
const STAGING_ABANDONED_MS = 6 * 60 * 60 * 1000;

export class Neo4jStore implements InventoryStore {
  readonly kind = 'neo4j' as const;
  readonly capabilities: StoreCapabilities = { snapshotReads: false, nativeTraversal: false, listVersions: true };
  readonly location: string;
  private readonly database?: string;
  private readonly batchSize: number;
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(
    private readonly connection: Neo4jConnection,
    options: Neo4jStoreOptions = {},
  ) {
    this.database = options.database;
    this.batchSize = options.batchSize ?? 1000;
    this.location = options.location ?? `neo4j:${options.database ?? 'default'}`;
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  async migrate(): Promise<void> {
    const statements = [
      CYPHER.constraintControl,
      CYPHER.constraintVersion,
      CYPHER.constraintSnapshot,
      CYPHER.constraintApiKey,
      CYPHER.constraintAudit,
      CYPHER.indexAuditSeq,
      CYPHER.indexAuditEntity,
      CYPHER.constraintNodeVersion,
      CYPHER.constraintClause,
      ...Object.values(CYPHER.constraintKey),
      ...Object.values(CYPHER.indexVersion),
    ];
    // Schema statements cannot share a transaction with data writes: one each, all idempotent.
    for (const statement of statements) await this.writeTx((tx) => run(tx, statement));
    try {
      await this.writeTx((tx) => run(tx, CYPHER.ensureControl, { now: new Date().toISOString() }));
    } catch (err) {
      // Another process created the control node at the same moment: it is there now.
      if (!(err instanceof ConflictError)) throw err;
      await this.writeTx((tx) => run(tx, CYPHER.ensureControl, { now: new Date().toISOString() }));
    }
    await this.dropLeftoverVersions();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /**
   * Null: MERGE writes change nodes in place, so telling whether anything changed would take a
   * round trip per request; answers are not cached on this adapter.
   */
  async changeMark(): Promise<null> {
    return null;
  }

  async ping(): Promise<void> {
    await this.readTx((tx) => run(tx, CYPHER.ping));
  }

  // ---- reads --------------------------------------------------------------------------------

  async getNodes<T extends NodeType>(type: T, keys: readonly string[]): Promise<Array<NodeOf[T] | null>> {
    if (keys.length === 0) return [];
    const rows = await this.readRows(CYPHER.getNodes[type], { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((r) => {
      const record = withVersion(type, r);
      return [record.key, record];
    }));
    return keys.map((k) => (byKey.get(k) as NodeOf[T] | undefined) ?? null);
  }

  async getClauses(citations: readonly string[]): Promise<Array<StoredClause | null>> {
    if (citations.length === 0) return [];
    const rows = await this.readRows(CYPHER.getClauses, { citations: [...new Set(citations)] });
    const byCitation = new Map(rows.map((r) => [(r.clause as Props).citation as string, clauseFromProps(r.clause as Props)]));
    return citations.map((c) => byCitation.get(c) ?? null);
  }

  async related(relation: Relation, keys: readonly string[]): Promise<string[][]> {
    if (keys.length === 0) return [];
    const rows = await this.readRows(CYPHER.related[relation], { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((r) => [r.key as string, r.related as string[]]));
    // Clauses keep document order (the statement orders them); everything else is by key.
    const order = relation === 'document.clauses' ? (l: string[]) => l : (l: string[]) => [...l].sort(compareKeys);
    return keys.map((k) => order(byKey.get(k) ?? []));
  }

  async existingKeys(type: NodeType, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.readRows(CYPHER.existingKeys[type], { keys: [...new Set(keys)] });
    return new Set(rows.map((r) => r.key as string));
  }

  async existingClauses(citations: readonly string[]): Promise<Set<string>> {
    const found = await this.getClauses(citations);
    return new Set(citations.filter((_, i) => found[i] !== null));
  }

  async referrers(type: NodeType, key: string): Promise<string[]> {
    return this.readTx((tx) => this.referrersIn(tx, type, key));
  }

  async listAll<T extends NodeType>(type: T): Promise<Array<NodeOf[T]>> {
    const rows = await this.readRows(CYPHER.listAll[type], {});
    return rows.map((r) => withVersion(type, r)).sort(byKey);
  }

  async listFields(query: FieldQuery, page: PageRequest): Promise<Page<StoredField>> {
    return this.readPage(listFieldsStatements(query, page, page.first + 1), page.first, (r) => withVersion('field', r));
  }

  async listParties(query: PartyQuery): Promise<Array<NodeOf['party']>> {
    const { cypher, params } = listPartiesStatement(query);
    return (await this.readRows(cypher, params)).map((r) => withVersion('party', r)).sort(byKey);
  }

  async listFlows(query: FlowQuery, page: PageRequest): Promise<Page<NodeOf['flow']>> {
    return this.readPage(listFlowsStatements(query, page, page.first + 1), page.first, (r) => withVersion('flow', r));
  }

  async traceLineage(requests: readonly LineageRequest[]): Promise<TracedLineage[]> {
    if (requests.length === 0) return [];
    const rows = await this.readRows(CYPHER.lineageEdges, { keys: [...new Set(requests.map((r) => r.fieldKey))] });
    const edges = new Map(rows.map((r) => [r.key as string, r.edges as FlowEdge[]]));
    return requests.map((r) => traceLineage(edges.get(r.fieldKey) ?? [], r.direction, r.limits, r.startKeys ?? undefined));
  }

  async versions(type: NodeType, keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const rows = await this.readRows(CYPHER.versions[type], { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((r) => [r.key as string, r.version as number]));
    return keys.map((k) => byKey.get(k) ?? 0);
  }

  async listAuditEntries(filter: AuditFilter, page: { first: number; afterId?: string | null }): Promise<Page<AuditEntry>> {
    // Ids are the database's sequence numbers; like the embedded store, a cursor that is not one
    // matches no later entry.
    const afterSeq = page.afterId == null ? null : /^\d+$/.test(page.afterId) ? Number(page.afterId) : -1;
    return this.readPage(listAuditStatements(filter, afterSeq, page.first + 1), page.first, (r) => auditFromProps(r.entry as Props));
  }

  async exportManifest(): Promise<Manifest> {
    return this.writeLocked((tx) => this.exportIn(tx));
  }

  // ---- writes -------------------------------------------------------------------------------

  async write(manifest: Manifest, mode: ImportMode, context?: WriteContext): Promise<WriteSummary> {
    const written = { document: 0, clause: 0, category: 0, field: 0, purpose: 0, permission: 0, party: 0, legalBasis: 0, flow: 0 };
    for (const type of NODE_TYPES) written[type] = (manifest[SECTION_OF[type]] as unknown[]).length;
    written.clause = manifest.documents.reduce((n, d) => n + d.clauses.length, 0);
    const actor = context?.actor ?? SYSTEM_ACTOR;
    if (mode === 'REPLACE') return { mode, written, removed: await this.replaceStaged(manifest, context, actor) };
    await this.writeLocked(async (tx, v) => {
      await this.checkExpected(tx, v, context);
      // Into an empty inventory, as on the embedded store: one summary entry, not one per node.
      const fresh = (rowsOf(await run(tx, CYPHER.inventoryIsEmpty))[0]?.empty as boolean) ?? false;
      const changes = fresh
        ? null
        : changesOf(
          NODE_TYPES.flatMap((type) => (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((node) => ({ type, node }))),
          await this.beforeLookup(tx, manifest),
        );
      const before = fresh ? await this.countNodes(tx, v) : null;
      await this.mergeInto(tx, manifest, v);
      const at = new Date().toISOString();
      if (changes) {
        await this.appendAudit(tx, changes.map((c) => auditProps(at, actor, c.operation, c.type, c.key, c.before, c.after)));
        await run(tx, CYPHER.bumpVersions, { rows: changes.filter((c) => c.operation === 'UPDATE').map((c) => ({ type: c.type, key: c.key })), v });
        await run(tx, CYPHER.resetVersions, { rows: changes.filter((c) => c.operation === 'CREATE').map((c) => ({ type: c.type, key: c.key })), v });
      } else {
        await this.deleteAllBatched(tx, CYPHER.deleteVersionBatch.nodeVersion, v);
        await this.appendAudit(tx, [auditProps(at, actor, 'REPLACE_INVENTORY', 'inventory', '*', { mode, nodes: before }, { mode, nodes: await this.countNodes(tx, v) })]);
      }
    });
    return { mode, written, removed: 0 };
  }

  async deleteNodes(type: NodeType, keys: readonly string[], context?: WriteContext): Promise<number> {
    const deleting = new Set(keys);
    return this.writeLocked(async (tx, v) => {
      await this.checkExpected(tx, v, context);
      const before = await this.recordsIn(tx, type, keys);
      for (const key of keys) {
        // Referrers deleted in the same call do not block (a category with its only child).
        const blocking = (await this.referrersIn(tx, type, key)).filter(
          (r) => !(r.startsWith(`${type}:`) && deleting.has(r.slice(type.length + 1))),
        );
        if (blocking.length > 0) throw new ReferencedError(type, key, blocking);
      }
      const deleted = (rowsOf(await run(tx, CYPHER.deleteNode[type], { keys: [...deleting], v }))[0]?.deleted as number) ?? 0;
      const at = new Date().toISOString();
      const gone = [...before.entries()];
      await this.appendAudit(tx, gone.map(([key, record]) => auditProps(at, context?.actor ?? SYSTEM_ACTOR, 'DELETE', type, key, record, null)));
      await run(tx, CYPHER.resetVersions, { rows: gone.map(([key]) => ({ type, key })), v });
      return deleted;
    });
  }

  // ---- API keys -----------------------------------------------------------------------------

  async saveApiKey(record: ApiKeyRecord): Promise<void> {
    await this.writeTx((tx) => run(tx, CYPHER.saveApiKey, { id: record.id, name: record.name, role: record.role, hash: record.hash, createdAt: record.createdAt }));
  }

  async findApiKey(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.readRows(CYPHER.findApiKey, { id });
    return row ? apiKeyFromProps(row.key as Props) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.readRows(CYPHER.listApiKeys, {})).map((r) => apiKeyFromProps(r.key as Props));
  }

  async revokeApiKey(id: string, at: string): Promise<boolean> {
    return this.writeTx(async (tx) => ((rowsOf(await run(tx, CYPHER.revokeApiKey, { id, at }))[0]?.revoked as number) ?? 0) > 0);
  }

  // ---- snapshots ----------------------------------------------------------------------------

  async saveSnapshot(label: string): Promise<SnapshotInfo> {
    const createdAt = new Date().toISOString();
    await this.writeLocked(async (tx) => {
      if ((rowsOf(await run(tx, CYPHER.snapshotExists, { label }))[0]?.n as number) > 0) {
        throw new ValidationError([{ path: 'label', message: `snapshot "${label}" already exists; snapshots are never overwritten` }], 'invalid snapshot');
      }
      // The copy is read under the same lock it is written with: exactly the inventory of that moment.
      const manifest = await this.exportIn(tx);
      await run(tx, CYPHER.createSnapshot, { label, createdAt, manifest: JSON.stringify(manifest) });
    });
    return { label, createdAt };
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    return (await this.readRows(CYPHER.listSnapshots, {})).map((r) => ({ label: r.label as string, createdAt: r.createdAt as string }));
  }

  async getSnapshot(label: string): Promise<Manifest | null> {
    const [row] = await this.readRows(CYPHER.getSnapshot, { label });
    return row ? (JSON.parse(row.manifest as string) as Manifest) : null;
  }

  // ---- transactions -------------------------------------------------------------------------

  private session(mode: 'READ' | 'WRITE'): Neo4jSession {
    return this.connection.session({ database: this.database, defaultAccessMode: mode, bookmarkManager: this.bookmarks });
  }

  private async readTx<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  private async writeTx<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw asConflict(err);
    } finally {
      await session.close();
    }
  }

  /** A write transaction holding the inventory lock; `work` gets the active version. */
  private async writeLocked<T>(work: (tx: QueryRunner, v: number) => Promise<T>): Promise<T> {
    return this.writeTx(async (tx) => {
      await run(tx, CYPHER.lockInventory, { now: new Date().toISOString() });
      const [control] = rowsOf(await run(tx, CYPHER.readControl));
      if (!control) throw new Error('the Neo4j database has no FieldTrail control node; run `fieldtrail migrate`');
      return work(tx, control.v as number);
    });
  }

  private async readRows(query: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.readTx(async (tx) => rowsOf(await run(tx, query, params)));
  }

  /** A page and its count in one read transaction. */
  private async readPage<T>(statements: PagedStatements, first: number, toNode: (r: Row) => T): Promise<Page<T>> {
    return this.readTx(async (tx) => {
      const rows = rowsOf(await run(tx, statements.page.cypher, statements.page.params));
      const total = rowsOf(await run(tx, statements.count.cypher, statements.count.params))[0]?.total as number;
      const nodes = rows.map(toNode);
      return { nodes: nodes.slice(0, first), totalCount: total ?? 0, hasNextPage: nodes.length > first };
    });
  }

  // ---- inside a transaction -----------------------------------------------------------------

  private async exportIn(tx: QueryRunner): Promise<Manifest> {
    const all = async <T extends NodeType>(type: T) =>
      rowsOf(await run(tx, CYPHER.listAll[type], {})).map((r) => fromProps(type, r.node as Props, r.chain as never)).sort(byKey);
    const clauses = rowsOf(await run(tx, CYPHER.exportClauses, {})).map((r) => r.clause as Props);
    const strip = <R extends { effective: unknown }>(r: R): Omit<R, 'effective'> => {
      const { effective: _, ...rest } = r;
      return rest;
    };
    const byDocument = groupClauses(clauses);
    const documents = (await all('document')).map((d) => ({ ...d, clauses: byDocument.get(d.key) ?? [] }));
    return {
      version: 1 as const,
      documents,
      categories: (await all('category')).map(strip),
      fields: (await all('field')).map(strip),
      purposes: await all('purpose'),
      permissions: await all('permission'),
      parties: await all('party'),
      legalBases: await all('legalBasis'),
      flows: await all('flow'),
    };
  }

  /** Throws ConflictError unless each expected version is the stored one (the lock is held). */
  private async checkExpected(tx: QueryRunner, v: number, context: WriteContext | undefined): Promise<void> {
    void v;
    for (const e of context?.expectedVersions ?? []) {
      const actual = (rowsOf(await run(tx, CYPHER.versions[e.type], { keys: [e.key] }))[0]?.version as number | undefined) ?? 0;
      if (actual === 0) throw new ConflictError(e.type, e.key, e.version, null);
      if (actual !== e.version) throw new ConflictError(e.type, e.key, e.version, actual);
    }
  }

  private async countNodes(tx: QueryRunner, v: number): Promise<NodeCounts> {
    const [row] = rowsOf(await run(tx, CYPHER.countVersionNodes, { v }));
    return Object.fromEntries(NODE_TYPES.map((t) => [t, (row?.[t] as number) ?? 0])) as NodeCounts;
  }

  private async appendAudit(tx: QueryRunner, entries: Props[]): Promise<void> {
    if (entries.length > 0) await run(tx, CYPHER.appendAudit, { entries });
  }

  /** Stored records (manifest-shaped, documents with clauses) for the audit log's "before". */
  private async recordsIn(tx: QueryRunner, type: NodeType, keys: readonly string[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    if (keys.length === 0) return out;
    const rows = rowsOf(await run(tx, CYPHER.getNodes[type], { keys: [...new Set(keys)] }));
    const byDocument = type === 'document' ? groupClauses(rowsOf(await run(tx, CYPHER.exportClauses, {})).map((r) => r.clause as Props)) : null;
    for (const r of rows) {
      const { effective: _, ...record } = fromProps(type, r.node as Props, r.chain as never) as unknown as Record<string, unknown> & { key: string };
      out.set(record.key, byDocument ? { ...record, clauses: byDocument.get(record.key) ?? [] } : record);
    }
    return out;
  }

  private async beforeLookup(tx: QueryRunner, manifest: Manifest): Promise<(type: NodeType, key: string) => unknown> {
    const byType = new Map<NodeType, Map<string, unknown>>();
    for (const type of NODE_TYPES) {
      const keys = (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((n) => n.key);
      if (keys.length) byType.set(type, await this.recordsIn(tx, type, keys));
    }
    return (type, key) => byType.get(type)?.get(key) ?? null;
  }

  private async referrersIn(tx: QueryRunner, type: NodeType, key: string): Promise<string[]> {
    const query = CYPHER.referrers[type];
    if (!query) return [];
    const rows = rowsOf(await run(tx, query, { key }));
    const names = rows.flatMap((r) => {
      const t = (r.labels as string[]).map(nodeTypeOfLabel).find((x) => x !== null);
      return t ? [`${t}:${String(r.key)}`] : [];
    });
    return [...new Set(names)].sort(compareKeys);
  }

  /** A MERGE: nodes first (so references within the manifest resolve), then their edges, then checks. */
  private async mergeInto(tx: QueryRunner, manifest: Manifest, v: number): Promise<void> {
    const problems: Problem[] = [];
    const removedCitations = await this.writeDocuments(tx, manifest, v);
    for (const type of NODE_TYPES) {
      if (type === 'document') continue;
      for (const rows of chunks(nodeRows(type, manifest), this.batchSize)) await run(tx, CYPHER.upsertNodes[type], { rows, v });
    }
    for (const type of NODE_TYPES) {
      const nodes = manifest[SECTION_OF[type]] as Array<Record<string, unknown> & { key: string }>;
      const dropOwned = CYPHER.dropOwnedEdges[type];
      if (dropOwned) for (const keys of chunks(nodes.map((n) => n.key), this.batchSize)) await run(tx, dropOwned, { keys, v });
      for (const batch of edgeBatches(type, nodes, this.batchSize)) problems.push(...(await this.link(tx, type, batch, v)));
    }
    problems.push(...(await this.checkAfterWrite(tx, manifest, v, removedCitations)));
    if (problems.length > 0) throw new ValidationError(problems, 'the write would leave the inventory inconsistent');
  }

  /** Upserts documents and their clauses; returns who cited clauses that are now gone. */
  private async writeDocuments(tx: QueryRunner, manifest: Manifest, v: number): Promise<Row[]> {
    if (manifest.documents.length === 0) return [];
    await run(tx, CYPHER.upsertNodes.document, { rows: manifest.documents.map((d) => ({ key: d.key, props: toProps('document', d) })), v });
    const removed = rowsOf(await run(tx, CYPHER.dropRemovedClauses, { documents: manifest.documents.map((d) => ({ key: d.key, refs: d.clauses.map((c) => c.ref) })), v }));
    for (const rows of chunks(clauseRows(manifest), this.batchSize)) await run(tx, CYPHER.upsertClauses, { rows, v });
    return removed.flatMap((r) => (r.citing as Array<{ labels: string[]; key: string }>).map((c) => ({ label: c.labels.find((l) => nodeTypeOfLabel(l)) ?? c.labels[0], key: c.key, citation: r.citation })));
  }

  /** Creates one batch of owned edges; a problem for each target that does not exist. */
  private async link(tx: QueryRunner, type: NodeType, batch: EdgeBatch, v: number): Promise<Problem[]> {
    const { edge, links } = batch;
    return rowsOf(await run(tx, CYPHER.linkEdges[type][edge.rel], { links, v })).map((missing) => ({
      path: `${type}:${String(missing.owner)}.${edge.target === 'clause' ? 'sources' : edgeProp(edge)}`,
      message: edge.target === 'clause' ? `cites clause "${String(missing.target)}", which does not exist` : `unknown ${edge.target} "${String(missing.target)}"`,
    }));
  }

  private async checkAfterWrite(tx: QueryRunner, manifest: Manifest, v: number, removedCitations: Row[]): Promise<Problem[]> {
    const problems: Problem[] = [];
    if (removedCitations.length > 0) {
      for (const r of rowsOf(await run(tx, CYPHER.danglingCitations, { checks: removedCitations, v }))) {
        const type = nodeTypeOfLabel(r.label as string) ?? String(r.label);
        problems.push({ path: `${type}:${String(r.key)}.sources`, message: `cites clause "${String(r.citation)}", which the new version of its document no longer has` });
      }
    }
    for (const keys of chunks(manifest.categories.map((c) => c.key), this.batchSize)) {
      for (const r of rowsOf(await run(tx, CYPHER.categoryCycles, { keys, v }))) {
        problems.push({ path: `category:${String(r.key)}`, message: `category "${String(r.key)}" would be its own ancestor` });
      }
    }
    return problems;
  }

  // ---- REPLACE ------------------------------------------------------------------------------

  /** Streams a REPLACE into a new version, checks it, switches it active with its audit entry; returns the nodes removed. */
  private async replaceStaged(manifest: Manifest, context: WriteContext | undefined, actor: string): Promise<number> {
    await this.dropLeftoverVersions();
    const now = new Date().toISOString();
    const staging = await this.writeLocked(async (tx) => rowsOf(await run(tx, CYPHER.createStagingVersion, { now }))[0].v as number);
    let previous: number;
    let removed: number;
    try {
      await this.writeTx((tx) => this.writeDocuments(tx, manifest, staging));
      for (const type of NODE_TYPES) {
        if (type === 'document') continue;
        for (const rows of chunks(nodeRows(type, manifest), this.batchSize)) {
          await this.writeTx((tx) => run(tx, CYPHER.upsertNodes[type], { rows, v: staging }));
        }
      }
      const problems: Problem[] = [];
      for (const type of NODE_TYPES) {
        const nodes = manifest[SECTION_OF[type]] as Array<Record<string, unknown> & { key: string }>;
        // One bounded transaction per batch of edges: no transaction grows with the import.
        for (const batch of edgeBatches(type, nodes, this.batchSize)) problems.push(...(await this.writeTx((tx) => this.link(tx, type, batch, staging))));
      }
      problems.push(...(await this.writeTx((tx) => this.checkAfterWrite(tx, manifest, staging, []))));
      if (problems.length > 0) throw new ValidationError(problems, 'the write would leave the inventory inconsistent');
      // The switch: under the lock, with the expected versions checked and the audit entry written in it.
      [previous, removed] = await this.writeLocked(async (tx, active) => {
        await this.checkExpected(tx, active, context);
        const before = await this.countNodes(tx, active);
        await run(tx, CYPHER.switchVersion, { v: staging });
        const after = await this.countNodes(tx, staging);
        const mode: ImportMode = 'REPLACE';
        await this.appendAudit(tx, [auditProps(new Date().toISOString(), actor, 'REPLACE_INVENTORY', 'inventory', '*', { mode, nodes: before }, { mode, nodes: after })]);
        return [active, NODE_TYPES.reduce((n, t) => n + before[t], 0)] as const;
      });
    } catch (err) {
      await this.dropVersion(staging).catch(() => undefined);
      throw err;
    }
    // The REPLACE has committed; a failure to delete the retired version now is mended by the next one.
    await this.dropVersion(previous).catch(() => undefined);
    return removed;
  }

  /** Deletes retired versions, and staged ones whose writer died (older than STAGING_ABANDONED_MS). */
  private async dropLeftoverVersions(): Promise<void> {
    const staleBefore = new Date(Date.now() - STAGING_ABANDONED_MS).toISOString();
    for (const row of await this.readRows(CYPHER.leftoverVersions, { staleBefore })) await this.dropVersion(row.v as number);
  }

  private async dropVersion(v: number): Promise<void> {
    for (const statement of Object.values(CYPHER.deleteVersionBatch)) {
      for (;;) {
        const deleted = await this.writeTx(async (tx) => rowsOf(await run(tx, statement, { v, batch: this.batchSize }))[0]?.deleted as number);
        if (!deleted) break;
      }
    }
    await this.writeTx((tx) => run(tx, CYPHER.deleteVersion, { v }));
  }

  /** Deletes every node a batch statement matches, inside the caller's transaction. */
  private async deleteAllBatched(tx: QueryRunner, statement: string, v: number): Promise<void> {
    while ((rowsOf(await run(tx, statement, { v, batch: this.batchSize }))[0]?.deleted as number) > 0);
  }
}

// ---- helpers ----------------------------------------------------------------------------------

/**
 * Runs a statement with its parameters as Bolt types: neo4j-driver sends every JS number as a
 * float, and Cypher refuses floats where it needs integers (LIMIT, list indexes) and stores them
 * as floats elsewhere. Every integer the adapter sends is one (versions, limits, ordinals).
 */
function run(tx: QueryRunner, query: string, params: Record<string, unknown> = {}) {
  return tx.run(query, boltParams(params) as Record<string, unknown>);
}

export function boltParams(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`the Neo4j adapter sends only integers, got ${value}`);
    return neo4j.int(value);
  }
  if (Array.isArray(value)) return value.map(boltParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = boltParams(v);
    return out;
  }
  return value;
}

/** A uniqueness constraint hit by a concurrent writer is a conflict (retry), not an internal error. */
function asConflict(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') return err;
  const message = String((err as Error).message);
  const label = /label `(\w+)`/.exec(message)?.[1] ?? '';
  const key = /`(?:key|label|id|citation)` = '([^']*)'/.exec(message)?.[1] ?? '';
  const type = nodeTypeOfLabel(label) ?? (label || 'node');
  return new ConflictError(type, key, 0, null, `${type} "${key}" was written by someone else at the same moment; reload and retry`);
}

/** A node read with its version (list reads hand out versions too: `listVersions`). */
function withVersion<T extends NodeType>(type: T, r: Row): NodeOf[T] {
  return { ...fromProps(type, r.node as Props, r.chain as never), version: (r.version as number | undefined) ?? 1 } as NodeOf[T];
}

function nodeRows(type: NodeType, manifest: Manifest): Array<{ key: string; props: Props }> {
  return (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((n) => ({ key: n.key, props: toProps(type, n as never) }));
}

function clauseRows(manifest: Manifest) {
  return manifest.documents.flatMap((d) =>
    d.clauses.map((c, i) => ({
      documentKey: d.key,
      citation: `${d.key}#${c.ref}`,
      props: { documentKey: d.key, ref: c.ref, ordinal: i, text: c.text, ...(c.title ? { title: c.title } : {}) },
    })),
  );
}

interface EdgeBatch {
  edge: OwnedEdge;
  links: Array<{ owner: string; target: string }>;
}

/** The owned edges of written nodes, per relationship type, in batches. */
function* edgeBatches(type: NodeType, nodes: Array<Record<string, unknown> & { key: string }>, size: number): Generator<EdgeBatch> {
  for (const edge of OWNED_EDGES[type]) {
    const links = nodes.flatMap((n) => edgeTargets(type, edge, n).map((target) => ({ owner: n.key, target })));
    for (const batch of chunks(links, size)) yield { edge, links: batch };
  }
}

/** Clauses per document, in document order, as the manifest has them. */
function groupClauses(clauses: Props[]): Map<string, Array<{ ref: string; title?: string; text: string }>> {
  const out = new Map<string, Array<{ ref: string; title?: string; text: string }>>();
  const sorted = [...clauses].sort((a, b) => compareKeys(a.documentKey as string, b.documentKey as string) || (a.ordinal as number) - (b.ordinal as number));
  for (const c of sorted) {
    const list = out.get(c.documentKey as string) ?? [];
    list.push(clauseRecord(c));
    out.set(c.documentKey as string, list);
  }
  return out;
}

/** A stored clause as the manifest has it (no title key when it has none). */
function clauseRecord(c: Props): { ref: string; title?: string; text: string } {
  return c.title == null ? { ref: c.ref as string, text: c.text as string } : { ref: c.ref as string, title: c.title as string, text: c.text as string };
}

/** An audit entry's properties; its id and sequence number are given by the database (appendAudit). */
function auditProps(at: string, actor: string, operation: AuditOperation, entityType: string, entityKey: string, before: unknown, after: unknown): Props {
  return compact({
    at,
    actor,
    operation,
    entityType,
    entityKey,
    before: before == null ? null : JSON.stringify(before),
    after: after == null ? null : JSON.stringify(after),
  });
}

function auditFromProps(p: Props): AuditEntry {
  return {
    id: p.id as string,
    at: p.at as string,
    actor: p.actor as string,
    operation: p.operation as AuditOperation,
    entityType: p.entityType as AuditEntry['entityType'],
    entityKey: p.entityKey as string,
    before: p.before == null ? null : JSON.parse(p.before as string),
    after: p.after == null ? null : JSON.parse(p.after as string),
  };
}

function apiKeyFromProps(p: Props): ApiKeyRecord {
  return {
    id: p.id as string,
    name: p.name as string,
    role: p.role as ApiKeyRecord['role'],
    hash: p.hash as string,
    createdAt: p.createdAt as string,
    revokedAt: (p.revokedAt as string | undefined) ?? null,
  };
}

function rowsOf(result: { records: Array<{ toObject(): Record<string, unknown> }> }): Row[] {
  return result.records.map((r) => r.toObject());
}

function edgeTargets(type: NodeType, edge: OwnedEdge, node: Record<string, unknown>): string[] {
  const props = toProps(type, node as never);
  const value = props[edge.prop];
  if (value == null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

/** The manifest property an edge comes from, for problem paths (`flow:x.purposes`). */
function edgeProp(edge: OwnedEdge): string {
  return ({ fromKey: 'from', toKey: 'to' } as Record<string, string>)[edge.prop] ?? edge.prop;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Code-point order, the same order SQLite's BINARY collation gives keys. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKey(a: { key: string }, b: { key: string }): number {
  return compareKeys(a.key, b.key);
}
