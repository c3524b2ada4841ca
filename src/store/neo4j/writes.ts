/**
 * The steps of a write, each inside the caller's transaction: reading what a write replaces (for
 * the audit log), upserting nodes and rebuilding their edges in batches, the checks that make a
 * write fail whole, counts, the audit entries, and the export read under the write lock.
 */
import type { Manifest } from '../../domain/manifest';
import { isCrossBorder } from '../../domain/flows';
import { ConflictError, ValidationError, type Problem } from '../../domain/problems';
import { SECTION_OF } from '../../domain/references';
import { NODE_TYPES, type NodeType } from '../../domain/vocabulary';
import { createHash } from 'node:crypto';
import { auditEntryHashInput, GENESIS_HASH, type AuditEntry, type WriteContext } from '../../domain/audit';
import { byKey, compareKeys } from '../../domain/key-order';
import { CYPHER } from './cypher';
import { OWNED_EDGES, nodeTypeOfLabel, type OwnedEdge } from './graph-model';
import { auditFromProps, clauseRecord, fromProps, toProps, type Props } from './records';
import { rowsOf, run, type QueryRunner, type Row } from './transactions';

export type NodeCounts = Record<NodeType, number>;

export class InventoryWrites {
  /**
   * `batchSize`: rows per statement; `stagingBatchSize`: rows per statement and per transaction
   * when a REPLACE stages nodes with their edges.
   */
  constructor(
    readonly batchSize: number,
    readonly stagingBatchSize: number,
  ) {}

