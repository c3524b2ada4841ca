/**
 * Reference checks over a manifest: every key a node names must exist, in the manifest itself
 * or (for MERGE imports and single-node upserts) in the store already.
 */
import { byKey } from './key-order';
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

/**
 * Every dangling or duplicate reference, in manifest order. Written for 500,000 flows: the key
 * sets are built once, and paths and messages are only formatted for a problem actually found.
 */
export function checkReferences(manifest: Manifest, known: KnownKeys = NO_KNOWN_KEYS): Problem[] {
  const problems: Problem[] = [];
  const keys = new Map<NodeType, Set<string>>();
  const clauses = new Set<string>();

  for (const type of Object.keys(SECTION_OF) as NodeType[]) {
    const section = SECTION_OF[type];
    const nodes = manifest[section] as Array<{ key: string }>;
    // Nothing names a flow, so flow keys only need a Set to find repeats; in key order (as
    // exports and generated inventories are) there can be none.
    if (type === 'flow' && inKeyOrder(nodes)) continue;
    const seen = new Set<string>();
    for (let i = 0; i < nodes.length; i++) {
      const key = nodes[i].key;
      const size = seen.size;
      if (seen.add(key).size === size) problems.push({ path: `${section}[${i}].key`, message: `duplicate ${type} key "${key}"` });
    }
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

  const check = new ReferenceCheck(problems, clauses, known);
  const categoryKeys = keys.get('category')!;
  const partyKeys = keys.get('party')!;
  const categories = manifest.categories;
  for (let i = 0; i < categories.length; i++) {
    const c = categories[i];
    check.ref('categories', i, 'parent', 'category', categoryKeys, c.parent);
    if (c.parent === c.key) problems.push({ path: `categories[${i}].parent`, message: 'a category cannot be its own parent' });
    check.sources('categories', i, c.sources);
  }
  for (const p of findCategoryCycles(manifest)) problems.push(p);
  const fields = manifest.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    check.ref('fields', i, 'category', 'category', categoryKeys, f.category);
    check.sources('fields', i, f.sources);
  }
  for (const section of ['purposes', 'permissions', 'parties', 'legalBases'] as const) {
    const nodes = manifest[section];
    for (let i = 0; i < nodes.length; i++) check.sources(section, i, nodes[i].sources);
  }
  const fieldKeys = keys.get('field')!;
  const purposeKeys = keys.get('purpose')!;
  const legalBasisKeys = keys.get('legalBasis')!;
  const permissionKeys = keys.get('permission')!;
  const flows = manifest.flows;
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i];
    check.ref('flows', i, 'from', 'party', partyKeys, f.from);
    check.ref('flows', i, 'to', 'party', partyKeys, f.to);
    check.list(i, 'fields', 'field', fieldKeys, f.fields);
    check.list(i, 'categories', 'category', categoryKeys, f.categories);
    check.list(i, 'purposes', 'purpose', purposeKeys, f.purposes);
    check.list(i, 'legalBases', 'legalBasis', legalBasisKeys, f.legalBases);
    check.list(i, 'permissions', 'permission', permissionKeys, f.permissions);
    check.sources('flows', i, f.sources);
  }
  return problems;
}

/** Strictly ascending keys: all distinct. */
function inKeyOrder(nodes: ReadonlyArray<{ key: string }>): boolean {
  for (let i = 1; i < nodes.length; i++) if (byKey(nodes[i - 1], nodes[i]) >= 0) return false;
  return true;
}

/** Lists up to this long are searched for repeats in place; longer ones get a Set. */
const SHORT_LIST = 16;

/** The per-reference checks of checkReferences. `own` holds the manifest's keys of `type`. */
class ReferenceCheck {
  constructor(
    private readonly problems: Problem[],
    private readonly clauses: Set<string>,
    private readonly known: KnownKeys,
  ) {}

  /** `<section>[i].<property>` names a `type` node (or nothing). */
  ref(section: string, i: number, property: string, type: NodeType, own: Set<string>, key: string | null | undefined): void {
    if (key != null && !own.has(key) && !this.known.has(type, key)) {
      this.problems.push({ path: `${section}[${i}].${property}`, message: `unknown ${type} "${key}"` });
    }
  }

  /** `flows[i].<property>` lists `type` nodes, each once. */
  list(i: number, property: string, type: NodeType, own: Set<string>, list: readonly string[]): void {
    const n = list.length;
    const seen = n > SHORT_LIST ? new Set<string>() : null;
    for (let j = 0; j < n; j++) {
      const key = list[j];
      let twice = false;
      if (seen) {
        const size = seen.size;
        twice = seen.add(key).size === size;
      } else {
        for (let k = 0; k < j; k++) if (list[k] === key) { twice = true; break; }
      }
      if (twice) this.problems.push({ path: `flows[${i}].${property}[${j}]`, message: `${type} "${key}" is listed twice` });
      if (!own.has(key) && !this.known.has(type, key)) {
        this.problems.push({ path: `flows[${i}].${property}[${j}]`, message: `unknown ${type} "${key}"` });
      }
    }
  }

  /** `<section>[i].sources` cites clauses (of the manifest's documents or stored ones). */
  sources(section: string, i: number, sources: readonly string[]): void {
    for (let j = 0; j < sources.length; j++) {
      const citation = sources[j];
      if (this.clauses.has(citation)) continue; // parseCitation would pass it: no problem either way
      const parsed = parseCitation(citation);
      if (!parsed) continue; // shape errors are reported by the schema
      if (!this.known.hasClause(parsed.documentKey, parsed.ref)) {
        this.problems.push({ path: `${section}[${i}].sources[${j}]`, message: `cites unknown clause "${parsed.ref}" of document "${parsed.documentKey}"` });
      }
    }
  }
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
