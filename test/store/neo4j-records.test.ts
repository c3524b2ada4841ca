/**
 * Records survive the trip through Neo4j property maps (no nulls, no nested maps) unchanged,
 * and effective sensitivity from a stored chain follows the domain rule.
 */
import { SECTION_OF } from '../../src/domain/references';
import { NODE_TYPES } from '../../src/domain/vocabulary';
import { effectiveSensitivity, fromProps, toProps } from '../../src/store/neo4j/records';
import { inventory } from './fixtures';

describe.each(NODE_TYPES)('%s', (type) => {
  it('round-trips every fixture node through its property map', () => {
    const nodes = inventory()[SECTION_OF[type]] as Array<{ key: string }>;
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const props = toProps(type, node as never);
      expect(Object.values(props).every((v) => v !== null && (typeof v !== 'object' || Array.isArray(v)))).toBe(true);
      const back = fromProps(type, { ...props, key: node.key, v: 7 }, []) as unknown as Record<string, unknown>;
      const { effective: _, ...record } = back;
      const expected: Record<string, unknown> = { ...node };
      if (type === 'document') delete expected.clauses;
      expect(record).toEqual(expected);
    }
  });
});

describe('effective sensitivity from a [self, parent, …, root] chain', () => {
  it.each([
    ['inherits the nearest statement', [{}, { sensitiveClass: 'BIOMETRIC' }, { sensitiveClass: 'FINANCIAL' }], { sensitive: true, sensitiveClass: 'BIOMETRIC' }],
    ['an own class wins', [{ sensitiveClass: 'CONTACTS' }, { sensitiveClass: 'BIOMETRIC' }], { sensitive: true, sensitiveClass: 'CONTACTS' }],
    ['sensitive: false stops inheritance', [{ sensitive: false }, { sensitive: true, sensitiveClass: 'BIOMETRIC' }], { sensitive: false, sensitiveClass: null }],
    ['nothing stated: not sensitive', [{}, {}], { sensitive: false, sensitiveClass: null }],
    ['no chain: not sensitive', null, { sensitive: false, sensitiveClass: null }],
  ])('%s', (_what, chain, expected) => {
    expect(effectiveSensitivity(chain as never)).toEqual(expected);
  });
});
