/**
 * Reference checks over a manifest: every key a node names must exist, in the manifest itself
 * or (for MERGE imports and single-node upserts) in the store already.
 */
import { CLAUSE_CITATION_PATTERN, type Manifest } from './manifest';
import type { Problem } from './problems';
import type { NodeType } from './vocabulary';

/** Keys that exist outside the manifest being checked (what the store already holds). */
export interface KnownKeys {
  has(type: NodeType, key: string): boolean;
  hasClause(documentKey: string, ref: string): boolean;
}

export const NO_KNOWN_KEYS: KnownKeys = { has: () => false, hasClause: () => false };

/** The manifest section that holds each node type. */
export const SECTION_OF: Record<NodeType, keyof Manifest> = {
  document: 'documents',
  category: 'categories',
  field: 'fields',
  purpose: 'purposes',
  permission: 'permissions',
  party: 'parties',
  legalBasis: 'legalBases',
  flow: 'flows',
};

export function parseCitation(citation: string): { documentKey: string; ref: string } | null {
  const m = CLAUSE_CITATION_PATTERN.exec(citation);
  return m ? { documentKey: m[1], ref: m[2] } : null;
}

export function checkReferences(manifest: Manifest, known: KnownKeys = NO_KNOWN_KEYS): Problem[] {
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
    if (doc.effectiveAt < doc.updatedAt) {
      problems.push({ path: `documents[${d}].effectiveAt`, message: 'effectiveAt is before updatedAt' });
    }
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
      if (!parsed) return; // shape errors are reported by the schema
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
  problems.push(...findCategoryCycles(manifest));
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

/** Cycles among the manifest's own categories (a cycle through stored ones is caught by the store). */
function findCategoryCycles(manifest: Manifest): Problem[] {
  const parentOf = new Map(manifest.categories.map((c) => [c.key, c.parent ?? null]));
  const problems: Problem[] = [];
  manifest.categories.forEach((c, i) => {
    if (c.parent === c.key) return; // reported as "its own parent"
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
  return problems;
}


/** The keys a manifest names outside its own nodes: what a MERGE must find in the store. */
export function referencedKeys(m: Manifest): { keys: Map<NodeType, Set<string>>; citations: Set<string> } {
  const keys = new Map<NodeType, Set<string>>();
  const add = (type: NodeType, key: string | null | undefined) => {
    if (!key) return;
    let set = keys.get(type);
    if (!set) keys.set(type, (set = new Set()));
    set.add(key);
  };
  const citations = new Set<string>();
  const nodes = [m.categories, m.fields, m.purposes, m.permissions, m.parties, m.legalBases, m.flows].flat();
  for (const n of nodes) for (const s of n.sources) citations.add(s);
  for (const c of m.categories) add('category', c.parent);
  for (const f of m.fields) add('category', f.category);
  for (const f of m.flows) {
    add('party', f.from);
    add('party', f.to);
    f.fields.forEach((k) => add('field', k));
    f.categories.forEach((k) => add('category', k));
    f.purposes.forEach((k) => add('purpose', k));
    f.legalBases.forEach((k) => add('legalBasis', k));
    f.permissions.forEach((k) => add('permission', k));
  }
  return { keys, citations };
}
