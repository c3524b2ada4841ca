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
   * Milliseconds spent in store calls. `sync` (the embedded store): the time until each call
   * returns its promise — that store does its work synchronously before returning, so this is its
   * own time, without waiting in queues. `in-flight` (a networked store): the wall time during which
   * at least one store call had not yet settled (calls that overlap count once), round trips included.
   */
  ms(): number;
  reset(): void;
}

export type StoreTiming = 'sync' | 'in-flight';

export function countCalls(real: InventoryStore, timing: StoreTiming = 'sync'): CountingStore {
  const calls = new Map<string, number>();
  let ms = 0;
  let pending = 0;
  let busySince = 0;
  const settled = () => {
    if (--pending === 0) ms += performance.now() - busySince;
  };
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        const t0 = performance.now();
        if (timing === 'in-flight') {
          if (pending++ === 0) busySince = t0;
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown).apply(target, args);
          } catch (err) {
            settled();
            throw err;
          }
          if (result instanceof Promise) return result.finally(settled);
          settled();
          return result;
        }
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
      // Calls still in flight at a reset are counted from the reset on.
      busySince = performance.now();
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
          return (type: Parameters<InventoryStore['getNodes']>[0], keys: readonly string[], parts?: Parameters<InventoryStore['getNodes']>[2]) =>
            perKey((k) => target.getNodes(type, k, parts))(keys);
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
 * free meanwhile, as it is while a request travels). A model of a networked store, for the N+1
 * comparison on the embedded store; on Neo4j (`--store neo4j`) the round trips are real and this
 * model is not run.
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
