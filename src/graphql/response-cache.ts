/**
 * Whole answers to read queries, kept until the inventory changes.
 *
 * An inventory is read far more often than it is written, and a field page resolves hundreds to
 * thousands of GraphQL fields (BENCHMARKS.md): answering a repeated question from memory is what
 * lets the dashboard keep up. An answer is reused only while the store's change mark is the one
 * it was computed under (any write, in this process or another, changes the mark), only for the
 * same role, document, operation and variables, and only for root fields whose answer is decided
 * by the stored data alone (not reports stamped with the time, not mutations).
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import type { InventoryStore } from '../store/inventory-store';
import type { RequestContext } from './context';

/** Default memory for cached answers (FIELDTRAIL_RESPONSE_CACHE_MB). */
export const DEFAULT_RESPONSE_CACHE_MB = 64;

/**
 * Query root fields whose answer depends only on the stored inventory (and the arguments).
 * Left out: `impactAssessment`, `recordsOfProcessing` and `complianceReport`, which are stamped
 * with the current date. A new root field is not cached until it is added here.
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'auditLog',
  'blastRadius',
  'collectedPersonalInformation',
  'complianceRules',
  'consentWithdrawal',
  'dataCategories',
  'dataCategory',
  'dataFlow',
  'dataFlows',
  'deletionPlan',
  'exportInventory',
  'findings',
  'inventoryDiff',
  'legalBases',
  'parties',
  'party',
  'permission',
  'permissions',
  'personalField',
  'personalFields',
  'policyDocuments',
  'purpose',
  'purposes',
  'snapshots',
  'thirdPartySharing',
]);

/** The response header saying whether an answer came from the cache (`hit`) or was computed (`miss`). */
export const CACHE_HEADER = 'x-fieldtrail-cache';

interface CachedAnswer {
  result: FormattedExecutionResult;
  bytes: number;
}

/** Answers by request, for one change mark at a time, least recently used dropped first. */
export class ResponseCache {
  private mark: string | null = null;
  private readonly answers = new Map<string, CachedAnswer>();
  private bytes = 0;
  /** An answer larger than this is not kept: it would push out many smaller ones. */
  readonly maxEntryBytes: number;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {
    this.maxEntryBytes = Math.floor(maxBytes / 16);
  }

  /** The cache as of `mark`: everything kept under an older mark is dropped (it can never be right again). */
  private at(mark: string): void {
    if (mark === this.mark) return;
    this.mark = mark;
    this.answers.clear();
    this.bytes = 0;
  }

  get(mark: string, key: string): FormattedExecutionResult | null {
    this.at(mark);
    const found = this.answers.get(key);
    if (!found) {
      this.misses++;
      return null;
    }
    // Re-inserting moves it to the end: Map order is then least recently used first.
    this.answers.delete(key);
    this.answers.set(key, found);
    this.hits++;
    return found.result;
  }

  /**
   * Keeps an answer computed under `mark`, unless the mark has moved on since (a write landed
   * while it was computed, so it may mix old and new data).
   */
  set(mark: string, key: string, result: FormattedExecutionResult): void {
    if (mark !== this.mark) return;
    const bytes = key.length * 2 + JSON.stringify(result).length * 2;
    if (bytes > this.maxEntryBytes) return;
    const old = this.answers.get(key);
    if (old) {
      this.answers.delete(key);
      this.bytes -= old.bytes;
    }
    this.answers.set(key, { result, bytes });
    this.bytes += bytes;
    for (const [oldest, answer] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(oldest);
      this.bytes -= answer.bytes;
    }
  }

  get size(): number {
    return this.answers.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }
}

/** True when every root field of this query is one whose answer the data alone decides. */
export function isCacheableOperation(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  let cacheable = false;
  for (const selection of operation.selectionSet.selections) {
    // Fragments at the root would need resolving against the document: not worth it, not cached.
    if (selection.kind !== 'Field') return false;
    const name = selection.name.value;
    if (name === '__typename') continue;
    if (!CACHEABLE_ROOT_FIELDS.has(name)) return false;
    cacheable = true;
  }
  return cacheable;
}

/**
 * The Apollo plugin: answers from the cache before execution, keeps error-free answers after.
 * Stores that cannot give a change mark cheaply (Neo4j) are never cached.
 */
export function responseCachePlugin(store: InventoryStore, cache: ResponseCache): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
      let mark: string | null = null;
      let key: string | null = null;
      let hit = false;
      return {
        async responseForOperation({ operation, request, contextValue }) {
          if (!isCacheableOperation(operation)) return null;
          mark = await store.changeMark();
          if (mark === null) return null;
          key = `${contextValue.actor.role}\u0000${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}\u0000${request.query}`;
          const result = cache.get(mark, key);
          if (!result) return null;
          hit = true;
          // A copy: plugins that add extensions to the answer must not add them to the kept one.
          return { http: { status: undefined, headers: new HeaderMap([[CACHE_HEADER, 'hit']]) }, body: { kind: 'single', singleResult: { ...result } } };
        },
        async willSendResponse({ response, contextValue }) {
          if (mark === null || key === null || hit) return;
          response.http.headers.set(CACHE_HEADER, 'miss');
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || contextValue.reader.answerDependsOnTime) return;
          cache.set(mark, key, { data: result.data });
        },
      };
    },
  };
}
