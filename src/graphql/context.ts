/** What every resolver receives: a fresh reader (with its own DataLoaders) per request. */
import type { Actor } from '../domain/access';
import { InventoryReader } from '../services/inventory-reader';
import type { InventoryService } from '../services/inventory-service';
import type { InventoryStore } from '../store/inventory-store';

export interface RequestContext {
  reader: InventoryReader;
  service: InventoryService;
  /** Who is asking: decides what they may do, and what the audit log records. */
  actor: Actor;
  /**
   * Whether this request's answer may be kept in the answer cache (graphql/response-cache.ts).
   * An object, not a flag: Apollo hands plugins a shallow copy of the context.
   */
  answerCache: { cacheable: boolean };
}

export function createContext(store: InventoryStore, service: InventoryService, actor: Actor): RequestContext {
  return { reader: new InventoryReader(store), service, actor, answerCache: { cacheable: false } };
}
