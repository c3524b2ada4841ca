/**
 * The fast path of parseManifest (src/domain/fast-manifest.ts) against zod, the definition of the
 * format: on any input both accept or both reject, and what the fast path returns is exactly what
 * zod returns (same values, same keys in the same order, explicit undefined kept).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateInventory } from '../../bench/generate';
import { FAST_KEYS, FAST_NODE_PARSERS, FAST_PATH_ENABLED, fastParseManifest } from '../../src/domain/fast-manifest';
import {
  categorySchema,
  fieldSchema,
  flowSchema,
  legalBasisSchema,
  manifestJsonSchema,
  manifestSchema,
  partySchema,
  permissionSchema,
  purposeSchema,
  retentionSchema,
} from '../../src/domain/manifest';
import { formatPath, ValidationError } from '../../src/domain/problems';
import { parseManifest } from '../../src/domain/validate';
import { CONSENT_REQUIREMENTS, FLOW_KINDS, FUNCTION_TYPES, PARTY_KINDS, SENSITIVE_CLASSES } from '../../src/domain/vocabulary';
import { readManifestFile } from '../../src/services/manifest-files';
import { inventoryInput, tinyInventoryInput } from '../store/fixtures';

type Section = keyof typeof FAST_NODE_PARSERS;
const SCHEMAS = {
  categories: categorySchema,
  fields: fieldSchema,
  purposes: purposeSchema,
  permissions: permissionSchema,
  parties: partySchema,
  legalBases: legalBasisSchema,
  flows: flowSchema,
} as const;
const SECTIONS = Object.keys(SCHEMAS) as Section[];
const NODE_OF = {
  categories: 'category',
  fields: 'field',
  purposes: 'purpose',
  permissions: 'permission',
  parties: 'party',
  legalBases: 'legalBasis',
  flows: 'flow',
} as const satisfies Record<Section, keyof typeof FAST_KEYS>;

/** Exactly the same value: same types, prototypes, own keys in the same order, undefined kept. */
function same(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: different prototypes`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys [${ka.join(', ')}] vs [${kb.join(', ')}]`;
  for (const k of ka) {
    const d = same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

/** What zod alone makes of a manifest: the data, or the problems parseManifest reports. */
function zodResult(input: unknown): { data: unknown } | { problems: Array<{ path: string; message: string }> } {
  const r = manifestSchema.safeParse(input);
  return r.success ? { data: r.data } : { problems: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

/** parseManifest (fast path included) agrees with zod alone: same data or same problems. */
function expectAgreement(input: object): void {
  const expected = zodResult(input);
  const fast = fastParseManifest(input);
  if ('data' in expected) {
    expect(fast).toBeDefined();
    expect(same(fast, expected.data)).toBeNull();
    expect(same(parseManifest(input), expected.data)).toBeNull();
  } else {
    expect(fast).toBeUndefined();
    let problems: unknown;
    try {
      parseManifest(input);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      problems = err.problems;
    }
    expect(problems).toEqual(expected.problems);
  }
}

// ---- arbitraries --------------------------------------------------------------------------------

const keyArb = fc.oneof(
  fc.constantFrom('a', 'fld-000001', 'party.app', 'android.permission.CAMERA', 'x:y_z-1', 'K'.repeat(200)),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,30}$/),
);
const padded = (s: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', ' ', '\n', '\t ', '\u3000'), s, fc.constantFrom('', ' ', '\r\n', '\u00a0')).map(([a, b, c]) => a + b + c);
const textArb = padded(fc.oneof(fc.constantFrom('Name', '姓名', 'a b', 'x'), fc.string({ minLength: 1, maxLength: 20 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 })));
const refArb = fc.oneof(fc.constantFrom('1', '四.2.5', '3.1¶2', 'a#b'), fc.stringMatching(/^\S[^\n\r\u2028\u2029]{0,15}$/));
const citationArb = fc.tuple(keyArb, refArb).map(([k, r]) => `${k}#${r}`);
const durationArb = fc.constantFrom('P6M', 'P1Y', 'PT12H', 'P1Y2M10DT2H30M', 'PT0.5S', 'P2W');
const countryArb = fc.constantFrom('CN', 'US', 'DE');

/** An optional (nullish) property: absent, explicitly undefined, null or a value. */
const ABSENT = Symbol('absent');
const opt = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(ABSENT) }, fc.constant(undefined), fc.constant(null), { weight: 3, arbitrary: arb });
/** A defaulted property: absent, explicitly undefined, or a value. */
const dflt = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: fc.constant(ABSENT) }, fc.constant(undefined), { weight: 3, arbitrary: arb });

