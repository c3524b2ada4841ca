/**
 * The Neo4j adapter: the same contract as the embedded store, for inventories that outgrow one
 * process (Neo4j 5.26 LTS, clusters and Aura) through neo4j-driver. This class answers the port;
 * the parts live beside it:
 * - transactions.ts: sessions sharing one bookmark manager (a read after a write sees it on a
 *   cluster), the inventory write lock every write takes first, Bolt-typed parameters;
 * - cypher.ts / cypher-reads.ts: every statement, fixed or composed per request;
 * - writes.ts: the steps of a write inside its transaction (audit "before", upserts and edges in
 *   batches, the checks that fail a write whole, the export read under the lock);
 * - replace.ts: REPLACE staged into a new inventory version and switched with its audit entry.
 *
 * Each read is one statement (pages: page + count in one transaction), content and version
 * together, so a GraphQL request costs the same number of round trips as on the embedded store.
 * Lineage fetches the edges that carry each field in one statement; the walk is the shared domain
 * function, so both stores give identical paths and `truncated` semantics.
 */
import { traceLineage, type FlowEdge, type TracedLineage } from '../../domain/lineage';
import { byKey, compareKeys } from '../../domain/key-order';
import type { Manifest } from '../../domain/manifest';
import { ConflictError, ReferencedError, ValidationError } from '../../domain/problems';
import { SECTION_OF } from '../../domain/references';
import { NODE_TYPES, type FlowKind, type ImportMode, type NodeType, type PartyKind } from '../../domain/vocabulary';
import type {
  CountsByKind,
  ListName,
  ListSizes,
  ListSizeStatistics,
  FieldQuery,
  FlowQuery,
  InventoryStore,
  LineageRequest,
  NodeOf,
  Page,
  PageRequest,
  PartyQuery,
  ReadParts,
  Relation,
  SnapshotInfo,
  StoreCapabilities,
  StoredClause,
  StoredField,
  WriteSummary,
} from '../inventory-store';
import type { ApiKeyRecord } from '../../domain/access';
import { CYPHER } from './cypher';
import { listAuditStatements, listFieldsStatements, listFlowsStatements, listPartiesStatement, pagePartiesStatements } from './cypher-reads';
import { apiKeyFromProps, auditFromProps, auditProps, clauseFromProps, recordAsAsked, type Props } from './records';
import { StagedReplace } from './replace';
import { Neo4jTransactions, rowsOf, run, type Neo4jConnection } from './transactions';
import { chunks, InventoryWrites } from './writes';
import {
  apiKeyAudit,
  auditInstant,
  changesOf,
  inventoryKeyChanges,
  snapshotAudit,
  SYSTEM_ACTOR,
  type AuditEntry,
  type AuditFilter,
  type WriteContext,
} from '../../domain/audit';


export interface Neo4jStoreOptions {
  database?: string;
  /** Rows per statement (default 1,000). */
  batchSize?: number;
  /** Nodes per transaction when a REPLACE stages them with their edges (default 5,000). */
  stagingBatchSize?: number;
  /** Shown in logs; must not contain secrets. */
  location?: string;
}

export class Neo4jStore implements InventoryStore {
  readonly kind = 'neo4j' as const;
  readonly capabilities: StoreCapabilities = { changeMarks: false };
  readonly location: string;
  private readonly tx: Neo4jTransactions;
  private readonly writes: InventoryWrites;
  private readonly replacer: StagedReplace;

