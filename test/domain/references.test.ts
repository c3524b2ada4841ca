/**
 * checkReferences was rewritten for speed (500,000 flows). It must still report exactly what the
 * straightforward version below reported: the same problems, paths and messages, in the same order.
 */
import fc from 'fast-check';
import { CLAUSE_CITATION_PATTERN, type Manifest } from '../../src/domain/manifest';
import type { Problem } from '../../src/domain/problems';
import { checkReferences, NO_KNOWN_KEYS, SECTION_OF, type KnownKeys } from '../../src/domain/references';
import type { NodeType } from '../../src/domain/vocabulary';

/** The version before the rewrite, kept as the oracle. */
function referenceOracle(manifest: Manifest, known: KnownKeys = NO_KNOWN_KEYS): Problem[] {
  const parseCitation = (citation: string) => {
    const m = CLAUSE_CITATION_PATTERN.exec(citation);
    return m ? { documentKey: m[1], ref: m[2] } : null;
  };
  const problems: Problem[] = [];
  const keys = new Map<NodeType, Set<string>>();
  const clauses = new Set<string>();
  for (const type of Object.keys(SECTION_OF) as NodeType[]) {
    const section = SECTION_OF[type];
    const seen = new Set<string>();
    (manifest[section] as Array<{ key: string }>).forEach((node, i) => {
      if (seen.has(node.key)) problems.push({ path: `${section}[${i}].key`, message: `duplicate ${type} key "${node.key}"` });
      seen.add(node.key);
    });
    keys.set(type, seen);
  }
  manifest.documents.forEach((doc, d) => {
    const refs = new Set<string>();
    doc.clauses.forEach((clause, c) => {
      if (refs.has(clause.ref)) problems.push({ path: `documents[${d}].clauses[${c}].ref`, message: `duplicate clause ref "${clause.ref}" in document "${doc.key}"` });
      refs.add(clause.ref);
      clauses.add(`${doc.key}#${clause.ref}`);
    });
    if (doc.effectiveAt < doc.updatedAt) problems.push({ path: `documents[${d}].effectiveAt`, message: 'effectiveAt is before updatedAt' });
  });
  const exists = (type: NodeType, key: string) => keys.get(type)!.has(key) || known.has(type, key);
  const ref = (path: string, type: NodeType, key: string | null | undefined) => {
    if (key != null && !exists(type, key)) problems.push({ path, message: `unknown ${type} "${key}"` });
  };
  const refList = (path: string, type: NodeType, list: string[]) => {
    const seen = new Set<string>();
    list.forEach((key, i) => {
      if (seen.has(key)) problems.push({ path: `${path}[${i}]`, message: `${type} "${key}" is listed twice` });
      seen.add(key);
      ref(`${path}[${i}]`, type, key);
    });
  };
  const checkSources = (path: string, sources: string[]) => {
    sources.forEach((citation, i) => {
      const parsed = parseCitation(citation);
      if (!parsed) return;
      if (!clauses.has(citation) && !known.hasClause(parsed.documentKey, parsed.ref)) {
        problems.push({ path: `${path}[${i}]`, message: `cites unknown clause "${parsed.ref}" of document "${parsed.documentKey}"` });
      }
    });
  };
  manifest.categories.forEach((c, i) => {
    ref(`categories[${i}].parent`, 'category', c.parent);
    if (c.parent === c.key) problems.push({ path: `categories[${i}].parent`, message: 'a category cannot be its own parent' });
    checkSources(`categories[${i}].sources`, c.sources);
  });
  const parentOf = new Map(manifest.categories.map((c) => [c.key, c.parent ?? null]));
  manifest.categories.forEach((c, i) => {
    if (c.parent === c.key) return;
    const seen = new Set<string>([c.key]);
    let cur = c.parent ?? null;
    while (cur && parentOf.has(cur)) {
      if (seen.has(cur)) {
        if (cur === c.key) problems.push({ path: `categories[${i}].parent`, message: `category "${c.key}" is its own ancestor` });
        return;
      }
      seen.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
  });
  manifest.fields.forEach((f, i) => {
    ref(`fields[${i}].category`, 'category', f.category);
    checkSources(`fields[${i}].sources`, f.sources);
  });
  for (const section of ['purposes', 'permissions', 'parties', 'legalBases'] as const) {
    manifest[section].forEach((n, i) => checkSources(`${section}[${i}].sources`, n.sources));
  }
  manifest.flows.forEach((f, i) => {
    const p = `flows[${i}]`;
    ref(`${p}.from`, 'party', f.from);
    ref(`${p}.to`, 'party', f.to);
    refList(`${p}.fields`, 'field', f.fields);
    refList(`${p}.categories`, 'category', f.categories);
    refList(`${p}.purposes`, 'purpose', f.purposes);
    refList(`${p}.legalBases`, 'legalBasis', f.legalBases);
    refList(`${p}.permissions`, 'permission', f.permissions);
    checkSources(`${p}.sources`, f.sources);
  });
  return problems;
}

// Few keys, so that references hit and miss, lists repeat and keys collide.
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const keys = fc.oneof(fc.array(key, { maxLength: 4 }), fc.array(key, { minLength: 15, maxLength: 25 }));
const citation = fc.constantFrom('doc#1', 'doc#2', 'doc#9', 'old#1', 'old#7', 'not a citation', 'doc#', '#1');
const sources = fc.array(citation, { maxLength: 3 });
const base = { key, name: fc.constant('N'), sources };

const manifestArb: fc.Arbitrary<Manifest> = fc.record({
  version: fc.constant(1 as const),
  documents: fc.array(
    fc.record({
      key: fc.constantFrom('doc', 'doc', 'other'),
      title: fc.constant('T'),
      updatedAt: fc.constantFrom('2021-01-01', '2021-06-01'),
      effectiveAt: fc.constantFrom('2021-01-01', '2021-03-01'),
      clauses: fc.array(fc.record({ ref: fc.constantFrom('1', '2', '3'), text: fc.constant('x') }), { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
  categories: fc.array(fc.record({ ...base, parent: fc.option(key, { nil: undefined }) }), { maxLength: 5 }),
  fields: fc.array(fc.record({ ...base, category: key }), { maxLength: 4 }),
  purposes: fc.array(fc.record({ ...base, functionType: fc.constant('BASIC' as const) }), { maxLength: 3 }),
  permissions: fc.array(fc.record({ ...base, platform: fc.constant('android') }), { maxLength: 3 }),
  parties: fc.array(fc.record({ ...base, kind: fc.constant('THIRD_PARTY' as const), sdkPackages: fc.constant([]) }), { maxLength: 4 }),
  legalBases: fc.array(fc.record({ ...base, jurisdiction: fc.constant('CN'), article: fc.constant('A') }), { maxLength: 3 }),
  flows: fc
    .tuple(
      fc.array(
        fc.record({
          key: fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5', 'f6'),
          sources,
          from: key,
          to: key,
          kind: fc.constant('COLLECTION' as const),
          fields: keys,
          categories: keys,
          purposes: keys,
          legalBases: keys,
          permissions: keys,
          consent: fc.constant('NONE' as const),
          optional: fc.boolean(),
          deidentified: fc.boolean(),
        }),
        { maxLength: 5 },
      ),
      fc.boolean(),
    )
    // sorted flow keys take a shortcut past the duplicate check
    .map(([flows, sorted]) => (sorted ? flows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)) : flows)),
});

const knownArb: fc.Arbitrary<KnownKeys> = fc
  .tuple(fc.subarray(['a', 'b', 'c', 'd', 'e']), fc.constantFrom<NodeType[]>([], ['party'], ['field', 'category'], ['purpose', 'legalBasis', 'permission']), fc.boolean())
  .map(([storedKeys, types, oldClauses]) => ({
    has: (type, k) => types.includes(type) && storedKeys.includes(k),
    hasClause: (doc, ref) => oldClauses && doc === 'old' && ref === '1',
  }));

describe('checkReferences', () => {
  test('reports what the straightforward version reported, in the same order', () => {
    let withProblems = 0;
    fc.assert(
      fc.property(manifestArb, fc.option(knownArb, { nil: undefined }), (manifest, known) => {
        const expected = referenceOracle(manifest, known);
        if (expected.length > 0) withProblems++;
        expect(checkReferences(manifest, known)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(withProblems).toBeGreaterThan(1000);
  });

  test('finds repeated flow keys whether or not the flows are in key order', () => {
    const flow = (key: string) => ({
      key, sources: [], from: 'a', to: 'b', kind: 'COLLECTION' as const, fields: [], categories: [], purposes: [], legalBases: [],
      permissions: [], consent: 'NONE' as const, optional: false, deidentified: false,
    });
    const empty = { version: 1 as const, documents: [], categories: [], fields: [], purposes: [], permissions: [], legalBases: [] };
    const parties = [{ key: 'a', name: 'A', sources: [], kind: 'THIRD_PARTY' as const, sdkPackages: [] }, { key: 'b', name: 'B', sources: [], kind: 'THIRD_PARTY' as const, sdkPackages: [] }];
    expect(checkReferences({ ...empty, parties, flows: [flow('f1'), flow('f2'), flow('f3')] })).toEqual([]);
    expect(checkReferences({ ...empty, parties, flows: [flow('f1'), flow('f1'), flow('f2')] })).toEqual([{ path: 'flows[1].key', message: 'duplicate flow key "f1"' }]);
    expect(checkReferences({ ...empty, parties, flows: [flow('f2'), flow('f1'), flow('f2')] })).toEqual([{ path: 'flows[2].key', message: 'duplicate flow key "f2"' }]);
  });
});