/** A record whose ABSENT properties are left out; properties come in a random order. */
function node(props: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(fc.record(props), fc.nat()).map(([r, seed]) => {
    const keys = Object.keys(r).filter((k) => r[k] !== ABSENT);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = (seed + i * 7919) % (i + 1);
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = r[k];
    return out;
  });
}

const sensitivityProps = { sensitive: opt(fc.boolean()), sensitiveClass: opt(fc.constantFrom(...SENSITIVE_CLASSES)) };
const base = (nameRequired = true) => ({
  key: keyArb,
  name: nameRequired ? textArb : opt(textArb),
  nameZh: opt(textArb),
  description: opt(textArb),
  sources: dflt(fc.array(citationArb, { maxLength: 3 })),
});
const keys = (max = 4) => fc.array(keyArb, { maxLength: max });

/** Nodes that are valid, or nearly so (the refinements are left to chance). */
const validNode: Record<Section, fc.Arbitrary<Record<string, unknown>>> = {
  categories: node({ ...base(), parent: opt(keyArb), ...sensitivityProps }),
  fields: node({ ...base(), category: keyArb, ...sensitivityProps }),
  purposes: node({ ...base(), functionType: fc.constantFrom(...FUNCTION_TYPES) }),
  permissions: node({ ...base(), platform: dflt(padded(fc.constantFrom('android', 'ios'))) }),
  parties: node({
    ...base(),
    kind: fc.constantFrom(...PARTY_KINDS),
    country: opt(countryArb),
    contact: opt(textArb),
    sdkPackages: dflt(fc.array(textArb, { maxLength: 3 })),
  }),
  legalBases: node({ ...base(), jurisdiction: padded(fc.constantFrom('CN', 'EU')), article: textArb }),
  flows: node({
    ...base(false),
    from: fc.constantFrom('app', 'server', 'vendor'),
    to: fc.constantFrom('server', 'vendor', 'user'),
    kind: fc.constantFrom(...FLOW_KINDS),
    fields: dflt(keys(7)),
    categories: dflt(keys(2)),
    purposes: dflt(keys(3)),
    legalBases: dflt(keys(2)),
    permissions: dflt(keys(2)),
    consent: fc.constantFrom(...CONSENT_REQUIREMENTS),
    optional: fc.boolean(),
    deidentified: dflt(fc.boolean()),
    retention: opt(node({ description: textArb, minimum: opt(durationArb), maximum: opt(durationArb) })),
    scenario: opt(textArb),
  }),
};

const MINIMAL: Record<Section, Record<string, unknown>> = {
  categories: { key: 'c', name: 'C' },
  fields: { key: 'f', name: 'F', category: 'c' },
  purposes: { key: 'p', name: 'P', functionType: 'BASIC' },
  permissions: { key: 'p', name: 'P' },
  parties: { key: 'p', name: 'P', kind: 'THIRD_PARTY' },
  legalBases: { key: 'l', name: 'L', jurisdiction: 'CN', article: 'A' },
  flows: { key: 'f', from: 'a', to: 'b', kind: 'COLLECTION', fields: ['x'], consent: 'NONE', optional: false },
};
const full = { name: 'N', nameZh: '名', description: 'D', sources: ['d#1', 'd#2'] };
const FULL: Record<Section, Record<string, unknown>> = {
  categories: { key: 'c', ...full, parent: 'p', sensitive: true, sensitiveClass: 'HEALTH' },
  fields: { key: 'f', ...full, category: 'c', sensitive: false, sensitiveClass: null },
  purposes: { key: 'p', ...full, functionType: 'EXTENDED' },
  permissions: { key: 'p', ...full, platform: 'ios' },
  parties: { key: 'p', ...full, kind: 'THIRD_PARTY', country: 'US', contact: 'c@x', sdkPackages: ['com.x'] },
  legalBases: { key: 'l', ...full, jurisdiction: 'CN', article: 'A' },
  flows: {
    key: 'f', ...full, from: 'a', to: 'b', kind: 'PROVISION', fields: ['x', 'y'], categories: ['c'], purposes: ['p'], legalBases: ['l'],
    permissions: ['m'], consent: 'SEPARATE_CONSENT', optional: true, deidentified: true, retention: { description: 'R', minimum: 'P1M', maximum: 'P1Y' },
    scenario: 'S',
  },
};

