/**
 * Instrumentation around a real store (every call goes through): one counts the calls, the
 * other takes batching away, for the N+1 comparison.
 */
import type { InventoryStore } from '../src/store/inventory-store';

export interface CountingStore {
  store: InventoryStore;
  calls: Map<string, number>;
  total(): number;
  /**
   * Milliseconds spent inside store calls. The embedded store does its work synchronously before
   * its promise is returned, so this is the store's own time, without waiting in queues.
   */
  ms(): number;
  reset(): void;
}

export function countCalls(real: InventoryStore): CountingStore {
  const calls = new Map<string, number>();
  let ms = 0;
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        const t0 = performance.now();
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } finally {
          ms += performance.now() - t0;
        }
      };
    },
  });
  return {
    store,
    calls,
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    ms: () => ms,
    reset: () => {
      calls.clear();
      ms = 0;
    },
  };
}

/**
 * The deliberately naive path: every batched read is answered by one store call per key, in
 * turn — what resolvers that load their own item (`getNode(key)`, `related(key)`) would send.
 * The per-request cache still dedupes repeated keys, so this understates a real N+1.
 */
export function unbatched(real: InventoryStore): InventoryStore {
  const perKey = <T>(call: (keys: readonly string[]) => Promise<T[]>) => async (keys: readonly string[]): Promise<T[]> => {
    const out: T[] = [];
    for (const k of keys) out.push(...(await call([k])));
    return out;
  };
  return new Proxy(real, {
    get(target, prop, receiver) {
      switch (prop) {
        case 'getNodes':
          return (type: Parameters<InventoryStore['getNodes']>[0], keys: readonly string[]) => perKey((k) => target.getNodes(type, k))(keys);
        case 'related':
          return (relation: Parameters<InventoryStore['related']>[0], keys: readonly string[]) => perKey((k) => target.related(relation, k))(keys);
        case 'getClauses':
          return perKey((k) => target.getClauses(k));
        case 'traceLineage':
          return async (requests: Parameters<InventoryStore['traceLineage']>[0]) => {
            const out = [];
            for (const r of requests) out.push(...(await target.traceLineage([r])));
            return out;
          };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The store as if it were across a network: every call first waits `ms` (a timer, so the CPU is
 * free meanwhile, as it is while a request travels). A model of a networked store such as Neo4j,
 * for the N+1 comparison: no such server can be run on this machine.
 */
export function withRoundTrip(real: InventoryStore, ms: number): InventoryStore {
  const wait = () => new Promise<void>((resolve) => setTimeout(resolve, ms));
  return new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await wait();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
