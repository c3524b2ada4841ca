/**
 * Counts calls into a real store (it is instrumentation, not a mock: every call goes through).
 * Used to prove the number of store round trips does not grow with the number of items listed.
 */
import type { InventoryStore } from '../../src/store/inventory-store';

export interface CountingStore {
  store: InventoryStore;
  calls: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countCalls(real: InventoryStore): CountingStore {
  const calls = new Map<string, number>();
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const name = String(prop);
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    calls,
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    reset: () => calls.clear(),
  };
}
