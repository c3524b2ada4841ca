/**
 * Bad input, tried on purpose (fast-check): malformed, wrong-typed, oversized, duplicate-key,
 * dangling-reference and injection-shaped manifests and node inputs. Each must be refused with a
 * ValidationError naming the problem, and leave the store byte-for-byte as it was (same export).
 */
import fc from 'fast-check';
import { ValidationError } from '../../src/domain/problems';
import { InventoryService } from '../../src/services/inventory-service';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { syntheticInventory } from '../support/synthetic';

let store: SqliteStore;
let service: InventoryService;
let baseline: string;

beforeAll(async () => {
  store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  service = new InventoryService(store);
  await service.importManifest(syntheticInventory(20), 'REPLACE');
  baseline = JSON.stringify(await store.exportManifest());
});
afterAll(() => store.close());

/** Strings that have broken other tools: SQL/Cypher metacharacters, control characters, odd Unicode. */
const nasty = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE fields; --",
    '") DETACH DELETE n //',
    'MATCH (n) DETACH DELETE n',
    '\u0000\u0001\u001f',
    '\u202e\u200b',
    '../../etc/passwd',
    '%s%n%x',
    '{{7*7}}',
    '',
    ' ',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nasty, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const SECTIONS = ['documents', 'categories', 'fields', 'purposes', 'permissions', 'parties', 'legalBases', 'flows'] as const;

/** A valid node of each section, to corrupt one property at a time. */
const validNode: Record<(typeof SECTIONS)[number], Record<string, unknown>> = {
  documents: { key: 'doc-x', title: 'T', updatedAt: '2021-08-31', effectiveAt: '2021-09-01', clauses: [{ ref: '1', text: 'x' }] },
  categories: { key: 'cat-x', name: 'C', parent: 'root' },
  fields: { key: 'field-x', name: 'F', category: 'plain' },
  purposes: { key: 'purpose-x', name: 'P', functionType: 'BASIC' },
  permissions: { key: 'perm-x', name: 'P' },
  parties: { key: 'party-x', name: 'P', kind: 'THIRD_PARTY', country: 'CN' },
  legalBases: { key: 'lb-x', name: 'L', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(1)' },
  flows: { key: 'flow-x', from: 'app', to: 'vendor-0', kind: 'PROVISION', fields: ['f00000'], consent: 'CONSENT', optional: true },
};

async function expectRefusedWithoutChange(input: unknown, mode: 'MERGE' | 'REPLACE'): Promise<void> {
  let error: unknown;
  try {
    await service.importManifest(input, mode);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ValidationError);
  const problems = (error as ValidationError).problems;
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) expect(typeof p.message).toBe('string');
  expect(JSON.stringify(await store.exportManifest())).toBe(baseline);
}

it('refuses a node with one property replaced by a wrong-typed or hostile value', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...SECTIONS), fc.nat(), anyValue, fc.constantFrom<'MERGE' | 'REPLACE'>('MERGE', 'REPLACE'), async (section, pick, value, mode) => {
      const node = { ...validNode[section] };
      const props = Object.keys(node);
      const prop = props[pick % props.length];
      fc.pre(JSON.stringify(value) !== JSON.stringify(node[prop]));
      // A string key or name stays valid for many strings; make sure the value is really wrong.
      if (typeof value === 'string' && ['name', 'title', 'text', 'article', 'jurisdiction'].includes(prop)) fc.pre(value.trim() === '' || value.length > 400);
      if (typeof value === 'string' && prop === 'key') fc.pre(!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(value) || section !== 'documents');
      node[prop] = value;
      let valid = true;
      try {
        await service.importManifest({ [section]: [node] }, mode);
      } catch (err) {
        valid = false;
        expect(err).toBeInstanceOf(ValidationError);
        expect(JSON.stringify(await store.exportManifest())).toBe(baseline);
      }
      if (valid) {
        // Some replacements are legitimately valid (a different existing category, say): undo them.
        await service.importManifest(JSON.parse(baseline), 'REPLACE');
        baseline = JSON.stringify(await store.exportManifest());
      }
    }),
    { numRuns: 150 },
  );
});

it('refuses whole random documents that are not manifests', async () => {
  await fc.assert(
    fc.asyncProperty(anyValue, async (value) => {
      fc.pre(!(value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((k) => SECTIONS.includes(k as never))));
      await expectRefusedWithoutChange(value, 'REPLACE');
    }),
    { numRuns: 100 },
  );
});

it('refuses dangling references and duplicate keys, naming each', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('ghost', "x'--", 'a"b', 'MATCH'), fc.boolean(), async (missing, duplicate) => {
      const flows: Array<Record<string, unknown>> = [{ ...validNode.flows, fields: ['f00000', missing] }];
      if (duplicate) flows.push({ ...validNode.flows });
      await expectRefusedWithoutChange({ flows }, 'MERGE');
    }),
    { numRuns: 30 },
  );
});

it('refuses oversized strings and deep nesting without crashing', async () => {
  await expectRefusedWithoutChange({ fields: [{ key: 'big', name: 'x'.repeat(1024 * 1024), category: 'plain' }] }, 'MERGE');
  let deep: unknown = 'leaf';
  for (let i = 0; i < 5000; i++) deep = { nested: deep };
  await expectRefusedWithoutChange({ fields: [deep] }, 'MERGE');
  await expectRefusedWithoutChange({ fields: Array.from({ length: 3 }, () => ({ key: 'dup', name: 'D', category: 'plain' })) }, 'MERGE');
});

it('stores injection-shaped text that is valid as plain data, unchanged', async () => {
  const hostile = "Robert'); DROP TABLE fields;-- \") DETACH DELETE n //";
  await service.importManifest({ fields: [{ key: 'hostile', name: hostile, nameZh: '\u202e反向', category: 'plain' }] }, 'MERGE');
  const [stored] = await store.getNodes('field', ['hostile']);
  expect(stored?.name).toBe(hostile);
  expect((await store.listFields({ search: "'); DROP" }, { first: 10 })).nodes.map((f) => f.key)).toEqual(['hostile']);
  await service.delete('field', 'hostile');
  expect(JSON.stringify(await store.exportManifest())).toBe(baseline);
});
