import type { ManifestInput } from '../../src/domain/manifest';
import { ValidationError, type Problem } from '../../src/domain/problems';
import type { KnownKeys } from '../../src/domain/references';
import { parseManifest, validateManifest } from '../../src/domain/validate';
import { inventory, inventoryInput, tinyInventoryInput } from '../store/fixtures';

type Section = Exclude<keyof ManifestInput, 'version'>;

/** The tiny inventory (valid) with one node's properties changed; values may be anything. */
function patched(section: Section, patch: Record<string, unknown>, index = 0): unknown {
  const m = structuredClone(tinyInventoryInput()) as Record<Section, Array<Record<string, unknown>>>;
  m[section][index] = { ...m[section][index], ...patch };
  return m;
}

/** The tiny inventory with extra nodes added to a section. */
function appended(section: Section, ...nodes: Array<Record<string, unknown>>): unknown {
  const m = structuredClone(tinyInventoryInput()) as Record<Section, unknown[]>;
  m[section].push(...nodes);
  return m;
}

/** The tiny inventory with a category tree (each `[key, parent]`) standing in for its one category. */
function withCategories(...tree: Array<[string, string | null]>): unknown {
  return { ...tinyInventoryInput(), categories: [{ key: 'contact', name: 'Contact' }, ...tree.map(([key, parent]) => ({ key, name: key, parent }))] };
}

/** Every problem validation reports; fails the test if the input is valid. */
function problemsOf(input: unknown, known?: KnownKeys): Problem[] {
  try {
    validateManifest(input, known);
  } catch (err) {
    if (err instanceof ValidationError) return err.problems;
    throw err;
  }
  throw new Error('expected the manifest to be invalid, but it passed');
}

const pathsOf = (input: unknown) => problemsOf(input).map((p) => p.path);
const problem = (path: string, message: string | RegExp) => ({ path, message: typeof message === 'string' ? message : expect.stringMatching(message) });

describe('validateManifest: valid manifests', () => {
  test('the fixture inventories pass', () => {
    expect(() => validateManifest(tinyInventoryInput())).not.toThrow();
    expect(validateManifest(inventoryInput())).toEqual(inventory());
  });

  test('defaults are applied to an empty manifest', () => {
    expect(validateManifest({})).toEqual({
      version: 1, documents: [], categories: [], fields: [], purposes: [], permissions: [], parties: [], legalBases: [], flows: [],
    });
  });

  test('defaults are applied to nodes', () => {
    const m = validateManifest({
      documents: [{ key: 'd', title: 'D', updatedAt: '2024-01-01', effectiveAt: '2024-01-01' }],
      categories: [{ key: 'c', name: 'C' }],
      permissions: [{ key: 'CAMERA', name: 'Camera' }],
      parties: [{ key: 'a', name: 'A', kind: 'DATA_SUBJECT' }, { key: 'b', name: 'B', kind: 'FIRST_PARTY' }],
      flows: [{ key: 'f', from: 'a', to: 'b', kind: 'COLLECTION', categories: ['c'], consent: 'NONE', optional: false }],
    });
    expect(m.documents[0].clauses).toEqual([]);
    expect(m.categories[0].sources).toEqual([]);
    expect(m.permissions[0].platform).toBe('android');
    expect(m.parties[0].sdkPackages).toEqual([]);
    expect(m.flows[0]).toMatchObject({ fields: [], purposes: [], legalBases: [], permissions: [], sources: [], deidentified: false });
  });

  test('multi-line text is kept exactly, line breaks and indentation included', () => {
    const description = '  Sent weekly:\n  - news\n';
    expect(validateManifest(patched('purposes', { description })).purposes[0].description).toBe(description);
  });

  test.each(['P6M', 'P3Y', 'P30D', 'P2W', 'PT12H', 'P1Y2M10DT2H30M', 'PT0.5S'])('the ISO-8601 duration %s is accepted', (maximum) => {
    expect(() => validateManifest(patched('flows', { retention: { description: 'Kept', maximum } }))).not.toThrow();
  });

  test('references may be answered by what the store already holds', () => {
    const known: KnownKeys = {
      has: (type, key) => (type === 'party' && key === 'stored-party') || (type === 'purpose' && key === 'stored-purpose'),
      hasClause: (doc, ref) => doc === 'stored-doc' && ref === '3.1',
    };
    const input = patched('flows', { to: 'stored-party', purposes: ['newsletter', 'stored-purpose'], sources: ['stored-doc#3.1'] });
    expect(() => validateManifest(input, known)).not.toThrow();
    expect(problemsOf(input).map((p) => p.path)).toEqual(['flows[0].to', 'flows[0].purposes[1]', 'flows[0].sources[0]']);
  });
});

