/** What every resolver receives: a fresh reader (with its own DataLoaders) per request. */
import { InventoryReader } from '../services/inventory-reader';
import type { InventoryService } from '../services/inventory-service';
import type { InventoryStore } from '../store/inventory-store';

export interface RequestContext {
  reader: InventoryReader;
  service: InventoryService;
}

export function createContext(store: InventoryStore, service: InventoryService): RequestContext {
  return { reader: new InventoryReader(store), service };
}
