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
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
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
  'partiesConnection',
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

/** A whole HTTP answer, as sent: kept as bytes so a hit costs no serialization. */
export interface CachedAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
}

/** Answers by request, for one change mark at a time, least recently used dropped first. */
export class ResponseCache {
  private mark: string | null = null;
  private readonly answers = new Map<string, CachedAnswer>();
  private bytes = 0;
  /** An answer larger than this is not kept: it would push out many smaller ones. */
  readonly maxEntryBytes: number;

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

  get(mark: string, key: string): CachedAnswer | null {
    this.at(mark);
    const found = this.answers.get(key);
    if (!found) return null;
    // Re-inserting moves it to the end: Map order is then least recently used first.
    this.answers.delete(key);
    this.answers.set(key, found);
    return found;
  }

  /**
   * Keeps an answer computed after `mark` was read, unless the mark has moved on since (the
   * answer may then mix old and new data; the next request, seeing the new mark, drops it anyway).
   */
  set(mark: string, key: string, answer: CachedAnswer): void {
    if (mark !== this.mark) return;
    const bytes = sizeOf(key, answer);
    if (bytes > this.maxEntryBytes) return;
    const old = this.answers.get(key);
    if (old) {
      this.answers.delete(key);
      this.bytes -= sizeOf(key, old);
    }
    this.answers.set(key, answer);
    this.bytes += bytes;
    for (const [oldest, kept] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(oldest);
      this.bytes -= sizeOf(oldest, kept);
    }
  }

  get size(): number {
    return this.answers.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }
}

/** Bytes held for an entry: the key (UTF-16 at worst) and the answer's bytes, plus a little. */
function sizeOf(key: string, answer: CachedAnswer): number {
  return key.length * 2 + answer.body.length + 256;
}

/**
 * The cache key: who asks (answers differ by role), what they accept (it decides the response's
 * content type) and exactly what they sent.
 */
export function cacheKey(role: string, accept: string, body: string): string {
  return `${role}\u0000${accept}\u0000${body}`;
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
 * The Apollo plugin's part: it sees the parsed operation and the result, so it decides whether
 * an answer may be kept (`context.answerCache`); the HTTP layer (server.ts) looks answers up
 * before Apollo runs at all and keeps the bytes Apollo sent.
 */
export function answerCacheablePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
      return {
        async didResolveOperation({ operation, contextValue }) {
          contextValue.answerCache.cacheable = operation !== undefined && isCacheableOperation(operation);
        },
        async willSendResponse({ response, contextValue }) {
          if (!contextValue.answerCache.cacheable) return;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (response.body.kind !== 'single' || errors?.length || contextValue.reader.answerDependsOnTime) {
            contextValue.answerCache.cacheable = false;
            return;
          }
          response.http.headers.set(CACHE_HEADER, 'miss');
        },
      };
    },
  };
}