describe('validateManifest: each problem named with its path', () => {
  const cases: Array<[string, unknown, ReturnType<typeof problem>]> = [
    // references
    ['unknown purpose', patched('flows', { purposes: ['newsletter', 'nope'] }), problem('flows[0].purposes[1]', 'unknown purpose "nope"')],
    ['unknown source party', patched('flows', { from: 'nobody' }), problem('flows[0].from', 'unknown party "nobody"')],
    ['unknown field in a flow', patched('flows', { fields: ['email', 'phone'] }), problem('flows[0].fields[1]', 'unknown field "phone"')],
    ['unknown category in a flow', patched('flows', { categories: ['nope'] }), problem('flows[0].categories[0]', 'unknown category "nope"')],
    ['unknown legal basis', patched('flows', { legalBases: ['nope'] }), problem('flows[0].legalBases[0]', 'unknown legalBasis "nope"')],
    ['unknown permission', patched('flows', { permissions: ['nope'] }), problem('flows[0].permissions[0]', 'unknown permission "nope"')],
    ['key listed twice in a flow', patched('flows', { purposes: ['newsletter', 'newsletter'] }), problem('flows[0].purposes[1]', 'purpose "newsletter" is listed twice')],
    ['field in an unknown category', patched('fields', { category: 'nope' }), problem('fields[0].category', 'unknown category "nope"')],
    ['category under an unknown parent', patched('categories', { parent: 'nope' }), problem('categories[0].parent', 'unknown category "nope"')],
    ['duplicate key', appended('purposes', { key: 'newsletter', name: 'Again', functionType: 'BASIC' }), problem('purposes[1].key', 'duplicate purpose key "newsletter"')],
    ['duplicate clause ref', patched('documents', { clauses: [{ ref: '1', text: 'a' }, { ref: '1', text: 'b' }] }), problem('documents[0].clauses[1].ref', 'duplicate clause ref "1" in document "tiny-policy"')],
    ['document effective before its update', patched('documents', { effectiveAt: '2023-12-31' }), problem('documents[0].effectiveAt', 'effectiveAt is before updatedAt')],
    ['citation of an unknown clause', patched('fields', { sources: ['tiny-policy#9'] }), problem('fields[0].sources[0]', 'cites unknown clause "9" of document "tiny-policy"')],
    ['citation of an unknown document', patched('parties', { sources: ['other#1'] }), problem('parties[0].sources[0]', 'cites unknown clause "1" of document "other"')],
    // shape
    ['badly formed citation', patched('fields', { sources: ['tiny-policy'] }), problem('fields[0].sources[0]', /must cite a clause/)],
    ['citation with a blank ref', patched('flows', { sources: ['tiny-policy# 1'] }), problem('flows[0].sources[0]', /must cite a clause/)],
    ['bad party kind', patched('parties', { kind: 'VENDOR' }), problem('parties[0].kind', /COLLECTION|DATA_SUBJECT/)],
    ['bad flow kind', patched('flows', { kind: 'SALE' }), problem('flows[0].kind', /PROVISION/)],
    ['bad consent', patched('flows', { consent: 'IMPLIED' }), problem('flows[0].consent', /SEPARATE_CONSENT/)],
    ['bad function type', patched('purposes', { functionType: 'CORE' }), problem('purposes[0].functionType', /BASIC/)],
    ['bad sensitive class', patched('fields', { sensitiveClass: 'SECRET' }), problem('fields[0].sensitiveClass', /BIOMETRIC/)],
    ['duration in words', patched('flows', { retention: { description: 'Kept', maximum: '6 months' } }), problem('flows[0].retention.maximum', /ISO-8601 duration/)],
    ['empty duration', patched('flows', { retention: { description: 'Kept', minimum: 'P' } }), problem('flows[0].retention.minimum', /ISO-8601 duration/)],
    ['duration with an empty time part', patched('flows', { retention: { description: 'Kept', minimum: 'P1DT' } }), problem('flows[0].retention.minimum', /ISO-8601 duration/)],
    ['fractional years', patched('flows', { retention: { description: 'Kept', maximum: 'P1.5Y' } }), problem('flows[0].retention.maximum', /ISO-8601 duration/)],
    ['impossible date', patched('documents', { updatedAt: '2024-13-01' }), problem('documents[0].updatedAt', /YYYY-MM-DD/)],
    ['country name instead of code', patched('parties', { country: 'China' }), problem('parties[0].country', /ISO 3166-1/)],
    ['key with a space', patched('permissions', { key: 'READ CONTACTS' }), problem('permissions[0].key', /ASCII key/)],
    ['blank name', patched('purposes', { name: '   ' }), problem('purposes[0].name', 'must not start or end with white space (found U+0020 space)')],
    ['name with a trailing no-break space', patched('parties', { name: 'Umeng\u00a0' }), problem('parties[0].name', 'must not start or end with white space (found U+00A0 no-break space)')],
    ['title with a leading byte order mark', { ...tinyInventoryInput(), documents: [{ key: 'd', title: '\ufeffPolicy', updatedAt: '2024-01-01', effectiveAt: '2024-01-01' }] }, problem('documents[0].title', /found U\+FEFF byte order mark/)],
    ['SDK package with a trailing ideographic space', patched('parties', { sdkPackages: ['com.umeng\u3000'] }), problem('parties[0].sdkPackages[0]', /found U\+3000 ideographic space/)],
    ['description of white space only', patched('purposes', { description: ' \n\u00a0' }), problem('purposes[0].description', 'must not be only white space')],
    ['missing required property', patched('legalBases', { article: undefined }), problem('legalBases[0].article', /expected string/)],
    ['unknown property', patched('fields', { colour: 'red' }), problem('fields[0]', /Unrecognized key: "colour"/)],
    ['unknown section', { ...tinyInventoryInput(), systems: [] }, problem('', /Unrecognized key: "systems"/)],
    ['unsupported version', { ...tinyInventoryInput(), version: 2 }, problem('version', /expected 1/)],
    // rules
    ['sensitive category without a class', patched('categories', { sensitive: true }), problem('categories[0].sensitiveClass', /must name its sensitiveClass/)],
    ['sensitive field without a class', patched('fields', { sensitive: true }), problem('fields[0].sensitiveClass', /must name its sensitiveClass/)],
    ['non-sensitive node with a class', patched('fields', { sensitive: false, sensitiveClass: 'HEALTH' }), problem('fields[0].sensitiveClass', /cannot have a sensitiveClass/)],
    ['category its own parent', patched('categories', { parent: 'contact' }), problem('categories[0].parent', 'a category cannot be its own parent')],
    ['flow carrying nothing', patched('flows', { fields: [] }), problem('flows[0].fields', 'a flow must carry at least one field or category')],
    ['flow to its own source', patched('flows', { to: 'subscriber' }), problem('flows[0].to', 'a flow must go to a party other than its source')],
  ];

  test.each(cases)('%s', (_, input, expected) => {
    expect(problemsOf(input)).toEqual([expected]);
  });

  test.each([null, [], 'fields: []', 42])('a manifest that is not an object (%j)', (input) => {
    expect(problemsOf(input)).toEqual([problem('', /must be an object/)]);
  });
});

