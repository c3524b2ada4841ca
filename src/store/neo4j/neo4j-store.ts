/**
 * The Neo4j adapter: the same contract as the embedded store, for inventories that outgrow one
 * process (Neo4j 5.26+ clusters and Aura) through neo4j-driver.
 *
 * - Reads run in `executeRead` (a cluster routes them to readers), writes in `executeWrite`.
 * - Every value is a parameter; every statement comes from cypher.ts.
 * - Each read method is one statement (paged lists: page + count), like the embedded store,
 *   so a GraphQL request costs the same number of round trips on either.
 * - Lineage: one statement fetches the edges that carry each field; the walk itself is the
 *   shared domain function, so both stores give identical paths and `truncated` semantics and
 *   nothing enumerates paths inside the database.
 * - MERGE writes are one transaction. REPLACE imports stream in batches into a new inventory
 *   version (readers keep seeing the active one), are checked, then switched active in one small
 *   transaction; the old version is deleted in batches afterwards. From a user's view a REPLACE
 *   is all-or-nothing however large it is.
 */
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
import type { ApiKeyRecord } from '../../services/access/api-keys';
import { CYPHER } from './cypher';
import { LABEL, OWNED_EDGES, nodeTypeOfLabel, type OwnedEdge } from './graph-model';
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
export interface Neo4jConnection {
  session(config: { database?: string; defaultAccessMode?: 'READ' | 'WRITE' }): Neo4jSession;
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

export class Neo4jStore implements InventoryStore {
  readonly kind = 'neo4j' as const;
  readonly capabilities: StoreCapabilities = { snapshotReads: false, nativeTraversal: false, listVersions: false };
  readonly location: string;
  private readonly database?: string;
  private readonly batchSize: number;

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
      CYPHER.constraintVersion,
      CYPHER.constraintSnapshot,
      CYPHER.constraintApiKey,
      CYPHER.constraintAudit,
      CYPHER.indexAuditEntity,
      CYPHER.constraintNodeVersion,
      CYPHER.constraintClause,
      ...Object.values(CYPHER.constraintKey),
      ...Object.values(CYPHER.indexVersion),
    ];
    // Schema statements cannot share a transaction with data writes: one each, all idempotent.
    for (const statement of statements) await this.writeTx((tx) => tx.run(statement));
    await this.writeTx((tx) => tx.run(CYPHER.ensureActiveVersion, { now: new Date().toISOString() }));
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
    await this.readTx((tx) => tx.run(CYPHER.ping));
  }

  // ---- reads --------------------------------------------------------------------------------

  async getNodes<T extends NodeType>(type: T, keys: readonly string[]): Promise<Array<NodeOf[T] | null>> {
    if (keys.length === 0) return [];
    const unique = [...new Set(keys)];
    // Content and versions in one read transaction, so they belong together.
    const [rows, versions] = await this.readTx(async (tx) => [
      rowsOf(await tx.run(CYPHER.getNodes[type], { keys: unique })),
      new Map(rowsOf(await tx.run(CYPHER.readVersions, { nodeType: type, keys: unique })).map((r) => [r.key as string, r.version as number])),
    ] as const);
    const byKey = new Map(rows.map((r) => {
      const record = fromProps(type, r.node as Props, r.chain as never);
      return [record.key, { ...record, version: versions.get(record.key) ?? 1 }];
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
    return this.readTx((tx) => this.referrersIn(tx, type, key, 'active'));
  }

  async listAll<T extends NodeType>(type: T): Promise<Array<NodeOf[T]>> {
    const rows = await this.readRows(CYPHER.listAll[type], {});
    return rows.map((r) => fromProps(type, r.node as Props, r.chain as never)).sort(byKey);
  }

  async listFields(query: FieldQuery, page: PageRequest): Promise<Page<StoredField>> {
    const params = {
      search: query.search ? query.search.toLowerCase() : null,
      sensitive: query.sensitive ?? null,
      categoryKey: query.categoryKey ?? null,
      purposeKey: query.purposeKey ?? null,
      permissionKey: query.permissionKey ?? null,
      recipientKey: query.recipientKey ?? null,
    };
    return this.readTx(async (tx) => {
      const rows = rowsOf(await tx.run(CYPHER.listFieldsPage, { ...params, afterKey: page.afterKey ?? null, limit: page.first + 1 }));
      const total = rowsOf(await tx.run(CYPHER.listFieldsCount, params))[0]?.total as number;
      const nodes = rows.map((r) => fromProps('field', r.node as Props, r.chain as never));
      return { nodes: nodes.slice(0, page.first), totalCount: total ?? 0, hasNextPage: nodes.length > page.first };
    });
  }

  async listParties(query: PartyQuery): Promise<Array<NodeOf['party']>> {
    const rows = await this.readRows(CYPHER.listParties, { search: query.search ? query.search.toLowerCase() : null, kind: query.kind ?? null });
    return rows.map((r) => fromProps('party', r.node as Props)).sort(byKey);
  }

  async listFlows(query: FlowQuery, page: PageRequest): Promise<Page<NodeOf['flow']>> {
    const params = {
      fieldKey: query.fieldKey ?? null,
      fromKey: query.fromKey ?? null,
      toKey: query.toKey ?? null,
      purposeKey: query.purposeKey ?? null,
      kind: query.kind ?? null,
      crossBorder: query.crossBorder ?? null,
    };
    return this.readTx(async (tx) => {
      const rows = rowsOf(await tx.run(CYPHER.listFlowsPage, { ...params, afterKey: page.afterKey ?? null, limit: page.first + 1 }));
      const total = rowsOf(await tx.run(CYPHER.listFlowsCount, params))[0]?.total as number;
      const nodes = rows.map((r) => fromProps('flow', r.node as Props));
      return { nodes: nodes.slice(0, page.first), totalCount: total ?? 0, hasNextPage: nodes.length > page.first };
    });
  }

  async traceLineage(requests: readonly LineageRequest[]): Promise<TracedLineage[]> {
    if (requests.length === 0) return [];
    const rows = await this.readRows(CYPHER.lineageEdges, { keys: [...new Set(requests.map((r) => r.fieldKey))] });
    const edges = new Map(rows.map((r) => [r.key as string, r.edges as FlowEdge[]]));
    return requests.map((r) => traceLineage(edges.get(r.fieldKey) ?? [], r.direction, r.limits, r.startKeys ?? undefined));
  }

  // ---- writes -------------------------------------------------------------------------------

  async write(manifest: Manifest, mode: ImportMode, context?: WriteContext): Promise<WriteSummary> {
    const written = { document: 0, clause: 0, category: 0, field: 0, purpose: 0, permission: 0, party: 0, legalBasis: 0, flow: 0 };
    for (const type of NODE_TYPES) written[type] = (manifest[SECTION_OF[type]] as unknown[]).length;
    written.clause = manifest.documents.reduce((n, d) => n + d.clauses.length, 0);
    const actor = context?.actor ?? SYSTEM_ACTOR;
    if (mode === 'MERGE') {
      await this.writeTx(async (tx) => {
        await this.checkExpected(tx, context);
        const changes = changesOf(
          NODE_TYPES.flatMap((type) => (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((node) => ({ type, node }))),
          await this.beforeLookup(tx, manifest),
        );
        const v = await this.mergeInto(tx, manifest);
        const at = new Date().toISOString();
        await tx.run(CYPHER.appendAudit, { entries: changes.map((c) => auditProps(at, actor, c.operation, c.type, c.key, c.before, c.after)) });
        await tx.run(CYPHER.bumpVersions, { rows: changes.filter((c) => c.operation === 'UPDATE').map((c) => ({ type: c.type, key: c.key })), v });
        await tx.run(CYPHER.resetVersions, { rows: changes.filter((c) => c.operation === 'CREATE').map((c) => ({ type: c.type, key: c.key })), v });
      });
      return { mode, written, removed: 0 };
    }
    const removed = await this.replaceStaged(manifest);
    await this.writeTx((tx) =>
      tx.run(CYPHER.appendAudit, { entries: [auditProps(new Date().toISOString(), actor, 'REPLACE_INVENTORY', 'inventory', '*', { mode, removed }, { mode, nodes: written })] }),
    );
    return { mode, written, removed };
  }

  async deleteNodes(type: NodeType, keys: readonly string[], context?: WriteContext): Promise<number> {
    const deleting = new Set(keys);
    return this.writeTx(async (tx) => {
      await this.checkExpected(tx, context);
      const before = await this.recordsIn(tx, type, keys);
      let deleted = 0;
      for (const key of keys) {
        // Referrers deleted in the same call do not block (a category with its only child).
        const blocking = (await this.referrersIn(tx, type, key, 'active')).filter(
          (r) => !(r.startsWith(`${type}:`) && deleting.has(r.slice(type.length + 1))),
        );
        if (blocking.length > 0) throw new ReferencedError(type, key, blocking);
      }
      for (const key of keys) deleted += (rowsOf(await tx.run(CYPHER.deleteNode[type], { key }))[0]?.deleted as number) ?? 0;
      const at = new Date().toISOString();
      const gone = [...before.entries()];
      await tx.run(CYPHER.appendAudit, { entries: gone.map(([key, record]) => auditProps(at, context?.actor ?? SYSTEM_ACTOR, 'DELETE', type, key, record, null)) });
      await tx.run(CYPHER.resetVersions, { rows: gone.map(([key]) => ({ type, key })), v: await this.activeVersion(tx) });
      return deleted;
    });
  }

  async exportManifest(): Promise<Manifest> {
    return this.readTx(async (tx) => {
      const all = async <T extends NodeType>(type: T) =>
        rowsOf(await tx.run(CYPHER.listAll[type], {})).map((r) => fromProps(type, r.node as Props, r.chain as never)).sort(byKey);
      const clauses = rowsOf(await tx.run(CYPHER.exportClauses, {})).map((r) => r.clause as Props);
      const strip = <R extends { effective: unknown }>(r: R): Omit<R, 'effective'> => {
        const { effective: _, ...rest } = r;
        return rest;
      };
      const documents = (await all('document')).map((d) => ({
        ...d,
        clauses: clauses
          .filter((c) => c.documentKey === d.key)
          .sort((a, b) => (a.ordinal as number) - (b.ordinal as number))
          .map(clauseRecord),
      }));
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
    });
  }

  async versions(type: NodeType, keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    return this.readTx(async (tx) => {
      const existing = new Set(rowsOf(await tx.run(CYPHER.existingKeys[type], { keys: [...keys] })).map((r) => r.key as string));
      const stored = new Map(rowsOf(await tx.run(CYPHER.readVersions, { nodeType: type, keys: [...keys] })).map((r) => [r.key as string, r.version as number]));
      return keys.map((k) => (existing.has(k) ? (stored.get(k) ?? 1) : 0));
    });
  }

  async listAuditEntries(filter: AuditFilter, page: { first: number; afterId?: string | null }): Promise<Page<AuditEntry>> {
    const params = {
      entityType: filter.entityType ?? null,
      entityKey: filter.entityKey ?? null,
      actor: filter.actor ?? null,
      operation: filter.operation ?? null,
      since: filter.since ?? null,
      until: filter.until ?? null,
    };
    return this.readTx(async (tx) => {
      const rows = rowsOf(await tx.run(CYPHER.listAuditPage, { ...params, afterId: page.afterId ?? null, limit: page.first + 1 }));
      const total = rowsOf(await tx.run(CYPHER.listAuditCount, params))[0]?.total as number;
      const entries = rows.map((r) => auditFromProps(r.entry as Props));
      return { nodes: entries.slice(0, page.first), totalCount: total ?? 0, hasNextPage: entries.length > page.first };
    });
  }

  /** Throws ConflictError unless each expected version is the stored one (inside the write's transaction). */
  private async checkExpected(tx: QueryRunner, context: WriteContext | undefined): Promise<void> {
    for (const e of context?.expectedVersions ?? []) {
      const exists = rowsOf(await tx.run(CYPHER.existingKeys[e.type], { keys: [e.key] })).length > 0;
      if (!exists) throw new ConflictError(e.type, e.key, e.version, null);
      const actual = (rowsOf(await tx.run(CYPHER.readVersions, { nodeType: e.type, keys: [e.key] }))[0]?.version as number | undefined) ?? 1;
      if (actual !== e.version) throw new ConflictError(e.type, e.key, e.version, actual);
    }
  }

  /** Stored records (manifest-shaped, documents with clauses) for the audit log's "before". */
  private async recordsIn(tx: QueryRunner, type: NodeType, keys: readonly string[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    if (keys.length === 0) return out;
    const rows = rowsOf(await tx.run(CYPHER.getNodes[type], { keys: [...new Set(keys)] }));
    const clauses = type === 'document' ? rowsOf(await tx.run(CYPHER.exportClauses, {})).map((r) => r.clause as Props) : [];
    for (const r of rows) {
      const { effective: _, ...record } = fromProps(type, r.node as Props, r.chain as never) as unknown as Record<string, unknown> & { key: string };
      out.set(
        record.key,
        type === 'document'
          ? { ...record, clauses: clauses.filter((c) => c.documentKey === record.key).sort((a, b) => (a.ordinal as number) - (b.ordinal as number)).map(clauseRecord) }
          : record,
      );
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

  // ---- API keys -----------------------------------------------------------------------------

  async saveApiKey(record: ApiKeyRecord): Promise<void> {
    await this.writeTx((tx) => tx.run(CYPHER.saveApiKey, { id: record.id, name: record.name, role: record.role, hash: record.hash, createdAt: record.createdAt }));
  }

  async findApiKey(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.readRows(CYPHER.findApiKey, { id });
    return row ? apiKeyFromProps(row.key as Props) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.readRows(CYPHER.listApiKeys, {})).map((r) => apiKeyFromProps(r.key as Props));
  }

  async revokeApiKey(id: string, at: string): Promise<boolean> {
    return this.writeTx(async (tx) => ((rowsOf(await tx.run(CYPHER.revokeApiKey, { id, at }))[0]?.revoked as number) ?? 0) > 0);
  }

  // ---- snapshots ----------------------------------------------------------------------------

  async saveSnapshot(label: string): Promise<SnapshotInfo> {
    const manifest = await this.exportManifest();
    const createdAt = new Date().toISOString();
    await this.writeTx(async (tx) => {
      if ((rowsOf(await tx.run(CYPHER.snapshotExists, { label }))[0]?.n as number) > 0) {
        throw new ValidationError([{ path: 'label', message: `snapshot "${label}" already exists; snapshots are never overwritten` }], 'invalid snapshot');
      }
      await tx.run(CYPHER.createSnapshot, { label, createdAt, manifest: JSON.stringify(manifest) });
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

  // ---- internals ----------------------------------------------------------------------------

  private session(mode: 'READ' | 'WRITE'): Neo4jSession {
    return this.connection.session({ database: this.database, defaultAccessMode: mode });
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
    } finally {
      await session.close();
    }
  }

  private async readRows(query: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.readTx(async (tx) => rowsOf(await tx.run(query, params)));
  }

  private async referrersIn(tx: QueryRunner, type: NodeType, key: string, _version: 'active'): Promise<string[]> {
    const query = CYPHER.referrers[type];
    if (!query) return [];
    const rows = rowsOf(await tx.run(query, { key }));
    const names = rows.flatMap((r) => {
      const t = (r.labels as string[]).map(nodeTypeOfLabel).find((x) => x !== null);
      return t ? [`${t}:${String(r.key)}`] : [];
    });
    return [...new Set(names)].sort(compareKeys);
  }

  private async activeVersion(tx: QueryRunner): Promise<number> {
    const [row] = rowsOf(await tx.run(CYPHER.activeVersion));
    if (!row) throw new Error('the Neo4j database has no active inventory version; run `fieldtrail migrate`');
    return row.v as number;
  }

  /** A MERGE: nodes first (so references within the manifest resolve), then their edges, then checks. */
  private async mergeInto(tx: QueryRunner, manifest: Manifest): Promise<number> {
    const v = await this.activeVersion(tx);
    const problems: Problem[] = [];
    const removedCitations = await this.writeDocuments(tx, manifest, v);
    for (const type of NODE_TYPES) {
      if (type === 'document') continue;
      const nodes = manifest[SECTION_OF[type]] as Array<{ key: string }>;
      for (const rows of chunks(nodes.map((n) => ({ key: n.key, props: toProps(type, n as never) })), this.batchSize)) {
        await tx.run(CYPHER.upsertNodes[type], { rows, v });
      }
    }
    for (const type of NODE_TYPES) problems.push(...(await this.linkOwnedEdges(tx, type, manifest, v, true)));
    problems.push(...(await this.checkAfterWrite(tx, manifest, v, removedCitations)));
    if (problems.length > 0) throw new ValidationError(problems, 'the write would leave the inventory inconsistent');
    return v;
  }

  /** Upserts documents and their clauses; returns who cited clauses that are now gone. */
  private async writeDocuments(tx: QueryRunner, manifest: Manifest, v: number): Promise<Row[]> {
    if (manifest.documents.length === 0) return [];
    await tx.run(CYPHER.upsertNodes.document, { rows: manifest.documents.map((d) => ({ key: d.key, props: toProps('document', d) })), v });
    const removed = rowsOf(await tx.run(CYPHER.dropRemovedClauses, { documents: manifest.documents.map((d) => ({ key: d.key, refs: d.clauses.map((c) => c.ref) })), v }));
    const clauseRows = manifest.documents.flatMap((d) =>
      d.clauses.map((c, i) => ({
        documentKey: d.key,
        citation: `${d.key}#${c.ref}`,
        props: { documentKey: d.key, ref: c.ref, ordinal: i, text: c.text, ...(c.title ? { title: c.title } : {}) },
      })),
    );
    for (const rows of chunks(clauseRows, this.batchSize)) await tx.run(CYPHER.upsertClauses, { rows, v });
    return removed.flatMap((r) => (r.citing as Array<{ labels: string[]; key: string }>).map((c) => ({ label: c.labels.find((l) => nodeTypeOfLabel(l)) ?? c.labels[0], key: c.key, citation: r.citation })));
  }

  /** Rebuilds the edges the written nodes own; returns a problem per target that does not exist. */
  private async linkOwnedEdges(tx: QueryRunner, type: NodeType, manifest: Manifest, v: number, dropFirst: boolean): Promise<Problem[]> {
    const nodes = manifest[SECTION_OF[type]] as Array<Record<string, unknown> & { key: string }>;
    if (nodes.length === 0 || OWNED_EDGES[type].length === 0) return [];
    if (dropFirst) {
      for (const keys of chunks(nodes.map((n) => n.key), this.batchSize)) await tx.run(CYPHER.dropOwnedEdges[type]!, { keys, v });
    }
    const problems: Problem[] = [];
    for (const edge of OWNED_EDGES[type]) {
      const links = nodes.flatMap((n) => edgeTargets(type, edge, n).map((target) => ({ owner: n.key, target })));
      for (const batch of chunks(links, this.batchSize)) {
        for (const missing of rowsOf(await tx.run(CYPHER.linkEdges[type][edge.rel], { links: batch, v }))) {
          problems.push({
            path: `${type}:${String(missing.owner)}.${edge.target === 'clause' ? 'sources' : edgeProp(edge)}`,
            message: edge.target === 'clause' ? `cites clause "${String(missing.target)}", which does not exist` : `unknown ${edge.target} "${String(missing.target)}"`,
          });
        }
      }
    }
    return problems;
  }

  private async checkAfterWrite(tx: QueryRunner, manifest: Manifest, v: number, removedCitations: Row[]): Promise<Problem[]> {
    const problems: Problem[] = [];
    if (removedCitations.length > 0) {
      for (const r of rowsOf(await tx.run(CYPHER.danglingCitations, { checks: removedCitations, v }))) {
        const type = nodeTypeOfLabel(r.label as string) ?? String(r.label);
        problems.push({ path: `${type}:${String(r.key)}.sources`, message: `cites clause "${String(r.citation)}", which the new version of its document no longer has` });
      }
    }
    if (manifest.categories.length > 0) {
      for (const r of rowsOf(await tx.run(CYPHER.categoryCycles, { keys: manifest.categories.map((c) => c.key), v }))) {
        problems.push({ path: `category:${String(r.key)}`, message: `category "${String(r.key)}" would be its own ancestor` });
      }
    }
    return problems;
  }

  /** Streams a REPLACE into a new version, checks it, switches it active, drops the old one. */
  private async replaceStaged(manifest: Manifest): Promise<number> {
    const now = new Date().toISOString();
    const staging = await this.writeTx(async (tx) => rowsOf(await tx.run(CYPHER.createStagingVersion, { now }))[0].v as number);
    try {
      await this.writeTx((tx) => this.writeDocuments(tx, manifest, staging));
      for (const type of NODE_TYPES) {
        if (type === 'document') continue;
        const nodes = manifest[SECTION_OF[type]] as Array<{ key: string }>;
        for (const rows of chunks(nodes.map((n) => ({ key: n.key, props: toProps(type, n as never) })), this.batchSize)) {
          await this.writeTx((tx) => tx.run(CYPHER.upsertNodes[type], { rows, v: staging }));
        }
      }
      const problems: Problem[] = [];
      for (const type of NODE_TYPES) {
        // Each type's edges in their own transaction keeps transactions small on large imports.
        problems.push(...(await this.writeTx((tx) => this.linkOwnedEdges(tx, type, manifest, staging, false))));
      }
      problems.push(...(await this.writeTx((tx) => this.checkAfterWrite(tx, manifest, staging, []))));
      if (problems.length > 0) throw new ValidationError(problems, 'the write would leave the inventory inconsistent');
    } catch (err) {
      await this.dropVersion(staging);
      throw err;
    }
    const previous = await this.writeTx(async (tx) => rowsOf(await tx.run(CYPHER.switchVersion, { v: staging }))[0]?.previous as number | null);
    if (previous == null) return 0;
    const removed = await this.readTx(async (tx) => rowsOf(await tx.run(CYPHER.countVersionNodes, { v: previous }))[0]?.n as number);
    await this.dropVersion(previous);
    return removed ?? 0;
  }

  private async dropVersion(v: number): Promise<void> {
    for (const [, statement] of Object.entries(CYPHER.deleteVersionBatch)) {
      for (;;) {
        const deleted = await this.writeTx(async (tx) => rowsOf(await tx.run(statement, { v, batch: this.batchSize }))[0]?.deleted as number);
        if (!deleted) break;
      }
    }
    await this.writeTx((tx) => tx.run(CYPHER.deleteVersion, { v }));
  }
}

/** A stored clause as the manifest has it (no title key when it has none). */
function clauseRecord(c: Props): { ref: string; title?: string; text: string } {
  return c.title == null ? { ref: c.ref as string, text: c.text as string } : { ref: c.ref as string, title: c.title as string, text: c.text as string };
}

let auditCounter = 0;

/** Ids sort by time, then by a per-process counter, then a random tail against collisions. */
function auditProps(at: string, actor: string, operation: AuditOperation, entityType: string, entityKey: string, before: unknown, after: unknown): Props {
  const id = `${Date.now().toString().padStart(15, '0')}-${(auditCounter++ % 1_000_000).toString().padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`;
  return compact({
    id,
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