/** Text limits of the schema, and strings on either side of them (in UTF-16 units and code points). */
const LIMITS = [1, 2, 20, 50, 100, 200, 300, 1000, 2000, 5000, 20_000];
const nearLimit = fc.tuple(fc.constantFrom(...LIMITS), fc.integer({ min: -1, max: 1 }), fc.constantFrom('a', '😀', ' ', 'é', '\ud800')).map(([n, d, unit]) => {
  const s = unit.repeat(Math.max(0, n + d));
  return unit === ' ' ? ` a${s}` : s;
});
const ARRAY_LIMITS = [100, 101, 200, 201, 500, 501];
const longArray = fc.tuple(fc.constantFrom(...ARRAY_LIMITS), fc.constantFrom('k', 'doc#1', 'pkg')).map(([n, v]) => Array.from({ length: n }, () => v));

/** Values that are wrong somewhere, or right in a way the fast path may not expect. */
const ODD_CONSTANTS: unknown[] = [
  undefined, null, 0, 1, -0, NaN, true, false, '', ' ', '\u200b', 'x', '.x', 'a b', 'ключ', 'a'.repeat(201), 'K'.repeat(200),
  'BIOMETRIC', 'biometric', 'BASIC', 'basic', 'OTHER', 'BASIC ', 'COLLECTION', 'NONE', 'FIRST_PARTY', 'P6M', 'P', 'PT', 'P1.5Y', 'PT0.5S', 'CN', 'cn', 'CHN',
  'doc#1', 'doc#', '#1', 'doc# 1', 'doc#a\nb', 'doc#' + 'r'.repeat(99), 'doc#' + 'r'.repeat(100), '2021-01-01',
  [], [null], ['a', 'a'], ['.bad'], [1], ['doc#1'], [' x '], [''], {}, { description: 'x' }, { description: ' ' },
  { description: 'x', maximum: 'P1' }, { description: 'x', minimum: 'P1Y', maximum: null }, { description: 'x', extra: 1 },
  Object.create(null), new Date(0), [undefined], new Array(2),
];
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ODD_CONSTANTS),
  nearLimit,
  longArray,
  fc.string({ maxLength: 12 }),
  fc.array(fc.oneof(keyArb, fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 4 }),
);

/** One change that may break a valid node: a property set to an odd value, removed, or added. */
type Corruption = { kind: 'set'; prop: number; value: unknown } | { kind: 'delete'; prop: number } | { kind: 'add'; name: string; value: unknown } | { kind: 'element'; prop: number; value: unknown };
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), prop: fc.nat(), value: oddValue }) },
  fc.record({ kind: fc.constant('delete' as const), prop: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'Key', 'name '), value: oddValue }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('element' as const), prop: fc.nat(), value: oddValue }) },
);

function corrupt(section: Section, input: Record<string, unknown>, c: Corruption): Record<string, unknown> {
  const n: Record<string, unknown> = { ...input };
  const props = [...FAST_KEYS[NODE_OF[section]]];
  if (c.kind === 'set') n[props[c.prop % props.length]] = c.value;
  else if (c.kind === 'delete') delete n[props[c.prop % props.length]];
  else if (c.kind === 'add') Object.defineProperty(n, c.name, { value: c.value, enumerable: true, writable: true, configurable: true });
  else {
    const lists = props.filter((p) => Array.isArray(n[p]) && (n[p] as unknown[]).length > 0);
    if (lists.length === 0) return n;
    const p = lists[c.prop % lists.length];
    const list = [...(n[p] as unknown[])];
    list[c.prop % list.length] = c.value;
    n[p] = list;
  }
  return n;
}

