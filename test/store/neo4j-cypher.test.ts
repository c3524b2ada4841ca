/**
 * Every Cypher statement the Neo4j adapter can send, checked on every test run by the official
 * Neo4j Cypher parser, with the adapter's own labels, relationship types and property keys as the
 * schema: a syntax error, an unknown label, relationship type or property fails the suite.
 */
import { allStatements } from '../../src/store/neo4j/cypher-reads';
import { ALL_LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from '../../src/store/neo4j/graph-model';

// The package is ESM-first with a CommonJS build; jest loads the CommonJS one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lintCypherQuery, isNotParamError } = require('@neo4j-cypher/language-support') as {
  lintCypherQuery(query: string, schema: object): { diagnostics: Array<{ severity: number; message: string }> };
  isNotParamError(d: { severity: number; message: string }): boolean;
};

const schema = { labels: ALL_LABELS, relationshipTypes: RELATIONSHIP_TYPES, propertyKeys: PROPERTY_KEYS };

function problemsOf(text: string): string[] {
  const result = lintCypherQuery(text, schema);
  const diagnostics = Array.isArray(result) ? result : result.diagnostics;
  return diagnostics.filter(isNotParamError).map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
}

const statements = allStatements();

it('collects every statement the adapter can send', () => {
  expect(statements.length).toBeGreaterThan(100);
  expect(new Set(statements.map((s) => s.name)).size).toBe(statements.length);
});

test.each(statements.map((s) => [s.name, s.text]))('%s parses cleanly against the FieldTrail graph schema', (_name, text) => {
  expect(problemsOf(text)).toEqual([]);
});

describe('the check itself can fail', () => {
  it.each([
    ['a syntax error', 'MATCH (n:PersonalField RETURN n'],
    ['an unknown label', 'MATCH (n:PersonalFeild) RETURN n.key'],
    ['an unknown relationship type', 'MATCH (n:DataFlow)-[:CARRIES]->(m) RETURN m.key'],
    ['an unknown property', 'MATCH (n:Party) RETURN n.contry'],
  ])('catches %s', (_what, text) => {
    expect(problemsOf(text)).not.toEqual([]);
  });
});
