/**
 * Read use cases for one request. Every lookup goes through a DataLoader, so listing 500 fields
 * with their flows, purposes and recipients costs the same few store calls as listing 10.
 * Create one reader per request: loaders cache, and a cache must not outlive its request.
 */
import DataLoader from 'dataloader';
import { isCrossBorder, isRecipientKind } from '../domain/flows';
import { byKey } from '../domain/key-order';
import type { DataFlow, Party } from '../domain/manifest';
import type { TracedLineage } from '../domain/lineage';
import { ValidationError } from '../domain/problems';
import type { FlowKind, LineageDirection, NodeType, PartyKind } from '../domain/vocabulary';
import type {
  CountsByKind,
  FieldQuery,
  FlowQuery,
  InventoryStore,
  NodeOf,
  Page,
  PageRequest,
  PartyQuery,
  ReadParts,
  Relation,
  StoredClause,
  StoredField,
} from '../store/inventory-store';
import { Deadline } from './deadline';
import { checkPageSize } from './paging';
import { checkPartyQuery } from './party-query';

/** The read model, as resolvers see it (they import nothing below the services). */

export const LINEAGE_MAX_DEPTH = 20;
export const LINEAGE_MAX_PATHS = 1000;
/** Flows followed out of one party per hop; a vendor hub beyond this is cut (truncated). */
export const LINEAGE_MAX_FAN_OUT = 500;
/** Wall-clock budget for one field's walk: an answer, marked truncated, rather than a timeout. */
export const LINEAGE_TIME_BUDGET_MS = 2000;
/**
 * Keys per store call. Bigger lists are read in several calls, each after a deadline check and a
 * turn of the event loop: what bounds how long one request holds the embedded store at a time.
 */
export const READ_BATCH_SIZE = 2000;
const BATCHED = { maxBatchSize: READ_BATCH_SIZE };
/** Lineage walks per store call: each may take up to LINEAGE_TIME_BUDGET_MS. */
const LINEAGE_BATCH_SIZE = 20;

export interface LineageOptions {
  direction: LineageDirection;
  maxDepth: number;
  /** Party to start from instead of the field's origins (downstream) or sinks (upstream). */
  fromPartyKey?: string | null;
}

/** Node types whose records must carry their sources, and their versions, in one request. */
export interface AskedParts {
  sources: ReadonlySet<NodeType>;
  versions: ReadonlySet<NodeType>;
}

export class InventoryReader {
  /** Keyed by type and parts (`flow:sources,versions`): records read with and without sources never share a cache. */
  private readonly nodeLoaders = new Map<string, DataLoader<string, unknown>>();
  /** Null: every read carries sources and versions (what a caller that does not say gets). */
  private asked: AskedParts | null = null;
  private readonly versionLoaders = new Map<NodeType, DataLoader<string, number>>();
  private readonly relationLoaders = new Map<Relation, DataLoader<string, string[]>>();
  private readonly clauseLoader: DataLoader<string, StoredClause | null>;
  private readonly lineageLoader: DataLoader<string, TracedLineage>;
  /**
   * Set when something this reader answered was cut by a wall-clock budget rather than decided
   * by the data alone: the response is then not cached (see graphql/response-cache.ts).
   */
  answerDependsOnTime = false;

  /**
   * `deadline`: checked on every read, and before every store call a turn of the event loop is
   * given away, so a request past its deadline stops at its next read with RequestTimeoutError.
   */
  constructor(
    private readonly store: InventoryStore,
    private readonly deadline: Deadline = Deadline.none(),
  ) {
    this.clauseLoader = new DataLoader(async (citations) => {
      await deadline.pass();
      return store.getClauses(citations);
    }, BATCHED);
    // Lineage requests are keyed by their JSON so identical ones in a request run once.
    this.lineageLoader = new DataLoader(async (keys) => {
      await deadline.pass();
      const traced = await store.traceLineage(keys.map((k) => JSON.parse(k)));
      if (traced.some((t) => t.outOfTime)) this.answerDependsOnTime = true;
      return traced;
    }, { maxBatchSize: LINEAGE_BATCH_SIZE });
  }

  /**
   * From now on, reads of a type carry sources (versions) only if that type is in `asked.sources`
   * (`asked.versions`): the GraphQL layer says so from the request's selections. A record without
   * them still answers `citations()` and `version()`, by a read of its own.
   */
  readOnly(asked: AskedParts): void {
    this.asked = asked;
  }

  // ---- nodes ------------------------------------------------------------------------------

  node<T extends NodeType>(type: T, key: string): Promise<NodeOf[T] | null> {
    return this.nodeLoader(type).load(key) as Promise<NodeOf[T] | null>;
  }

  /** The node's citations (`doc#ref`): from the record when it was read with them, else read with them now. */
  async citations(type: NodeType, node: { key: string; sources?: string[] }): Promise<string[]> {
    if (node.sources) return node.sources;
    const whole = (await this.nodeLoader(type, { ...this.partsOf(type), sources: true }).load(node.key)) as { sources?: string[] } | null;
    return whole?.sources ?? [];
  }

