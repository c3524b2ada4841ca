import {
  DEFAULT_LINEAGE_LIMITS,
  defaultStarts,
  traceLineage,
  type FlowEdge,
  type LineageLimits,
  type TracedPath,
} from '../../src/domain/lineage';

/** Edges from `"A>B"` specs; each flow's key is its spec in lower case (`a>b`), or `key=A>B`. */
function graph(...specs: string[]): FlowEdge[] {
  return specs.map((spec) => {
    const [key, ends] = spec.includes('=') ? spec.split('=') : [spec.toLowerCase(), spec];
    const [from, to] = ends.split('>');
    return { key, from, to };
  });
}

const path = (destination: string, ...hops: string[]): TracedPath => ({ hops, destination });
const limits = (overrides: Partial<LineageLimits>): LineageLimits => ({ ...DEFAULT_LINEAGE_LIMITS, ...overrides });

/** A chain P0>P1>…>Pn. */
const chain = (n: number) => graph(...Array.from({ length: n }, (_, i) => `P${i}>P${i + 1}`));
const chainHops = (n: number) => Array.from({ length: n }, (_, i) => `p${i}>p${i + 1}`);

/** `n` diamonds in a row (S0 ⇉ S1 ⇉ … ⇉ Sn over two parallel flows each): 2^n paths. */
const diamonds = (n: number) =>
  graph(...Array.from({ length: n }, (_, i) => [`a${i}=S${i}>S${i + 1}`, `b${i}=S${i}>S${i + 1}`]).flat());

describe('defaultStarts', () => {
  test('downstream: parties that send the field but never receive it, sorted', () => {
    expect(defaultStarts(graph('V>A', 'A>B', 'U>A', 'B>C'), 'DOWNSTREAM')).toEqual(['U', 'V']);
  });

  test('upstream: parties that receive the field and pass it on to no one, sorted', () => {
    expect(defaultStarts(graph('B>D', 'U>A', 'A>C', 'A>B'), 'UPSTREAM')).toEqual(['C', 'D']);
  });

  test('a cycle downstream of an origin does not hide the origin', () => {
    expect(defaultStarts(graph('X>A', 'A>B', 'B>A'), 'DOWNSTREAM')).toEqual(['X']);
    expect(defaultStarts(graph('X>A', 'A>B', 'B>A'), 'UPSTREAM')).toEqual(['A']);
  });

  test('where every party is on a cycle, the smallest key stands in', () => {
    expect(defaultStarts(graph('C>B', 'B>A', 'A>C'), 'DOWNSTREAM')).toEqual(['A']);
    expect(defaultStarts(graph('C>B', 'B>A', 'A>C'), 'UPSTREAM')).toEqual(['A']);
  });

  test('upstream of a field that ends in a cycle starts inside the cycle', () => {
    expect(defaultStarts(graph('U>A', 'A>B', 'B>C', 'C>B'), 'UPSTREAM')).toEqual(['B']);
  });

  test('a cycle no origin reaches starts a walk of its own', () => {
    expect(defaultStarts(graph('U>A', 'E>W', 'W>E'), 'DOWNSTREAM')).toEqual(['E', 'U']);
    expect(traceLineage(graph('U>A', 'E>W', 'W>E'), 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS).paths).toContainEqual(path('E', 'e>w', 'w>e'));
  });

  test('no edges, no starts', () => {
    expect(defaultStarts([], 'DOWNSTREAM')).toEqual([]);
    expect(defaultStarts([], 'UPSTREAM')).toEqual([]);
  });
});