  async exportIn(tx: QueryRunner): Promise<Manifest> {
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
  async checkExpected(tx: QueryRunner, v: number, context: WriteContext | undefined): Promise<void> {
    void v;
    for (const e of context?.expectedVersions ?? []) {
      const actual = (rowsOf(await run(tx, CYPHER.versions[e.type], { keys: [e.key] }))[0]?.version as number | undefined) ?? 0;
      if (actual === 0) throw new ConflictError(e.type, e.key, e.version, null);
      if (actual !== e.version) throw new ConflictError(e.type, e.key, e.version, actual);
    }
  }

  async countNodes(tx: QueryRunner, v: number): Promise<NodeCounts> {
    const [row] = rowsOf(await run(tx, CYPHER.countVersionNodes, { v }));
    return Object.fromEntries(NODE_TYPES.map((t) => [t, (row?.[t] as number) ?? 0])) as NodeCounts;
  }

  /**
   * Appends entries (auditProps) numbered from the control node's sequence, each linked by its
   * hash to the entry before. Callers hold the inventory lock (writeLocked), so the sequence and
   * the last link are read and extended by one writer at a time.
   */
  async appendAudit(tx: QueryRunner, entries: Props[]): Promise<AuditEntry[]> {
    if (entries.length === 0) return [];
    let previous = await this.chainHead(tx);
    const base = rowsOf(await run(tx, CYPHER.readControl))[0].seq as number;
    const written: AuditEntry[] = [];
    const rows = entries.map((props, i) => {
      const seq = base + i + 1;
      const content = auditFromProps({ ...props, id: String(seq) });
      const hash = sha256(auditEntryHashInput(previous, content));
      written.push({ ...content, previousHash: previous, hash });
      const row = { ...props, seq, id: String(seq), previousHash: previous, hash };
      previous = hash;
      return row;
    });
    await run(tx, CYPHER.appendAudit, { entries: rows });
    return written;
  }

  /**
   * The hash the next entry links to. Entries written before the chain existed get theirs first
   * (once, oldest first, in this transaction): a log is only ever chained from its start.
   */
  async chainHead(tx: QueryRunner): Promise<string> {
    const [last] = rowsOf(await run(tx, CYPHER.lastAuditEntry));
    if (!last) return GENESIS_HASH;
    if (last.hash != null) return last.hash as string;
    let previous = GENESIS_HASH;
    let afterSeq = -1;
    for (;;) {
      const batch = rowsOf(await run(tx, CYPHER.auditInOrder, { afterSeq, limit: this.batchSize })).map((r) => r.entry as Props);
      if (batch.length === 0) return previous;
      for (const props of batch) {
        const entry = auditFromProps(props);
        if (entry.hash != null) previous = entry.hash;
        else {
          const hash = sha256(auditEntryHashInput(previous, entry));
          await run(tx, CYPHER.chainAuditEntry, { id: entry.id, previousHash: previous, hash });
          previous = hash;
        }
        afterSeq = props.seq as number;
      }
    }
  }

  /** Every key of each node type in version `v`. */
  async keysByType(tx: QueryRunner, v: number): Promise<Record<NodeType, string[]>> {
    const out = {} as Record<NodeType, string[]>;
    for (const t of NODE_TYPES) out[t] = (rowsOf(await run(tx, CYPHER.versionKeys[t], { v }))[0]?.keys as string[] | undefined) ?? [];
    return out;
  }

  /** Stored records (manifest-shaped, documents with clauses) for the audit log's "before". */
  async recordsIn(tx: QueryRunner, type: NodeType, keys: readonly string[]): Promise<Map<string, unknown>> {
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

  async beforeLookup(tx: QueryRunner, manifest: Manifest): Promise<(type: NodeType, key: string) => unknown> {
    const byType = new Map<NodeType, Map<string, unknown>>();
    for (const type of NODE_TYPES) {
      const keys = (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((n) => n.key);
      if (keys.length) byType.set(type, await this.recordsIn(tx, type, keys));
    }
    return (type, key) => byType.get(type)?.get(key) ?? null;
  }

  async referrersIn(tx: QueryRunner, type: NodeType, key: string): Promise<string[]> {
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
  async mergeInto(tx: QueryRunner, manifest: Manifest, v: number): Promise<void> {
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
    // The stored flag from the stored parties, once every edge is in place.
    for (const keys of chunks(manifest.flows.map((f) => f.key), this.batchSize)) await run(tx, CYPHER.refreshCrossBorder, { keys, v });
    for (const keys of chunks(manifest.parties.map((p) => p.key), this.batchSize)) await run(tx, CYPHER.refreshPartyCrossBorder, { keys, v });
    problems.push(...(await this.checkAfterWrite(tx, manifest, v, removedCitations)));
    if (problems.length > 0) throw new ValidationError(problems, 'the write would leave the inventory inconsistent');
  }

  /** Upserts documents and their clauses; returns who cited clauses that are now gone. */
  async writeDocuments(tx: QueryRunner, manifest: Manifest, v: number): Promise<Row[]> {
    if (manifest.documents.length === 0) return [];
    await run(tx, CYPHER.upsertNodes.document, { rows: manifest.documents.map((d) => ({ key: d.key, props: toProps('document', d) })), v });
    const removed = rowsOf(await run(tx, CYPHER.dropRemovedClauses, { documents: manifest.documents.map((d) => ({ key: d.key, refs: d.clauses.map((c) => c.ref) })), v }));
    for (const rows of chunks(clauseRows(manifest), this.batchSize)) await run(tx, CYPHER.upsertClauses, { rows, v });
    return removed.flatMap((r) => (r.citing as Array<{ labels: string[]; key: string }>).map((c) => ({ label: c.labels.find((l) => nodeTypeOfLabel(l)) ?? c.labels[0], key: c.key, citation: r.citation })));
  }

  /** Creates one batch of owned edges; a problem for each target that does not exist. */
  async link(tx: QueryRunner, type: NodeType, batch: EdgeBatch, v: number): Promise<Problem[]> {
    const { edge, links } = batch;
    return rowsOf(await run(tx, CYPHER.linkEdges[type][edge.rel], { links, v })).map((missing) => missingTarget(type, String(missing.owner), edge.rel, String(missing.target)));
  }

  async checkAfterWrite(tx: QueryRunner, manifest: Manifest, v: number, removedCitations: Row[]): Promise<Problem[]> {
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
}

/** The problem of an edge whose target does not exist (`flow:x.purposes: unknown purpose "p"`). */
export function missingTarget(type: NodeType, owner: string, rel: string, target: string): Problem {
  const edge = OWNED_EDGES[type].find((e) => e.rel === rel)!;
  return {
    path: `${type}:${owner}.${edge.target === 'clause' ? 'sources' : edgeProp(edge)}`,
    message: edge.target === 'clause' ? `cites clause "${target}", which does not exist` : `unknown ${edge.target} "${target}"`,
  };
}

/**
 * Node rows as the write statements take them. A flow also gets its stored cross-border flag from
 * the manifest's own parties: all of them in a REPLACE; a MERGE sets it again from the stored ones.
 */
export function nodeRows(type: NodeType, manifest: Manifest): Array<{ key: string; props: Props }> {
  if (type === 'flow') {
    const countryOf = new Map(manifest.parties.map((p) => [p.key, p.country]));
    return manifest.flows.map((f) => ({ key: f.key, props: { ...toProps('flow', f), crossBorder: isCrossBorder(countryOf.get(f.from), countryOf.get(f.to)) } }));
  }
  return (manifest[SECTION_OF[type]] as Array<{ key: string }>).map((n) => ({ key: n.key, props: toProps(type, n as never) }));
}

export function clauseRows(manifest: Manifest) {
  return manifest.documents.flatMap((d) =>
    d.clauses.map((c, i) => ({
      documentKey: d.key,
      citation: `${d.key}#${c.ref}`,
      props: { documentKey: d.key, ref: c.ref, ordinal: i, text: c.text, ...(c.title ? { title: c.title } : {}) },
    })),
  );
}

export interface EdgeBatch {
  edge: OwnedEdge;
  links: Array<{ owner: string; target: string }>;
}

/** The owned edges of written nodes, per relationship type, in batches. */
export function* edgeBatches(type: NodeType, nodes: Array<Record<string, unknown> & { key: string }>, size: number): Generator<EdgeBatch> {
  for (const edge of OWNED_EDGES[type]) {
    const links = nodes.flatMap((n) => edgeTargets(type, edge, n).map((target) => ({ owner: n.key, target })));
    for (const batch of chunks(links, size)) yield { edge, links: batch };
  }
}

/** Clauses per document, in document order, as the manifest has them. */
export function groupClauses(clauses: Props[]): Map<string, Array<{ ref: string; title?: string; text: string }>> {
  const out = new Map<string, Array<{ ref: string; title?: string; text: string }>>();
  const sorted = [...clauses].sort((a, b) => compareKeys(a.documentKey as string, b.documentKey as string) || (a.ordinal as number) - (b.ordinal as number));
  for (const c of sorted) {
    const list = out.get(c.documentKey as string) ?? [];
    list.push(clauseRecord(c));
    out.set(c.documentKey as string, list);
  }
  return out;
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

export function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