describe('validateManifest: category cycles', () => {
  test('every category on a two-category cycle is reported', () => {
    expect(problemsOf(withCategories(['a', 'b'], ['b', 'a']))).toEqual([
      problem('categories[1].parent', 'category "a" is its own ancestor'),
      problem('categories[2].parent', 'category "b" is its own ancestor'),
    ]);
  });

  test('a longer cycle, and not the categories hanging off it', () => {
    expect(pathsOf(withCategories(['leaf', 'x'], ['x', 'y'], ['y', 'z'], ['z', 'x']))).toEqual([
      'categories[2].parent',
      'categories[3].parent',
      'categories[4].parent',
    ]);
  });

  test('a deep tree without a cycle passes', () => {
    expect(() => validateManifest(withCategories(['a', 'contact'], ['b', 'a'], ['c', 'b'], ['d', 'c']))).not.toThrow();
  });
});

describe('validateManifest: several problems at once', () => {
  test('every reference problem is reported, in one error', () => {
    const input = {
      ...tinyInventoryInput(),
      fields: [
        { key: 'email', name: 'E-mail', category: 'contact', sources: ['tiny-policy#2'] },
        { key: 'email', name: 'E-mail again', category: 'nope' },
      ],
      flows: [{ key: 'subscribe', from: 'subscriber', to: 'nobody', kind: 'COLLECTION', fields: ['email'], purposes: ['newsletter', 'spam'], consent: 'CONSENT', optional: true }],
    };
    expect(pathsOf(input)).toEqual([
      'fields[1].key',
      'fields[0].sources[0]',
      'fields[1].category',
      'flows[0].to',
      'flows[0].purposes[1]',
    ]);
  });

  test('every shape problem is reported, in one error', () => {
    const input = {
      ...tinyInventoryInput(),
      parties: [{ key: 'subscriber', name: 'Subscriber', kind: 'PERSON' }, { key: 'mailer', kind: 'FIRST_PARTY', country: 'cn' }],
      categories: [{ key: 'contact', name: 'Contact', sensitive: true }],
    };
    expect(pathsOf(input).sort()).toEqual(['categories[0].sensitiveClass', 'parties[0].kind', 'parties[1].country', 'parties[1].name']);
  });

  test('the error message lists each problem with its path', () => {
    let error: unknown;
    try {
      validateManifest(patched('flows', { from: 'nobody', purposes: ['spam'] }));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'invalid manifest: 2 problems\n  - flows[0].from: unknown party "nobody"\n  - flows[0].purposes[0]: unknown purpose "spam"',
    );
  });

  test('parseManifest checks shape only; references are validateManifest\'s job', () => {
    const dangling = patched('flows', { from: 'nobody' });
    expect(() => parseManifest(dangling)).not.toThrow();
    expect(pathsOf(dangling)).toEqual(['flows[0].from']);
  });
});