describe('traceLineage', () => {
  test('no edges: no paths, not truncated', () => {
    expect(traceLineage([], 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS)).toEqual({ paths: [], truncated: false });
  });

  test('a start that sends nothing yields no path', () => {
    expect(traceLineage(graph('A>B'), 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS, ['B'])).toEqual({ paths: [], truncated: false });
  });

  test('fans out depth-first, flows taken in key order whatever order they come in', () => {
    const edges = graph('b>d=B>D', 'ac=A>C', 'ab=A>B');
    expect(traceLineage(edges, 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS)).toEqual({
      paths: [path('D', 'ab', 'b>d'), path('C', 'ac')],
      truncated: false,
    });
  });

  test('enumerates paths, not parties: both ways through a diamond reach the shared party', () => {
    expect(traceLineage(graph('A>B', 'A>C', 'B>D', 'C>D', 'D>E'), 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS).paths).toEqual([
      path('E', 'a>b', 'b>d', 'd>e'),
      path('E', 'a>c', 'c>d', 'd>e'),
    ]);
  });

  test('starts from explicit parties, in the order given', () => {
    expect(traceLineage(graph('A>B', 'B>C', 'X>B'), 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS, ['B', 'X']).paths).toEqual([
      path('C', 'b>c'),
      path('C', 'x>b', 'b>c'),
    ]);
  });

  describe('cycles', () => {
    test('a path ends at the party it comes back to, and that is not truncation', () => {
      expect(traceLineage(graph('U>A', 'A>B', 'B>A'), 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS)).toEqual({
        paths: [path('A', 'u>a', 'a>b', 'b>a')],
        truncated: false,
      });
    });

    test('a cycle with a way out yields the loop and the exit', () => {
      expect(traceLineage(graph('A>B', 'B>A', 'B>C'), 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS, ['A']).paths).toEqual([
        path('A', 'a>b', 'b>a'),
        path('C', 'a>b', 'b>c'),
      ]);
    });

    test('an all-cycle graph terminates, from the smallest key, both ways', () => {
      const ring = graph('A>B', 'B>C', 'C>A');
      expect(traceLineage(ring, 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS)).toEqual({ paths: [path('A', 'a>b', 'b>c', 'c>a')], truncated: false });
      expect(traceLineage(ring, 'UPSTREAM', DEFAULT_LINEAGE_LIMITS)).toEqual({ paths: [path('A', 'c>a', 'b>c', 'a>b')], truncated: false });
    });

    test('a party on the path but not the latest one still closes the cycle', () => {
      expect(traceLineage(graph('A>B', 'B>C', 'C>A'), 'DOWNSTREAM', limits({ maxDepth: 20 }), ['B']).paths).toEqual([
        path('B', 'b>c', 'c>a', 'a>b'),
      ]);
    });

    test('the on-path check is per path: each branch enters the shared cycle and closes it', () => {
      const edges = graph('A>B', 'A>C', 'B>C', 'C>B');
      expect(traceLineage(edges, 'DOWNSTREAM', DEFAULT_LINEAGE_LIMITS).paths).toEqual([
        path('B', 'a>b', 'b>c', 'c>b'),
        path('C', 'a>c', 'c>b', 'b>c'),
      ]);
    });
  });

  describe('upstream', () => {
    test('walks flows backwards from the sinks to the earliest sources', () => {
      expect(traceLineage(graph('U>A', 'V>A', 'A>B'), 'UPSTREAM', DEFAULT_LINEAGE_LIMITS)).toEqual({
        paths: [path('U', 'a>b', 'u>a'), path('V', 'a>b', 'v>a')],
        truncated: false,
      });
    });

    test('from an explicit party, ignoring what lies downstream of it', () => {
      expect(traceLineage(graph('U>A', 'A>B', 'B>C'), 'UPSTREAM', DEFAULT_LINEAGE_LIMITS, ['B']).paths).toEqual([path('U', 'a>b', 'u>a')]);
    });
  });

  describe('maxDepth', () => {
    test('a chain exactly maxDepth long is complete', () => {
      expect(traceLineage(chain(5), 'DOWNSTREAM', limits({ maxDepth: 5 }))).toEqual({ paths: [path('P5', ...chainHops(5))], truncated: false });
    });

    test('a longer chain is cut at maxDepth and marked truncated', () => {
      expect(traceLineage(chain(7), 'DOWNSTREAM', limits({ maxDepth: 5 }))).toEqual({
        paths: [path('P5', ...chainHops(5))],
        truncated: true,
      });
    });

    test('upstream too', () => {
      expect(traceLineage(chain(7), 'UPSTREAM', limits({ maxDepth: 2 }))).toEqual({
        paths: [path('P5', 'p6>p7', 'p5>p6')],
        truncated: true,
      });
    });

    test('one deep branch truncates the answer; the short branch is still complete', () => {
      const edges = graph('A>B', 'B>C', 'C>D', 'A>Z');
      expect(traceLineage(edges, 'DOWNSTREAM', limits({ maxDepth: 2 }))).toEqual({
        paths: [path('C', 'a>b', 'b>c'), path('Z', 'a>z')],
        truncated: true,
      });
    });
  });

  describe('maxPaths', () => {
    test('caps the number of paths and marks the answer truncated', () => {
      const traced = traceLineage(diamonds(4), 'DOWNSTREAM', limits({ maxPaths: 3 }));
      expect(traced.truncated).toBe(true);
      expect(traced.paths).toEqual([
        path('S4', 'a0', 'a1', 'a2', 'a3'),
        path('S4', 'a0', 'a1', 'a2', 'b3'),
        path('S4', 'a0', 'a1', 'b2', 'a3'),
      ]);
    });

    test('exactly maxPaths paths is not truncation', () => {
      expect(traceLineage(diamonds(4), 'DOWNSTREAM', limits({ maxPaths: 16 }))).toMatchObject({ truncated: false });
      expect(traceLineage(diamonds(4), 'DOWNSTREAM', limits({ maxPaths: 16 })).paths).toHaveLength(16);
    });

    test('the cap is for the whole answer, not per start', () => {
      const traced = traceLineage(graph('A>B', 'A>C', 'X>Y'), 'DOWNSTREAM', limits({ maxPaths: 1 }));
      expect(traced).toEqual({ paths: [path('B', 'a>b')], truncated: true });
    });

    test('keeps an exponential graph cheap', () => {
      const traced = traceLineage(diamonds(40), 'DOWNSTREAM', limits({ maxDepth: 100, maxPaths: 1000 }));
      expect(traced.paths).toHaveLength(1000);
      expect(traced.truncated).toBe(true);
    });
  });
});

describe('caps that end in truncated, not in a timeout', () => {
  /** A hub sending the field to `n` vendors. */
  const hub = (n: number) => graph('U>H', ...Array.from({ length: n }, (_, i) => `H>V${String(i).padStart(3, '0')}`));

  test('maxFanOut follows the first flows by key and marks the answer truncated', () => {
    const capped = traceLineage(hub(10), 'DOWNSTREAM', limits({ maxFanOut: 3 }));
    expect(capped.truncated).toBe(true);
    expect(capped.paths.map((p) => p.destination)).toEqual(['V000', 'V001', 'V002']);
    const uncapped = traceLineage(hub(10), 'DOWNSTREAM', limits({ maxFanOut: 10 }));
    expect([uncapped.truncated, uncapped.paths.length]).toEqual([false, 10]);
  });

  test('a spent time budget stops the walk with what it found, truncated', () => {
    // 2^16 paths take far longer than a 0 ms budget allows.
    const result = traceLineage(diamonds(16), 'DOWNSTREAM', limits({ maxDepth: 20, maxPaths: 1_000_000, timeBudgetMs: 0 }));
    expect(result.truncated).toBe(true);
    expect(result.paths.length).toBeLessThan(2 ** 16);
  });
});
