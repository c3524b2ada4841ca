/**
 * The query cost model on its own (graphql/query-cost.ts), with the statistics of three real
 * inventories: the 进圈 seed and the synthetic M inventory read from SQLite, and the L inventory's
 * (100,000 fields, 500,000 flows) as recorded by `bench/list-sizes.ts --scale L`. Every document
 * the dashboard and the tests send is priced at each scale: the ordinary ones stay under the
 * default limit, the attack of issue 12 is over it everywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, separateOperations, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { generateInventory } from '../../bench/generate';
import { DEFAULT_MAX_QUERY_COST, estimateQueryCost, lengthOf } from '../../src/graphql/query-cost';
import { fieldTrailSchema } from '../../src/graphql/schema';
import { InventoryService } from '../../src/services/inventory-service';
import { seedIfEmpty } from '../../src/services/seeds';
import type { ListSizeStatistics } from '../../src/store/inventory-store';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';

const ROOT = join(__dirname, '..', '..');
const ATTACK = '{ parties { outbound { carriedFields { flows { carriedFields { flows { carriedFields { key } } } } } } } }';
const ATTACK_SHALLOWER = '{ parties { outbound { carriedFields { flows { carriedFields { flows { key } } } } } } }';
const DASHBOARD_PAGE = `{ personalFields(first: 100) { totalCount nodes { key name sensitive sensitiveClass
  recipients { key name kind } purposes { key name } permissions { key name }
  flows { key kind from { key name } to { key name } retention { minimum maximum description } } } } }`;

/**
 * Documents whose answers really are that large at M and L: whole finding lists and facets, whole
 * records of processing and regulator lists, every category, purpose and legal basis with all its
 * fields or flows, every party with all its flows. Issue 18
 * pages them on the server; until then the limit refuses them rather than letting them run.
 */
const OVER_THE_LIMIT = {
  M: ['Findings', 'ImpactAssessment', 'RecordsOfProcessing', 'Vocabulary', 'FindingsList'],
  L: ['Findings', 'ImpactAssessment', 'RecordsOfProcessing', 'RegulatorLists', 'Vocabulary', 'FindingFacets', 'FindingsList', 'Parties'],
};

/** The pages the dashboard asks for (FieldsPage offers 25, 50 or 100 rows: 100 is used for the rest). */
const PAGE_SIZES: Record<string, number> = { SensitiveFieldReach: 500, PartiesDirectory: 50 };

let schema: GraphQLSchema;
const stats: Record<'seed' | 'M' | 'L', ListSizeStatistics> = {} as never;

beforeAll(async () => {
  schema = await fieldTrailSchema();
  const seed = new SqliteStore({ path: ':memory:' });
  const m = new SqliteStore({ path: ':memory:' });
  try {
    await seed.migrate();
    await seedIfEmpty(seed);
    stats.seed = await seed.listSizeStatistics();
    await m.migrate();
    await new InventoryService(m).importManifest(generateInventory('M').manifest, 'REPLACE');
    stats.M = await m.listSizeStatistics();
  } finally {
    await seed.close();
    await m.close();
  }
  stats.L = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'list-sizes-L.json'), 'utf8'));
});

function cost(text: string, scale: keyof typeof stats, variables: Record<string, unknown> = {}): number {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return estimateQueryCost(schema, document, operation, variables, stats[scale]).cost;
}

/** Every operation the dashboard and the tests send, each with the fragments it uses. */
function operations(): Array<{ name: string; text: string }> {
  const dirs = [join(ROOT, 'test', 'documents'), join(ROOT, 'dashboard', 'src', 'graphql')];
  const all = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.graphql')).map((f) => readFileSync(join(dir, f), 'utf8')));
  return Object.entries(separateOperations(parse(all.join('\n')))).map(([name, doc]) => ({ name, text: JSON.stringify(doc) }));
}