  /** Existing nodes for these keys, in order, skipping missing ones. */
  async nodes<T extends NodeType>(type: T, keys: readonly string[]): Promise<Array<NodeOf[T]>> {
    const found = (await this.nodeLoader(type).loadMany(keys)) as Array<NodeOf[T] | null | Error>;
    return found.filter((n): n is NodeOf[T] => n !== null && !(n instanceof Error));
  }

  async requireNode<T extends NodeType>(type: T, key: string): Promise<NodeOf[T]> {
    const node = await this.node(type, key);
    if (!node) throw new Error(`inventory is inconsistent: ${type} "${key}" is referenced but missing`);
    return node;
  }

  /**
   * A node's version (for optimistic concurrency). It comes with the node itself (one snapshot);
   * nodes that reached the request through a list are looked up again by key for it.
   */
  async version(type: NodeType, key: string): Promise<number> {
    const node = (await this.node(type, key)) as { version?: number } | null;
    if (node?.version !== undefined) return node.version;
    let loader = this.versionLoaders.get(type);
    if (!loader) {
      loader = new DataLoader(async (keys) => {
        await this.deadline.pass();
        return this.store.versions(type, keys);
      }, BATCHED);
      this.versionLoaders.set(type, loader);
    }
    return loader.load(key);
  }

  forgetVersion(type: NodeType, key: string): void {
    this.versionLoaders.get(type)?.clear(key);
  }

  /** Drops a cached node after this request changed it. */
  forget(type: NodeType, key: string): void {
    for (const [id, loader] of this.nodeLoaders) if (id.startsWith(`${type}:`)) loader.clear(key);
  }

  async listAll<T extends NodeType>(type: T): Promise<Array<NodeOf[T]>> {
    await this.deadline.pass();
    return this.prime(type, this.store.listAll(type, this.partsOf(type)));
  }

  async listFields(query: FieldQuery, page: PageRequest): Promise<Page<StoredField>> {
    checkPageSize(page.first);
    await this.deadline.pass();
    const result = await this.store.listFields(query, page, this.partsOf('field'));
    await this.prime('field', Promise.resolve(result.nodes));
    return result;
  }

  /** Every matching party (the unpaged `parties` list). */
  async listParties(query: PartyQuery): Promise<Party[]> {
    checkPartyQuery(query);
    await this.deadline.pass();
    return this.prime('party', this.store.listParties(query, null, this.partsOf('party')).then((p) => p.nodes));
  }

  /** A page of parties, for `partiesConnection`. */
  async pageParties(query: PartyQuery, page: PageRequest): Promise<Page<Party>> {
    checkPageSize(page.first);
    checkPartyQuery(query);
    await this.deadline.pass();
    const result = await this.store.listParties(query, page, this.partsOf('party'));
    await this.prime('party', Promise.resolve(result.nodes));
    return result;
  }

  async countPartiesByKind(query: PartyQuery): Promise<CountsByKind<PartyKind>> {
    await this.deadline.pass();
    return this.store.countPartiesByKind(query);
  }

  async countFlowsByKind(query: FlowQuery): Promise<CountsByKind<FlowKind>> {
    await this.deadline.pass();
    return this.store.countFlowsByKind(query);
  }

  async listFlows(query: FlowQuery, page: PageRequest): Promise<Page<DataFlow>> {
    checkPageSize(page.first);
    await this.deadline.pass();
    const result = await this.store.listFlows(query, page, this.partsOf('flow'));
    await this.prime('flow', Promise.resolve(result.nodes));
    return result;
  }

  clauses(citations: readonly string[]): Promise<StoredClause[]> {
    this.deadline.check();
    return this.clauseLoader
      .loadMany(citations)
      .then((cs) => cs.filter((c): c is StoredClause => c !== null && !(c instanceof Error)));
  }

  // ---- relations --------------------------------------------------------------------------

  relatedKeys(relation: Relation, key: string): Promise<string[]> {
    return this.relationLoader(relation).load(key);
  }

  async relatedNodes<T extends NodeType>(relation: Relation, key: string, type: T): Promise<Array<NodeOf[T]>> {
    return this.nodes(type, await this.relatedKeys(relation, key));
  }

  fieldFlows(fieldKey: string): Promise<DataFlow[]> {
    return this.relatedNodes('field.flows', fieldKey, 'flow');
  }

  /** Every party outside the handler that some flow carrying the field reaches. */
  async fieldRecipients(fieldKey: string): Promise<Party[]> {
    const flows = await this.fieldFlows(fieldKey);
    const parties = await this.nodes('party', unique(flows.map((f) => f.to)));
    return parties.filter((p) => isRecipientKind(p.kind)).sort(byKey);
  }