  constructor(
    private readonly connection: Neo4jConnection,
    options: Neo4jStoreOptions = {},
  ) {
    this.tx = new Neo4jTransactions(connection, options.database);
    this.writes = new InventoryWrites(options.batchSize ?? 1000, options.stagingBatchSize ?? 5000);
    this.replacer = new StagedReplace(this.tx, this.writes);
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
      CYPHER.constraintClause,
      ...Object.values(CYPHER.constraintKey),
      ...Object.values(CYPHER.indexVersion),
      CYPHER.indexFlowKind,
      CYPHER.indexFlowCrossBorder,
    ];
    // Schema statements cannot share a transaction with data writes: one each, all idempotent.
    for (const statement of statements) await this.tx.writeTx((tx) => run(tx, statement));
    try {
      await this.tx.writeTx((tx) => run(tx, CYPHER.ensureControl, { now: new Date().toISOString() }));
    } catch (err) {
      // Another process created the control node at the same moment: it is there now.
      if (!(err instanceof ConflictError)) throw err;
      await this.tx.writeTx((tx) => run(tx, CYPHER.ensureControl, { now: new Date().toISOString() }));
    }
    // NodeVersion nodes of a database written when they belonged to an inventory version: made
    // independent of it, before the constraint on (nodeType, key) alone can hold.
    while (((await this.tx.writeLocked(async (tx, active) => rowsOf(await run(tx, CYPHER.adoptNodeVersions, { active, batch: this.writes.batchSize }))))[0]?.adopted as number) > 0);
    for (const statement of [...Object.values(CYPHER.dropNodeVersionPerV), CYPHER.constraintNodeVersion]) await this.tx.writeTx((tx) => run(tx, statement));
    await this.replacer.dropLeftoverVersions();
    // Audit entries written before the hash chain existed get their links (a no-op once they have them).
    await this.tx.writeLocked((tx) => this.writes.chainHead(tx));
    // Flows written before the stored cross-border flag existed (a no-op once all have it).
    while (((await this.tx.writeTx(async (tx) => rowsOf(await run(tx, CYPHER.fillCrossBorder, { batch: this.writes.batchSize }))))[0]?.filled as number) > 0);
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
    await this.tx.readTx((tx) => run(tx, CYPHER.ping));
  }

  // ---- reads --------------------------------------------------------------------------------

  async getNodes<T extends NodeType>(type: T, keys: readonly string[], parts?: ReadParts): Promise<Array<NodeOf[T] | null>> {
    if (keys.length === 0) return [];
    const statement = parts?.versions === false ? CYPHER.getNodesWithoutVersion[type] : CYPHER.getNodes[type];
    const rows = await this.tx.readRows(statement, { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((r) => {
      const record = recordAsAsked(type, r, parts);
      return [record.key, record];
    }));
    return keys.map((k) => (byKey.get(k) as NodeOf[T] | undefined) ?? null);
  }

  async getClauses(citations: readonly string[]): Promise<Array<StoredClause | null>> {
    if (citations.length === 0) return [];
    const rows = await this.tx.readRows(CYPHER.getClauses, { citations: [...new Set(citations)] });
    const byCitation = new Map(rows.map((r) => [(r.clause as Props).citation as string, clauseFromProps(r.clause as Props)]));
    return citations.map((c) => byCitation.get(c) ?? null);
  }

  async listSizeStatistics(): Promise<ListSizeStatistics> {
    const nodes = {} as Record<NodeType, number>;
    for (const type of NODE_TYPES) nodes[type] = Number((await this.tx.readRows(CYPHER.nodeCount[type], {}))[0]?.count ?? 0);
    const lists = {} as Record<ListName, ListSizes>;
    for (const [name, cypher] of Object.entries(CYPHER.listSizes) as Array<[ListName, string]>) {
      const [row] = await this.tx.readRows(cypher, {});
      lists[name] = { items: Number(row?.items ?? 0), sumOfSquares: Number(row?.sumOfSquares ?? 0), longest: Number(row?.longest ?? 0) };
    }
    return { nodes, lists };
  }

  async related(relation: Relation, keys: readonly string[]): Promise<string[][]> {
    if (keys.length === 0) return [];
    const rows = await this.tx.readRows(CYPHER.related[relation], { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((r) => [r.key as string, r.related as string[]]));
    // Clauses keep document order (the statement orders them); everything else is by key.
    const order = relation === 'document.clauses' ? (l: string[]) => l : (l: string[]) => [...l].sort(compareKeys);
    return keys.map((k) => order(byKey.get(k) ?? []));
  }

  async existingKeys(type: NodeType, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.tx.readRows(CYPHER.existingKeys[type], { keys: [...new Set(keys)] });
    return new Set(rows.map((r) => r.key as string));
  }

  async existingClauses(citations: readonly string[]): Promise<Set<string>> {
    const found = await this.getClauses(citations);
    return new Set(citations.filter((_, i) => found[i] !== null));
  }

  async referrers(type: NodeType, key: string): Promise<string[]> {
    return this.tx.readTx((tx) => this.writes.referrersIn(tx, type, key));
  }

  // The list reads below still read versions in their statements (one composed statement per
  // filter set, whose plans are pinned); `parts` only decides what the records carry.
  async listAll<T extends NodeType>(type: T, parts?: ReadParts): Promise<Array<NodeOf[T]>> {
    const rows = await this.tx.readRows(CYPHER.listAll[type], {});
    return rows.map((r) => recordAsAsked(type, r, parts)).sort(byKey);
  }

  async listFields(query: FieldQuery, page: PageRequest, parts?: ReadParts): Promise<Page<StoredField>> {
    return this.tx.readPage(listFieldsStatements(query, page, page.first + 1), page.first, (r) => recordAsAsked('field', r, parts));
  }

  async listParties(query: PartyQuery, page?: PageRequest | null, parts?: ReadParts): Promise<Page<NodeOf['party']>> {
    if (page) return this.tx.readPage(pagePartiesStatements(query, page, page.first + 1), page.first, (r) => recordAsAsked('party', r, parts));
    const { cypher, params } = listPartiesStatement(query);
    const nodes = (await this.tx.readRows(cypher, params)).map((r) => recordAsAsked('party', r, parts)).sort(byKey);
    return { nodes, totalCount: nodes.length, hasNextPage: false };
  }

  async countPartiesByKind(query: PartyQuery): Promise<CountsByKind<PartyKind>> {
    const { cypher, params } = pagePartiesStatements(query, { first: 0 }, 0).byKind;
    return Object.fromEntries((await this.tx.readRows(cypher, params)).map((r) => [r.kind as PartyKind, r.count as number]));
  }

  async countFlowsByKind(query: FlowQuery): Promise<CountsByKind<FlowKind>> {
    const { cypher, params } = listFlowsStatements(query, { first: 0 }, 0).byKind;
    return Object.fromEntries((await this.tx.readRows(cypher, params)).map((r) => [r.kind as FlowKind, r.count as number]));
  }

  async listFlows(query: FlowQuery, page: PageRequest, parts?: ReadParts): Promise<Page<NodeOf['flow']>> {
    return this.tx.readPage(listFlowsStatements(query, page, page.first + 1), page.first, (r) => recordAsAsked('flow', r, parts));
  }

  async traceLineage(requests: readonly LineageRequest[]): Promise<TracedLineage[]> {
    if (requests.length === 0) return [];
    const rows = await this.tx.readRows(CYPHER.lineageEdges, { keys: [...new Set(requests.map((r) => r.fieldKey))] });
    const edges = new Map(rows.map((r) => [r.key as string, r.edges as FlowEdge[]]));
    return requests.map((r) => traceLineage(edges.get(r.fieldKey) ?? [], r.direction, r.limits, r.startKeys ?? undefined));
  }

  async versions(type: NodeType, keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const rows = await this.tx.readRows(CYPHER.versions[type], { keys: [...new Set(keys)] });
    const byKey = new Map(rows.map((r) => [r.key as string, r.version as number]));
    return keys.map((k) => byKey.get(k) ?? 0);
  }

  async listAuditEntries(filter: AuditFilter, page: { first: number; afterId?: string | null }): Promise<Page<AuditEntry>> {
    // Ids are the database's sequence numbers; like the embedded store, a cursor that is not one
    // matches no later entry.
    const afterSeq = page.afterId == null ? null : /^\d+$/.test(page.afterId) ? Number(page.afterId) : -1;
    // `at` is Date.toISOString() text: bounds in that form compare as instants.
    const bounds = {
      ...(filter.since != null ? { since: auditInstant(filter.since, 'since') } : {}),
      ...(filter.until != null ? { until: auditInstant(filter.until, 'until') } : {}),
    };
    return this.tx.readPage(listAuditStatements({ ...filter, ...bounds }, afterSeq, page.first + 1), page.first, (r) => auditFromProps(r.entry as Props));
  }

  async auditEntriesInOrder(afterId: string | null, first: number): Promise<AuditEntry[]> {
    const afterSeq = afterId == null ? 0 : Number(afterId);
    return (await this.tx.readRows(CYPHER.auditInOrder, { afterSeq, limit: first })).map((r) => auditFromProps(r.entry as Props));
  }

  async exportManifest(): Promise<Manifest> {
    return this.tx.writeLocked((tx) => this.writes.exportIn(tx));
  }

  // ---- writes -------------------------------------------------------------------------------

  async write(manifest: Manifest, mode: ImportMode, context?: WriteContext): Promise<WriteSummary> {
    const written = { document: 0, clause: 0, category: 0, field: 0, purpose: 0, permission: 0, party: 0, legalBasis: 0, flow: 0 };
    for (const type of NODE_TYPES) written[type] = (manifest[SECTION_OF[type]] as unknown[]).length;
    written.clause = manifest.documents.reduce((n, d) => n + d.clauses.length, 0);
    const actor = context?.actor ?? SYSTEM_ACTOR;
    if (mode === 'REPLACE') return { mode, written, removed: await this.replacer.replace(manifest, context, actor) };
    await this.tx.writeLocked(async (tx, v) => {
      await this.writes.checkExpected(tx, v, context);
      // Into an empty inventory, as on the embedded store: one summary entry, not one per node.
      const fresh = (rowsOf(await run(tx, CYPHER.inventoryIsEmpty))[0]?.empty as boolean) ?? false;
      const changes = fresh
        ? null
        : changesOf(
          NODE_TYPES.flatMap((type) => (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((node) => ({ type, node }))),
          await this.writes.beforeLookup(tx, manifest),
        );
      const before = fresh ? await this.writes.countNodes(tx, v) : null;
      await this.writes.mergeInto(tx, manifest, v);
      const keysAfter = Object.fromEntries(NODE_TYPES.map((t) => [t, (manifest[SECTION_OF[t]] as Array<{ key: string }>).map((n) => n.key)]));
      const at = new Date().toISOString();
      if (changes) {
        await this.writes.appendAudit(tx, changes.map((c) => auditProps(at, actor, c.operation, c.type, c.key, c.before, c.after)));
        await run(tx, CYPHER.bumpVersions, { rows: changes.filter((c) => c.operation === 'UPDATE').map((c) => ({ type: c.type, key: c.key })) });
        await run(tx, CYPHER.continueVersions, { rows: changes.filter((c) => c.operation === 'CREATE').map((c) => ({ type: c.type, key: c.key })) });
      } else {
        // Into an empty inventory every node is created: keys remembered from deletes continue their sequence.
        const created = NODE_TYPES.flatMap((type) => (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((n) => ({ type, key: n.key })));
        for (const rows of chunks(created, this.writes.batchSize)) await run(tx, CYPHER.continueVersions, { rows });
        // An empty inventory before: every key is added, none removed.
        const after = { mode, nodes: await this.writes.countNodes(tx, v), ...inventoryKeyChanges({}, keysAfter) };
        await this.writes.appendAudit(tx, [auditProps(at, actor, 'REPLACE_INVENTORY', 'inventory', '*', { mode, nodes: before }, after)]);
      }
    });
    return { mode, written, removed: 0 };
  }

  async deleteNodes(type: NodeType, keys: readonly string[], context?: WriteContext): Promise<number> {
    const deleting = new Set(keys);
    return this.tx.writeLocked(async (tx, v) => {
      await this.writes.checkExpected(tx, v, context);
      const before = await this.writes.recordsIn(tx, type, keys);
      for (const key of keys) {
        // Referrers deleted in the same call do not block (a category with its only child).
        const blocking = (await this.writes.referrersIn(tx, type, key)).filter(
          (r) => !(r.startsWith(`${type}:`) && deleting.has(r.slice(type.length + 1))),
        );
        if (blocking.length > 0) throw new ReferencedError(type, key, blocking);
      }
      const deleted = (rowsOf(await run(tx, CYPHER.deleteNode[type], { keys: [...deleting], v }))[0]?.deleted as number) ?? 0;
      const at = new Date().toISOString();
      const gone = [...before.entries()];
      await this.writes.appendAudit(tx, gone.map(([key, record]) => auditProps(at, context?.actor ?? SYSTEM_ACTOR, 'DELETE', type, key, record, null)));
      // Deleted keys keep their NodeVersion, one up: a node created again under one continues from it.
      await run(tx, CYPHER.bumpVersions, { rows: gone.map(([key]) => ({ type, key })) });
      return deleted;
    });
  }

  // ---- API keys -----------------------------------------------------------------------------

  async saveApiKey(record: ApiKeyRecord, context?: WriteContext): Promise<void> {
    // Under the inventory lock: its audit entry takes the next number and link of the chain.
    await this.tx.writeLocked(async (tx) => {
      await run(tx, CYPHER.saveApiKey, { id: record.id, name: record.name, role: record.role, hash: record.hash, createdAt: record.createdAt });
      await this.writes.appendAudit(tx, [auditProps(new Date().toISOString(), context?.actor ?? SYSTEM_ACTOR, 'API_KEY_CREATE', 'api-key', record.id, null, apiKeyAudit(record))]);
    });
  }

  async findApiKey(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.tx.readRows(CYPHER.findApiKey, { id });
    return row ? apiKeyFromProps(row.key as Props) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.tx.readRows(CYPHER.listApiKeys, {})).map((r) => apiKeyFromProps(r.key as Props));
  }

  async revokeApiKey(id: string, at: string, context?: WriteContext): Promise<boolean> {
    return this.tx.writeLocked(async (tx) => {
      const [row] = rowsOf(await run(tx, CYPHER.findApiKey, { id }));
      if (((rowsOf(await run(tx, CYPHER.revokeApiKey, { id, at }))[0]?.revoked as number) ?? 0) === 0) return false;
      const before = apiKeyAudit(apiKeyFromProps(row.key as Props));
      await this.writes.appendAudit(tx, [auditProps(new Date().toISOString(), context?.actor ?? SYSTEM_ACTOR, 'API_KEY_REVOKE', 'api-key', id, before, { ...before, revokedAt: at })]);
      return true;
    });
  }

  // ---- snapshots ----------------------------------------------------------------------------

  async saveSnapshot(label: string, context?: WriteContext): Promise<SnapshotInfo> {
    const createdAt = new Date().toISOString();
    await this.tx.writeLocked(async (tx) => {
      if ((rowsOf(await run(tx, CYPHER.snapshotExists, { label }))[0]?.n as number) > 0) {
        throw new ValidationError([{ path: 'label', message: `snapshot "${label}" already exists; snapshots are never overwritten` }], 'invalid snapshot');
      }
      // The copy is read under the same lock it is written with: exactly the inventory of that moment.
      const manifest = await this.writes.exportIn(tx);
      await run(tx, CYPHER.createSnapshot, { label, createdAt, manifest: JSON.stringify(manifest) });
      await this.writes.appendAudit(tx, [auditProps(new Date().toISOString(), context?.actor ?? SYSTEM_ACTOR, 'SNAPSHOT', 'snapshot', label, null, snapshotAudit({ label, createdAt }, manifest))]);
    });
    return { label, createdAt };
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    return (await this.tx.readRows(CYPHER.listSnapshots, {})).map((r) => ({ label: r.label as string, createdAt: r.createdAt as string }));
  }

  async getSnapshot(label: string): Promise<Manifest | null> {
    const [row] = await this.tx.readRows(CYPHER.getSnapshot, { label });
    return row ? (JSON.parse(row.manifest as string) as Manifest) : null;
  }

}