describe.each(['seed', 'M', 'L'] as const)('at %s scale', (scale) => {
  it('prices the attack and the attack one level shallower over the limit', () => {
    expect(cost(ATTACK, scale)).toBeGreaterThan(DEFAULT_MAX_QUERY_COST);
    expect(cost(ATTACK_SHALLOWER, scale)).toBeGreaterThan(DEFAULT_MAX_QUERY_COST);
  });

  it('prices the page of 100 fields a dashboard shows under the limit', () => {
    expect(cost(DASHBOARD_PAGE, scale)).toBeLessThan(DEFAULT_MAX_QUERY_COST / 4);
  });

  it('prices every document the dashboard and the tests send under the limit, except the known large ones', () => {
    const over = operations()
      .filter(({ text }) => {
        const document = JSON.parse(text);
        const operation = document.definitions.find((d: OperationDefinitionNode) => d.kind === Kind.OPERATION_DEFINITION);
        return estimateQueryCost(schema, document, operation, { first: PAGE_SIZES[operation.name?.value] ?? 100 }, stats[scale]).cost > DEFAULT_MAX_QUERY_COST;
      })
      .map(({ name }) => name);
    expect(over.sort()).toEqual(scale === 'seed' ? [] : [...OVER_THE_LIMIT[scale]].sort());
  });
});

it('counts nested lists with their real multiplication, and a page by its `first`', () => {
  const page = (n: number) => cost(`{ personalFields(first: ${n}) { nodes { key } } }`, 'seed');
  // personalFields, nodes, and a key per field.
  expect(page(10)).toBe(2 + 10);
  expect(page(50)).toBe(2 + 50);
  // Never more than there are fields (85 in the seed).
  expect(page(1000)).toBe(2 + 85);
  const parties = stats.seed.nodes.party;
  const outbound = lengthOf(stats.seed, 'party.outbound');
  expect(cost('{ parties { key outbound { key } } }', 'seed')).toBe(1 + parties * (1 + 1 + outbound));
});

it("weights a list by its own length under objects reached through the same links the other way", () => {
  const s = stats.M;
  // A field reached through a flow's carried fields is one that many flows carry.
  expect(lengthOf(s, 'field.flows', 'flow.carriedFields')).toBeGreaterThan(lengthOf(s, 'field.flows', null));
  expect(lengthOf(s, 'field.flows', 'flow.carriedFields')).toBe(Math.ceil(s.lists['field.flows'].sumOfSquares / s.lists['field.flows'].items));
  expect(lengthOf(s, 'field.flows', null)).toBe(Math.ceil(s.lists['field.flows'].items / s.nodes.field));
  // Never longer than the longest list, never shorter than 1.
  expect(lengthOf(s, 'legalBasis.flows', 'flow.legalBases')).toBeLessThanOrEqual(s.lists['legalBasis.flows'].longest);
  expect(lengthOf({ ...s, lists: { ...s.lists, 'field.flows': { items: 0, sumOfSquares: 0, longest: 0 } } }, 'field.flows')).toBe(1);
});

it('stops counting once past the limit, so a document built to be slow to price is cheap to refuse', () => {
  // Fragments spread in fragments: 10^6 selections once expanded, from a few hundred tokens.
  const levels = Array.from({ length: 6 }, (_, i) => `fragment F${i} on Query { ${Array.from({ length: 10 }, (_, j) => `a${j}: ${i === 5 ? '__typename' : `purposes { key }`}`).slice(0, i === 5 ? 10 : 1).join(' ')} ${i < 5 ? Array.from({ length: 10 }, () => `...F${i + 1}`).join(' ') : ''} }`);
  const document = parse(`{ ...F0 } ${levels.join(' ')}`);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const result = estimateQueryCost(schema, document, operation, {}, stats.seed, 1000);
  expect(result.cost).toBeGreaterThan(1000);
  expect(result.cost).toBeLessThan(1000 + 200);
});