  /** Union of one list property over the flows carrying the field. */
  async fieldFlowTargets<T extends 'purpose' | 'legalBasis' | 'permission'>(fieldKey: string, type: T): Promise<Array<NodeOf[T]>> {
    const prop = ({ purpose: 'purposes', legalBasis: 'legalBases', permission: 'permissions' } as const)[type];
    const flows = await this.fieldFlows(fieldKey);
    return (await this.nodes(type, unique(flows.flatMap((f) => f[prop])))).sort(byKey);
  }

  /** Fields carried by any of these flows (listed directly or under a listed category). */
  async fieldsCarriedBy(flowKeys: readonly string[]): Promise<StoredField[]> {
    const lists = await this.relationLoader('flow.carriedFields').loadMany(flowKeys);
    const keys = unique(lists.flatMap((l) => (l instanceof Error ? [] : l)));
    return (await this.nodes('field', keys)).sort(byKey);
  }

  async partyReceivedFields(partyKey: string): Promise<StoredField[]> {
    return this.fieldsCarriedBy(await this.relationLoader('party.inbound').load(partyKey));
  }

  async purposeFields(purposeKey: string): Promise<StoredField[]> {
    return this.fieldsCarriedBy(await this.relationLoader('purpose.flows').load(purposeKey));
  }

  async permissionFields(permissionKey: string): Promise<StoredField[]> {
    return this.fieldsCarriedBy(await this.relationLoader('permission.flows').load(permissionKey));
  }

  async permissionPurposes(permissionKey: string): Promise<Array<NodeOf['purpose']>> {
    const flows = await this.relatedNodes('permission.flows', permissionKey, 'flow');
    return (await this.nodes('purpose', unique(flows.flatMap((f) => f.purposes)))).sort(byKey);
  }

  async crossBorder(flow: DataFlow): Promise<boolean> {
    const [from, to] = await Promise.all([this.node('party', flow.from), this.node('party', flow.to)]);
    return isCrossBorder(from?.country, to?.country);
  }

  /** Field-level lineage; BAD_USER_INPUT outside maxDepth 1–20 or for an unknown start party. */
  async lineage(fieldKey: string, options: LineageOptions): Promise<TracedLineage> {
    this.deadline.check();
    if (!Number.isInteger(options.maxDepth) || options.maxDepth < 1 || options.maxDepth > LINEAGE_MAX_DEPTH) {
      throw new ValidationError([{ path: 'maxDepth', message: `must be an integer from 1 to ${LINEAGE_MAX_DEPTH}, got ${options.maxDepth}` }], 'invalid lineage request');
    }
    if (options.fromPartyKey && !(await this.node('party', options.fromPartyKey))) {
      throw new ValidationError([{ path: 'from', message: `unknown party "${options.fromPartyKey}"` }], 'invalid lineage request');
    }
    return this.lineageLoader.load(
      JSON.stringify({
        fieldKey,
        direction: options.direction,
        limits: { maxDepth: options.maxDepth, maxPaths: LINEAGE_MAX_PATHS, maxFanOut: LINEAGE_MAX_FAN_OUT, timeBudgetMs: LINEAGE_TIME_BUDGET_MS },
        startKeys: options.fromPartyKey ? [options.fromPartyKey] : null,
      }),
    );
  }

  // ---- internals --------------------------------------------------------------------------

  private partsOf(type: NodeType): ReadParts {
    if (!this.asked) return WHOLE;
    return { sources: this.asked.sources.has(type), versions: this.asked.versions.has(type) };
  }

  /** The loader of a type's records as this request reads them (or with other parts). */
  private nodeLoader(type: NodeType, parts: ReadParts = this.partsOf(type)): DataLoader<string, unknown> {
    // Checked on every load, cached or not: answering from loaded records can outlast the
    // deadline as well (a million list items completed from a few thousand records).
    this.deadline.check();
    const id = `${type}:${parts.sources ? 'sources' : ''},${parts.versions ? 'versions' : ''}`;
    let loader = this.nodeLoaders.get(id);
    if (!loader) {
      loader = new DataLoader(async (keys) => {
        await this.deadline.pass();
        return this.store.getNodes(type, keys, parts);
      }, BATCHED);
      this.nodeLoaders.set(id, loader);
    }
    return loader;
  }

  private relationLoader(relation: Relation): DataLoader<string, string[]> {
    this.deadline.check();
    let loader = this.relationLoaders.get(relation);
    if (!loader) {
      loader = new DataLoader(async (keys) => {
        await this.deadline.pass();
        return this.store.related(relation, keys);
      }, BATCHED);
      this.relationLoaders.set(relation, loader);
    }
    return loader;
  }

  /** Lists already hold whole nodes: seed the loader so resolvers don't fetch them again. */
  private async prime<T extends NodeType, N extends { key: string }>(type: T, nodes: Promise<N[]>): Promise<N[]> {
    const list = await nodes;
    const loader = this.nodeLoader(type);
    for (const n of list) loader.prime(n.key, n);
    return list;
  }
}

const WHOLE: ReadParts = { sources: true, versions: true };

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