const nodeCase = fc.constantFrom(...SECTIONS).chain((section) =>
  fc.tuple(fc.constant(section), validNode[section], fc.option(corruption, { freq: 2 })).map(([s, n, c]) => ({ section: s, node: c ? corrupt(s, n, c) : n })),
);

// ---- properties ---------------------------------------------------------------------------------

describe('fast manifest parser', () => {
  test('is enabled: its property lists match the zod schemas', () => {
    expect(FAST_PATH_ENABLED).toBe(true);
    expect(Object.keys(retentionSchema.shape)).toEqual(FAST_KEYS.retention);
  });

  test('the schema it mirrors is unchanged (after changing the schema, update fast-manifest.ts, then this hash)', () => {
    const hash = createHash('sha256').update(JSON.stringify(manifestJsonSchema())).digest('hex');
    expect(hash).toBe(SCHEMA_HASH);
  });

  test('a node the fast path accepts, zod accepts, with exactly the same result', () => {
    let taken = 0;
    let valid = 0;
    fc.assert(
      fc.property(nodeCase, ({ section, node }) => {
        const expected = SCHEMAS[section].safeParse(node);
        if (expected.success) valid++;
        let fast: unknown;
        try {
          fast = FAST_NODE_PARSERS[section](node);
        } catch {
          return; // unsure: zod decides
        }
        taken++;
        expect(expected.success).toBe(true);
        expect(same(fast, expected.data)).toBeNull();
      }),
      { numRuns: 4000 },
    );
    // The fast path must take most valid nodes, or it is not a fast path.
    expect(taken).toBeGreaterThan(valid * 0.7);
  });

  test('a manifest of such nodes: parseManifest and zod agree on the data or on every problem', () => {
    const manifest = fc
      .record(
        Object.fromEntries(SECTIONS.map((s) => [s, fc.array(nodeCase.filter((c) => c.section === s).map((c) => c.node), { maxLength: 3 })])),
        { requiredKeys: [] },
      )
      .chain((m) =>
        fc.oneof(
          { weight: 6, arbitrary: fc.constant<Record<string, unknown>>(m) },
          fc.constantFrom<Record<string, unknown>>({ ...m, version: 1 }, { ...m, version: 2 }, { ...m, version: undefined }, { ...m, extra: [] }),
          oddValue.map((v) => ({ ...m, flows: v })),
          oddValue.map((v) => ({ ...m, documents: v })),
        ),
      );
    fc.assert(fc.property(manifest, (m) => expectAgreement(m)), { numRuns: 1500 });
  });

  test('every property of a minimal and a full node of each section, set to each odd value in turn', () => {
    const strings = LIMITS.flatMap((n) => [n - 1, n, n + 1].flatMap((len) => ['a', '😀', 'é', '\ud800'].map((u) => u.repeat(len))));
    const padded = LIMITS.map((n) => `  ${'a'.repeat(n)}\n`);
    const sizes = [100, 200, 500, 1000, 10_000, 100_000].flatMap((n) => [n, n + 1]);
    let cases = 0;
    for (const section of SECTIONS) {
      for (const base of [MINIMAL[section], FULL[section]]) {
        expectAgreement({ [section]: [base] });
        for (const prop of FAST_KEYS[NODE_OF[section]]) {
          const lists = Array.isArray(base[prop]) || ['fields', 'categories', 'purposes', 'legalBases', 'permissions', 'sources', 'sdkPackages'].includes(prop)
            ? sizes.map((n) => Array.from({ length: n }, () => (prop === 'sources' ? 'd#1' : 'k')))
            : [];
          for (const value of [...ODD_CONSTANTS, ...strings, ...padded, ...lists]) {
            expectAgreement({ [section]: [{ ...base, [prop]: value }] });
            cases++;
          }
          const without = { ...base };
          delete without[prop];
          expectAgreement({ [section]: [without] });
        }
      }
    }
    const retention = FULL.flows.retention as Record<string, unknown>;
    for (const prop of FAST_KEYS.retention) {
      for (const value of [...ODD_CONSTANTS, ...strings, ...padded]) {
        expectAgreement({ flows: [{ ...MINIMAL.flows, retention: { ...retention, [prop]: value } }] });
        expectAgreement({ flows: [{ ...FULL.flows, retention: { ...retention, [prop]: value } }] });
      }
    }
    expect(cases).toBeGreaterThan(10_000);
  });

  test('objects with other prototypes, inherited and non-enumerable properties', () => {
    const field = { key: 'f', name: 'F', category: 'c' };
    const inherited = Object.create({ nameZh: '字段' });
    Object.assign(inherited, field);
    const inheritedUnknown = Object.create({ colour: 'red' });
    Object.assign(inheritedUnknown, field);
    const hidden = { ...field };
    Object.defineProperty(hidden, 'description', { value: 'hidden', enumerable: false });
    const hiddenUndefined = { ...field };
    Object.defineProperty(hiddenUndefined, 'nameZh', { value: undefined, enumerable: false });
    const nullProto = Object.assign(Object.create(null), field);
    const withGetter = { ...field, get name() { return 'Getter'; } };
    class Field { key = 'f'; name = 'F'; category = 'c'; }
    for (const f of [inherited, inheritedUnknown, hidden, hiddenUndefined, nullProto, withGetter, new Field(), new Map(), [field]]) {
      expectAgreement({ fields: [f] });
      expectAgreement(Object.assign(Object.create(null), { fields: [f] }));
    }
  });

  test('sections and refinements at their edges', () => {
    const flow = { key: 'f', from: 'a', to: 'b', kind: 'COLLECTION', fields: ['x'], consent: 'NONE', optional: false };
    for (const patch of [
      {}, { fields: [] }, { fields: [], categories: ['c'] }, { to: 'a' }, { name: ' ' }, { name: null }, { retention: null },
      { retention: undefined }, { deidentified: undefined }, { legalBases: Array(100).fill('l') }, { legalBases: Array(101).fill('l') },
      { fields: Array(7).fill('x') }, { fields: Array(20).fill('x') }, { sources: Array(500).fill('d#1') }, { sources: Array(501).fill('d#1') },
      { scenario: '😀'.repeat(1500) }, { scenario: '😀'.repeat(2001) }, { nameZh: 'a'.repeat(300) }, { nameZh: ' '.repeat(5) + 'a'.repeat(300) },
    ]) {
      expectAgreement({ flows: [{ ...flow, ...patch }] });
    }
    expectAgreement({});
    expectAgreement({ version: 1, documents: undefined, flows: undefined });
    expectAgreement({ flows: new Array(3) });
    expectAgreement({ fields: [{ key: 'f', name: 'F', category: 'c', sensitive: true }] });
    expectAgreement({ fields: [{ key: 'f', name: 'F', category: 'c', sensitive: false, sensitiveClass: 'HEALTH' }] });
    expectAgreement({ categories: [{ key: 'c', name: 'C', sensitive: null, sensitiveClass: 'HEALTH' }] });
    expectAgreement({ parties: [{ key: 'p', name: 'P', kind: 'PUBLIC', sdkPackages: [' com.x ', ''] }] });
    expectAgreement({ permissions: [{ key: 'p', name: 'P', platform: ' ios ' }, { key: 'q', name: 'Q', platform: '' }] });
  });

  test('the fixture inventories, the seed and a generated M inventory come out exactly as zod makes them', () => {
    const seed = readManifestFile(join(__dirname, '..', '..', 'seeds', 'jinquan-2021.yaml')) as object;
    for (const input of [tinyInventoryInput(), inventoryInput(), seed, generateInventory('M').manifest]) {
      const fast = fastParseManifest(input);
      expect(fast).toBeDefined();
      expect(same(fast, manifestSchema.parse(input))).toBeNull();
    }
  });

  test('the generated M inventory is parsed without zod', () => {
    const input = generateInventory('M').manifest as Record<string, unknown[]>;
    for (const section of SECTIONS) {
      for (const n of input[section] ?? []) FAST_NODE_PARSERS[section](n); // throws if unsure
    }
  });
});

const SCHEMA_HASH = '7dce6b2d416d87d6fed9a053dd02b54db5f2a561d7976ae0ff938c12a558546a';
