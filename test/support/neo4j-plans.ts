/**
 * Query-plan checks for the Neo4j adapter (used by test/store/neo4j-plans.test.ts): every
 * statement the adapter can send, realistic parameters for it on a loaded inventory, a walker over
 * the plan the server returns for EXPLAIN / PROFILE, the rules a plan must keep, and the report
 * written to bench/results/neo4j-plans.json and BENCHMARKS.md.
 *
 * Operator names are those of Neo4j 5.26 as neo4j-driver reports them (`NodeUniqueIndexSeek@neo4j`;
 * the `@neo4j` suffix is stripped). At M the adapter's plans use NodeUniqueIndexSeek (a MERGE's
 * shows as `NodeUniqueIndexSeek(Locking)`), NodeIndexSeek (equality on a range index),
 * NodeIndexSeekByRange (`a.seq < $afterSeq`), and, where allowed, NodeByLabelScan and
 * NodeIndexScan (`a.seq IS NOT NULL`).
 */
import type { Manifest } from '../../src/domain/manifest';
import { parseManifest } from '../../src/domain/validate';
import type { InventoryStore } from '../../src/store/inventory-store';
import { NODE_TYPES, type NodeType } from '../../src/domain/vocabulary';
import { SECTION_OF } from '../../src/domain/references';
import { versionOf } from '../../src/store/neo4j/cypher';
import { allStatements, readShapes } from '../../src/store/neo4j/cypher-reads';
import { LABEL, NODE_VERSION_LABEL, OWNED_EDGES } from '../../src/store/neo4j/graph-model';
import { toProps } from '../../src/store/neo4j/records';

// ---- operators --------------------------------------------------------------------------------

/** Index seeks of Neo4j 5.26 (Cypher manual, "Operators"); `(Locking)` marks a MERGE's seek. */
export const SEEK_OPERATORS = new Set([
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'MultiNodeIndexSeek',
  'AssertingMultiNodeIndexSeek',
  'DirectedRelationshipIndexSeek',
  'UndirectedRelationshipIndexSeek',
  'DirectedRelationshipIndexSeekByRange',
  'UndirectedRelationshipIndexSeekByRange',
  'DirectedRelationshipByIdSeek',
  'UndirectedRelationshipByIdSeek',
  'DirectedRelationshipByElementIdSeek',
  'UndirectedRelationshipByElementIdSeek',
]);

/** Scans of Neo4j 5.26: each reads every node with a label (or in an index, or in the database). */
export const SCAN_OPERATORS = new Set([
  'AllNodesScan',
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'DirectedAllRelationshipsScan',
  'UndirectedAllRelationshipsScan',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'DirectedUnionRelationshipTypesScan',
  'UndirectedUnionRelationshipTypesScan',
  'DirectedRelationshipIndexScan',
  'UndirectedRelationshipIndexScan',
  'DirectedRelationshipIndexContainsScan',
  'UndirectedRelationshipIndexContainsScan',
  'DirectedRelationshipIndexEndsWithScan',
  'UndirectedRelationshipIndexEndsWithScan',
]);

/** Never allowed: a scan of every node, and a product of two unconnected parts. */
export const FORBIDDEN_OPERATORS = new Set(['AllNodesScan', 'CartesianProduct']);

/** A plan as neo4j-driver gives it (`summary.plan`, or `summary.profile` with the counters). */
export interface PlanLike {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children: PlanLike[];
  dbHits?: number;
  rows?: number;
}

export interface Operator {
  /** Without the runtime suffix (`@neo4j`) and without `(Locking)`. */
  op: string;
  /** As reported, `(Locking)` kept. */
  name: string;
  details: string;
  dbHits: number;
  rows: number;
  /** The operators below it (`op`), for judging a CartesianProduct. */
  below: string[];
}

/** The operators of a plan, root first (depth first, children in order). */
export function operatorsOf(plan: PlanLike): Operator[] {
  const out: Operator[] = [];
  const walk = (p: PlanLike): string[] => {
    const name = p.operatorType.replace(/@.*$/, '');
    const o: Operator = {
      op: name.replace(/\(Locking\)$/, ''),
      name,
      details: String(p.arguments?.Details ?? ''),
      dbHits: Number(p.dbHits ?? 0),
      rows: Number(p.rows ?? 0),
      below: [],
    };
    out.push(o);
    for (const c of p.children) o.below.push(...walk(c));
    return [o.op, ...o.below];
  };
  walk(plan);
  return out;
}

/**
 * Operators that give at most one row per row they get, and unique-index seeks (at most one row):
 * a CartesianProduct of sides made only of these is a product of at most one row by one row
 * (`switchVersion`: the control node and the staged version), which costs what an Apply would.
 */
const AT_MOST_ONE_ROW = new Set(['NodeUniqueIndexSeek', 'Filter', 'Apply', 'Optional', 'Argument', 'Projection']);
const isSingleRowProduct = (o: Operator) => o.op === 'CartesianProduct' && o.below.every((b) => AT_MOST_ONE_ROW.has(b)) && o.below.includes('NodeUniqueIndexSeek');

export const isSeek = (o: Operator) => SEEK_OPERATORS.has(o.op);
export const isScan = (o: Operator) => SCAN_OPERATORS.has(o.op);

/** `Label(prop, …)` (or `Label`) an access operator reads, from its details. */
export function accessTarget(o: Operator): string {
  const m = /(?:^|\s)[\w`]*:(\w+)(\([^)]*\))?/.exec(o.details);
  return m ? `${m[1]}${m[2] ?? ''}` : o.details;
}

/** Seeks and scans, as `Operator Label(props)`, in plan order, each once. */
export function accessOf(ops: Operator[]): string[] {
  return [...new Set(ops.filter((o) => isSeek(o) || isScan(o)).map((o) => `${o.name} ${accessTarget(o)}`))];
}

// ---- what a plan must do ---------------------------------------------------------------------

/** An index of the database, as SHOW INDEXES gives it. */
export interface IndexInfo {
  label: string;
  properties: string[];
  unique: boolean;
}

/** A node pattern that gives values for every property of an index: the plan must seek it. */
export interface Anchor {
  label: string;
  properties: string[];
}

export interface Expectation {
  anchors: Anchor[];
  /** Most db hits per row an operator holding the nested `versionOf` lookup may cost (PROFILE only). */
  nestedMaxPerRow?: number;
  /** Labels a scan may read, each with the reason no seek can serve the statement. */
  scansAllowed: Record<string, string>;
  /** A statement that must seek at least one of these (`Label(props)`), though no node pattern says so. */
  seekOneOf?: string[];
}

/**
 * The `versionOf` lookup, `COLLECT { MATCH (nv:NodeVersion …) … }` inside an expression: Neo4j
 * plans it apart (a nested plan), and the plan it returns shows only its text. It is taken out
 * before anchors are looked for; what it costs shows in the db hits of the operator that holds it,
 * which must stay below a scan of the NodeVersion nodes (`nestedMaxPerRow`). Any other nested plan
 * fails the check (see `planProblems`).
 */
const HIDDEN_FRAGMENTS = NODE_TYPES.map((t) => versionOf(t));
const isVersionLookup = (o: Operator) => /\bCOLLECT \{/.test(o.details) && o.details.includes(`nv:${NODE_VERSION_LABEL}`);

/**
 * The anchors of a statement: the first node pattern of each MATCH, OPTIONAL MATCH or MERGE
 * (at a line start or right after `{`), when it has a label and a property map that gives every
 * property of one of that label's indexes (the index with the most properties is expected).
 */
export function anchorsOf(text: string, indexes: IndexInfo[]): Anchor[] {
  let visible = text;
  for (const f of HIDDEN_FRAGMENTS) visible = visible.split(f).join('');
  const out: Anchor[] = [];
  const pattern = /(?:^|\{)\s*(?:OPTIONAL MATCH|MATCH|MERGE) (?:\w+ = )?\(\w*:(\w+) \{([^}]*)\}/gm;
  for (const m of visible.matchAll(pattern)) {
    const label = m[1];
    const given = new Set(m[2].split(',').map((kv) => kv.split(':')[0].trim()));
    const usable = indexes
      .filter((i) => i.label === label && i.properties.every((p) => given.has(p)))
      .sort((a, b) => b.properties.length - a.properties.length || Number(b.unique) - Number(a.unique));
    if (usable[0] && !out.some((a) => a.label === label && a.properties.join() === usable[0].properties.join())) {
      out.push({ label, properties: usable[0].properties });
    }
  }
  return out;
}

const AUDIT_SCANS =
  'no index serves actor, operation or at, and the (entityType, entityKey) index is used only with both ' +
  '(a range index on several properties needs a predicate on each); the page walks the seq index from the newest entry and stops at LIMIT';

/** Scans a statement may use, by statement name, each with its reason. Everything else must seek. */
export function scansAllowed(name: string): Record<string, string> {
  if (name === 'ensureControl') {
    return { InventoryVersion: 'once per migrate: a database from before the control node keeps the highest version marked `active` (a handful of version nodes, no index on `active`)' };
  }
  if (name === 'leftoverVersions') return { InventoryVersion: 'every version not active: a handful of nodes; no index on `state`' };
  if (name === 'listApiKeys') return { ApiKey: 'lists every API key' };
  if (name === 'fillCrossBorder') {
    return { DataFlow: 'once per migrate, for flows written before the stored cross-border flag: no index finds a property that is missing; stops at once when every flow has it' };
  }
  if (name === 'listSnapshots') return { InventorySnapshot: 'lists every snapshot' };
  if (name === 'adoptNodeVersions') {
    return { NodeVersion: 'once per migrate, for version nodes written when they carried an inventory version `v` (the index on `v` that served it is dropped once none is left); stops at once when none has one' };
  }
  if (name === 'lastAuditEntry') return { AuditEntry: 'walks the seq index from the newest entry and stops at LIMIT 1' };
  if (name.startsWith('listFields[') && filtersOf(name).includes('sensitive')) {
    return {
      DataCategory:
        'the sensitivity filter needs every field\'s chain up to its root category, and a root has no property to seek by: ' +
        'the planner may start from the categories (200 at M) and join the fields, rather than walk up from each field',
    };
  }
  if (name.startsWith('listAudit[') && !(filtersOf(name).includes('entityType') && filtersOf(name).includes('entityKey'))) {
    return { AuditEntry: AUDIT_SCANS };
  }
  return {};
}

function filtersOf(name: string): string[] {
  return /\[([^\]]*)\]/.exec(name)?.[1].split(',').filter(Boolean) ?? [];
}

export function expectationFor(name: string, text: string, indexes: IndexInfo[], options: { nestedMaxPerRow?: number } = {}): Expectation {
  const filters = filtersOf(name);
  return {
    anchors: anchorsOf(text, indexes),
    ...options,
    scansAllowed: scansAllowed(name),
    // The audit log has no property map to anchor on; with both entity filters its index serves them.
    ...(name.startsWith('listAudit[') && filters.includes('entityType') && filters.includes('entityKey')
      ? { seekOneOf: ['AuditEntry(entityType, entityKey)'] }
      : {}),
  };
}

/** What is wrong with a plan; empty when it keeps every rule. */
export function planProblems(ops: Operator[], expect: Expectation): string[] {
  const problems: string[] = [];
  for (const o of ops) {
    if (FORBIDDEN_OPERATORS.has(o.op) && !isSingleRowProduct(o)) problems.push(`${o.name} ${o.details}`.trim());
    if (!isSeek(o) && !isScan(o) && /Seek|Scan$/.test(o.op)) problems.push(`unknown access operator ${o.name} (add it to SEEK_OPERATORS or SCAN_OPERATORS)`);
    if (isScan(o) && o.op !== 'AllNodesScan') {
      const label = accessTarget(o).replace(/\(.*$/, '');
      if (!(label in expect.scansAllowed)) problems.push(`${o.name} ${o.details}: a scan where a seek was expected`);
    }
    const nested = /\b(COLLECT|EXISTS|COUNT) \{/.exec(o.details);
    if (nested && !isVersionLookup(o)) problems.push(`${o.name} hides a nested plan (${nested[1]} { … }) the check cannot see: ${o.details}`);
    if (isVersionLookup(o) && expect.nestedMaxPerRow !== undefined && o.rows > 0 && o.dbHits / o.rows > expect.nestedMaxPerRow) {
      problems.push(`${o.name} holding the nested NodeVersion lookup costs ${Math.round(o.dbHits / o.rows)} db hits per row (at most ${expect.nestedMaxPerRow}): it reads NodeVersion nodes instead of seeking one`);
    }
  }
  const seeks = ops.filter(isSeek);
  for (const a of expect.anchors) {
    // That index, or one with more properties (`key > $afterKey AND v = v` seeks (key, v)).
    const serves = (o: Operator) => {
      const m = /^(\w+)\((.*)\)$/.exec(accessTarget(o));
      return m !== null && m[1] === a.label && a.properties.every((p) => m[2].split(', ').includes(p));
    };
    if (!seeks.some(serves)) problems.push(`no index seek on ${a.label}(${a.properties.join(', ')}); access: ${accessOf(ops).join(', ') || 'none'}`);
  }
  if (expect.seekOneOf && !seeks.some((o) => expect.seekOneOf!.includes(accessTarget(o)))) {
    problems.push(`no index seek on ${expect.seekOneOf.join(' or ')}; access: ${accessOf(ops).join(', ') || 'none'}`);
  }
  return problems;
}

// ---- the statements ------------------------------------------------------------------------------

/** Schema statements: run once by `migrate`, they have no plan to check. */
export const SCHEMA_STATEMENTS = [
  'constraintControl',
  'constraintVersion',
  'constraintSnapshot',
  'constraintClause',
  ...NODE_TYPES.map((t) => `constraintKey.${t}`),
  ...[...NODE_TYPES, 'clause'].map((t) => `indexVersion.${t}`),
  'constraintApiKey',
  'constraintAudit',
  'indexAuditSeq',
  'indexAuditEntity',
  'constraintNodeVersion',
  'dropNodeVersionPerV.constraint',
  'dropNodeVersionPerV.index',
  'indexFlowKind',
  'indexFlowCrossBorder',
];

export interface PlanStatement {
  name: string;
  text: string;
  /** Sample parameters of a composed read (which filters the shape has; `shapeParams` gives them real values). */
  sample?: Record<string, unknown>;
}

/** Every statement the adapter can send: the fixed ones (`allStatements()` without the schema) and every composed read shape (`readShapes('all')`). */
export function planStatements(): PlanStatement[] {
  const fixed = allStatements().filter((s) => !s.name.includes('[') && !SCHEMA_STATEMENTS.includes(s.name));
  const shapes = readShapes('all').map((s) => ({ name: s.name, text: s.statement.cypher, sample: s.statement.params }));
  return [...fixed, ...shapes];
}

// ---- realistic parameters --------------------------------------------------------------------------

/** What the parameters are drawn from: the loaded inventory and the writes made on top of it. */
export interface PlanContext {
  manifest: Manifest;
  /** The active inventory version. */
  v: number;
  apiKeyId: string;
  /** Audit filter values that match entries the test wrote. */
  audit: { entityType: string; entityKey: string; actor: string; operation: string; since: string; until: string; afterSeq: number };
}

/** Values for the composed reads' filters, per list, chosen so the all-filters shapes find a node. */
export interface FilterValues {
  listFields: Record<string, unknown>;
  listFlows: Record<string, unknown>;
  listParties: Record<string, unknown>;
  pageParties: Record<string, unknown>;
  listAudit: Record<string, unknown>;
}

type Node = { key: string } & Record<string, unknown>;
const nodesOf = (m: Manifest, t: NodeType) => m[SECTION_OF[t]] as unknown as Node[];

/** `n` keys spread evenly over the type's nodes (key order). */
export function spread<T>(items: readonly T[], n = 10): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / n)]);
}

/**
 * Filter values: for fields, a collection flow that needs a permission gives the field, its
 * level-1 category, purpose, permission and recipient; for flows, the first provision to a vendor
 * gives the field, both parties, purpose and kind. Searches are for one field's and a few parties' names.
 */
export function filterValues(ctx: PlanContext): FilterValues {
  const m = ctx.manifest;
  const categories = new Map(m.categories.map((c) => [c.key, c]));
  const chainOf = (key: string) => {
    const out = [];
    for (let c = categories.get(key); c; c = c.parent ? categories.get(c.parent) : undefined) out.push(c);
    return out;
  };
  const collection = m.flows.find((f) => f.kind === 'COLLECTION' && f.permissions.length > 0 && f.fields.length > 0);
  const provision = m.flows.find((f) => f.kind === 'PROVISION' && f.fields.length > 0 && f.to.startsWith('vendor-'));
  if (!collection || !provision) throw new Error('the inventory has no collection flow with a permission, or no provision to a vendor');
  const field = m.fields.find((f) => f.key === collection.fields[0])!;
  const chain = chainOf(field.category);
  // The nearest statement up the chain decides, as EFFECTIVELY_SENSITIVE does.
  const decisive = [field, ...chain].find((x) => x.sensitive === false || x.sensitiveClass != null);
  const sensitive = decisive != null && decisive.sensitiveClass != null && (decisive.sensitive ?? true);
  const parties = new Map(m.parties.map((p) => [p.key, p]));
  const [from, to] = [parties.get(provision.from)!, parties.get(provision.to)!];
  return {
    listFields: {
      search: field.name.toLowerCase(),
      sensitive,
      categoryKey: chain[chain.length - 2]?.key ?? chain[0].key,
      purposeKey: collection.purposes[0],
      permissionKey: collection.permissions[0],
      recipientKey: collection.to,
      afterKey: m.fields[Math.floor(m.fields.length / 2)].key,
    },
    listFlows: {
      fieldKey: provision.fields[0],
      fromKey: provision.from,
      toKey: provision.to,
      purposeKey: provision.purposes[0],
      kind: provision.kind,
      crossBorder: from.country != null && to.country != null && from.country !== to.country,
      afterKey: m.flows[Math.floor(m.flows.length / 2)].key,
    },
    listParties: { search: 'vendor 1', kind: 'THIRD_PARTY', kinds: ['THIRD_PARTY', 'ENTRUSTED_PARTY'] },
    pageParties: { search: 'vendor 1', kind: 'THIRD_PARTY', kinds: ['THIRD_PARTY', 'ENTRUSTED_PARTY'], afterKey: m.parties[Math.floor(m.parties.length / 2)].key },
    listAudit: { ...ctx.audit },
  };
}

/** The composed read's sample parameters with realistic values (its text depends only on which are present). */
export function shapeParams(name: string, sample: Record<string, unknown>, values: FilterValues): Record<string, unknown> {
  const list = name.slice(0, name.indexOf('[')) as keyof FilterValues;
  const real = values[list];
  if (!real) throw new Error(`no filter values for ${name}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(sample)) {
    if (k === 'limit') out[k] = v; // first + 1, as the adapter asks
    else if (k === 'afterSeq') out[k] = real.afterSeq;
    else if (k in real) out[k] = real[k];
    else throw new Error(`no realistic value for $${k} of ${name}`);
  }
  return out;
}

/** The owned edges of some nodes, as `link` sends them. */
function linksOf(type: NodeType, rel: string, nodes: Node[]) {
  const edge = OWNED_EDGES[type].find((e) => e.rel === rel)!;
  const links = nodes.flatMap((n) => {
    const value = toProps(type, n as never)[edge.prop];
    const targets = value == null ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
    return targets.map((target) => ({ owner: n.key, target }));
  });
  return spread(links, 10);
}

function clauseRowsOf(m: Manifest) {
  return m.documents.flatMap((d) =>
    d.clauses.map((c, i) => ({
      documentKey: d.key,
      citation: `${d.key}#${c.ref}`,
      props: { documentKey: d.key, ref: c.ref, ordinal: i, text: c.text, ...(c.title ? { title: c.title } : {}) },
    })),
  );
}

/** Parameters of a fixed statement, shaped as the adapter sends them (numbers become Bolt integers on the way). */
export function paramsFor(name: string, ctx: PlanContext): Record<string, unknown> {
  const m = ctx.manifest;
  const v = ctx.v;
  const now = new Date().toISOString();
  const [group, sub, rel] = name.split('.');
  const type = sub as NodeType;
  const nodes = (t: NodeType) => nodesOf(m, t);
  const keys = (t: NodeType, n = 10) => spread(nodes(t), n).map((x) => x.key);
  const middle = (t: NodeType) => nodes(t)[Math.floor(nodes(t).length / 2)].key;
  switch (group) {
    case 'ensureControl':
    case 'lockInventory':
    case 'createStagingVersion':
      return { now };
    case 'readControl':
    case 'ping':
    case 'exportClauses':
    case 'inventoryIsEmpty':
    case 'listApiKeys':
    case 'listSnapshots':
    case 'listAll':
    case 'nodeCount':
    case 'listSizes':
      return {};
    case 'switchVersion':
    case 'countVersionNodes':
    case 'deleteVersion':
    case 'versionKeys':
      return { v };
    case 'lastAuditEntry':
      return {};
    case 'auditInOrder':
      return { afterSeq: 0, limit: 1000 };
    case 'chainAuditEntry':
      return { id: '1', previousHash: '0'.repeat(64), hash: 'f'.repeat(64) };
    case 'leftoverVersions':
      return { staleBefore: new Date(Date.now() - 6 * 3600_000).toISOString() };
    case 'deleteVersionBatch':
      return { v, batch: 1000 };
    case 'getNodes':
    case 'getNodesWithoutVersion':
    case 'existingKeys':
    case 'versions':
      return { keys: keys(type) };
    case 'getClauses':
      return { citations: spread(clauseRowsOf(m), 10).map((c) => c.citation) };
    case 'related': {
      const owner = sub as NodeType;
      return { keys: keys(owner) };
    }
    case 'referrers':
      return { key: middle(type) };
    case 'lineageEdges':
      return { keys: keys('field') };
    case 'refreshCrossBorder':
      return { keys: keys('flow'), v };
    case 'refreshPartyCrossBorder':
      return { keys: keys('party'), v };
    case 'fillCrossBorder':
      return { batch: 1000 };
    case 'upsertNodes':
    case 'stageNodes':
      return { rows: spread(nodes(type), 10).map((n) => ({ key: n.key, props: toProps(type, n as never) })), v };
    case 'dropOwnedEdges':
    case 'categoryCycles':
    case 'deleteNode':
      return { keys: keys(group === 'categoryCycles' ? 'category' : type), v };
    case 'linkEdges':
      return { links: linksOf(type, rel, spread(nodes(type), 10)), v };
    case 'dropRemovedClauses':
      return { documents: m.documents.map((d) => ({ key: d.key, refs: d.clauses.map((c) => c.ref) })), v };
    case 'upsertClauses':
      return { rows: spread(clauseRowsOf(m), 10), v };
    case 'danglingCitations': {
      // Nodes of every citing type with one of their citations, as dropRemovedClauses reports them.
      const citing = NODE_TYPES.filter((t) => OWNED_EDGES[t].some((e) => e.target === 'clause'));
      return { checks: citing.flatMap((t) => spread(nodes(t), 2).map((n) => ({ label: LABEL[t], key: n.key, citation: (n.sources as string[])[0] }))), v };
    }
    case 'saveApiKey':
      return { id: 'plancheck01', name: 'plan check', role: 'viewer', hash: 'x'.repeat(64), createdAt: now };
    case 'findApiKey':
      return { id: ctx.apiKeyId };
    case 'revokeApiKey':
      return { id: ctx.apiKeyId, at: now };
    case 'appendAudit':
      return { entries: [{ at: now, actor: 'plan-check', operation: 'UPDATE', entityType: 'field', entityKey: middle('field'), before: '{}', after: '{}', seq: 999_999, id: '999999', previousHash: '0'.repeat(64), hash: 'f'.repeat(64) }] };
    case 'bumpVersions':
    case 'continueVersions':
      return { rows: keys('field').map((key) => ({ type: 'field', key })) };
    case 'advanceReplacedVersions':
    case 'continueRecreatedVersions':
      // Planned only: the loaded version compared with itself stands in for a staged one.
      return { old: v, new: v };
    case 'adoptNodeVersions':
      return { active: v, batch: 1000 };
    case 'snapshotExists':
    case 'getSnapshot':
      return { label: 'plan-check' };
    case 'createSnapshot':
      return { label: 'plan-check', createdAt: now, manifest: '{}' };
    default:
      throw new Error(`no parameters for statement ${name}: add them to paramsFor`);
  }
}

// ---- writes on top of the loaded inventory ------------------------------------------------------

export const PLAN_ACTOR = 'plan-check';

/**
 * Two MERGE writes and a delete on top of the loaded inventory, so the audit log and the
 * NodeVersion nodes have something in them: 1,000 fields renamed and 2 purposes created, 50 of the
 * fields renamed again (version 3) with 30 parties, one of the new purposes deleted. Enough
 * NodeVersion nodes that a lookup reading them all shows in the db hits (`nestedMaxPerRow`).
 */
export async function writeOnTop(store: InventoryStore, m: Manifest): Promise<{ since: string; renamedField: string }> {
  const since = new Date().toISOString();
  const renamed = spread(m.fields, 1000).map((f) => ({ ...f, name: `${f.name} (renamed)` }));
  const purposes = [0, 1].map((i) => ({ key: `purpose-plan-${i}`, name: `Plan check purpose ${i}`, functionType: 'BASIC', sources: [] }));
  await store.write(parseManifest({ fields: renamed, purposes }), 'MERGE', { actor: PLAN_ACTOR });
  const again = spread(renamed, 50).map((f) => ({ ...f, name: `${f.name} again` }));
  const parties = spread(m.parties, 30).map((p) => ({ ...p, name: `${p.name} (renamed)` }));
  await store.write(parseManifest({ fields: again, parties }), 'MERGE', { actor: PLAN_ACTOR });
  await store.deleteNodes('purpose', ['purpose-plan-1'], { actor: PLAN_ACTOR });
  return { since, renamedField: again[0].key };
}

// ---- the report -----------------------------------------------------------------------------------

export interface ReadResult {
  kind: 'read';
  dbHits: number;
  rows: number;
  access: string[];
}
export interface WriteResult {
  kind: 'write';
  queryType: string;
  operators: string[];
  access: string[];
}
export type PlanResult = ReadResult | WriteResult;

export interface PlanRun {
  date: string;
  neo4j: string;
  scale: string;
  seed: number;
  counts: Record<string, number>;
  loadSeconds: number;
  filters: FilterValues;
  skipped: string[];
}

/** JSON with object keys sorted at every level, two-space indented, with a final newline. */
export function stableJson(value: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort((x as Record<string, unknown>)[k])]));
    return x;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Access operators for a table cell, without the control-node seek every statement starting with ACTIVE makes. */
function accessCell(access: string[]): string {
  const shown = access.filter((a) => a !== 'NodeUniqueIndexSeek InventoryControl(id)' && a !== 'NodeUniqueIndexSeek(Locking) InventoryControl(id)');
  const cell = (shown.length ? shown : access).join(', ');
  return cell || '—';
}

function shapeParts(name: string): { list: string; filters: string[]; part: string } {
  const m = /^(\w+)\[([^\]]*)\](?:\.(\w+))?$/.exec(name)!;
  return { list: m[1], filters: m[2].split(',').filter(Boolean), part: m[3] ?? '' };
}

/** The BENCHMARKS.md section (between its markers). */
export function renderMarkdown(run: PlanRun, results: Record<string, PlanResult>): string {
  const names = Object.keys(results).sort();
  const reads = names.filter((n) => results[n].kind === 'read' && !n.includes('['));
  const writes = names.filter((n) => results[n].kind === 'write');
  const shapes = names.filter((n) => n.includes('['));
  const products = writes.filter((n) => (results[n] as WriteResult).operators.includes('CartesianProduct'));
  const out: string[] = [];
  const c = run.counts;
  out.push(
    `Measured ${run.date} on Neo4j ${run.neo4j} (the project's test server, \`npm run neo4j:start\`) by \`FIELDTRAIL_WRITE_PLANS=1 npx jest test/store/neo4j-plans.test.ts\`: ` +
      `the ${run.scale} inventory (seed ${run.seed}: ${fmt(c.field)} fields, ${fmt(c.category)} categories, ${fmt(c.party)} parties, ${fmt(c.flow)} flows) loaded with REPLACE in ${run.loadSeconds} s, ` +
      `then two MERGE writes and a delete (${fmt(c.auditEntries)} audit entries, ${fmt(c.nodeVersions)} NodeVersion nodes).`,
    '',
    `Every statement the adapter can send is checked: ${fmt(reads.length + shapes.filter((n) => results[n].kind === 'read').length)} reads run with PROFILE, ${fmt(writes.length)} writes planned with EXPLAIN, ` +
      `${run.skipped.length} schema statements skipped. No plan has an AllNodesScan; the only CartesianProduct (${products.map((n) => `\`${n}\``).join(', ') || 'none'}) multiplies unique-index seeks, at most one row by one row; ` +
      'every node pattern that names the properties of an index is an index seek; the nested NodeVersion lookup of each node read (`versionOf`, a plan EXPLAIN does not show) ' +
      `costs fewer db hits per row than half the NodeVersion nodes; ` +
      'the only scans are of the audit log (no index serves actor, operation or time, and the entity index needs both its properties), of the categories where the sensitivity filter walks every field\'s chain from the roots, ' +
      'and of the few inventory versions, API keys and snapshots (see `scansAllowed` in `test/support/neo4j-plans.ts`). ' +
      'db hits: the PROFILE total over all operators; rows: the rows returned. Parameters are realistic (existing keys, 10 keys per batch, pages of 10 + 1); ' +
      'every figure and each plan\'s seeks and scans are in `bench/results/neo4j-plans.json`. The seek on the control node (`ACTIVE`) is left out of the "starts from" column.',
    '',
    '### Fixed reads',
    '',
    '| statement | db hits | rows | starts from |',
    '| --- | ---: | ---: | --- |',
  );
  for (const n of reads) {
    const r = results[n] as ReadResult;
    out.push(`| \`${n}\` | ${fmt(r.dbHits)} | ${fmt(r.rows)} | ${accessCell(r.access)} |`);
  }
  out.push('', '### Writes (EXPLAIN: planned, not run)', '', '| statement | seeks and scans |', '| --- | --- |');
  for (const n of writes) out.push(`| \`${n}\` | ${accessCell(results[n].access)} |`);
  out.push(
    '',
    '### Composed list reads',
    '',
    'Each list read is composed per request from the filters present; below, no filter, each filter alone and all filters together (the JSON has every combination). ' +
      'Page: the first page (10 + 1 rows); after cursor: the page after a key (or sequence number) in the middle; count: the total.',
    '',
    '| list | filters | page db hits / rows | after cursor db hits / rows | count db hits / total rows |',
    '| --- | --- | ---: | ---: | ---: |',
  );
  const lists = [...new Set(shapes.map((n) => shapeParts(n).list))];
  for (const list of lists) {
    const sets = [...new Set(shapes.filter((n) => shapeParts(n).list === list).map((n) => shapeParts(n).filters.filter((f) => f !== 'afterKey' && f !== 'afterSeq').join(',')))];
    const max = Math.max(...sets.map((s) => (s ? s.split(',').length : 0)));
    const size = (set: string) => (set ? set.split(',').length : 0);
    const shown = sets.filter((set) => size(set) <= 1 || size(set) === max).sort((a, b) => size(a) - size(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const set of shown) {
      const cell = (name: string) => {
        const r = results[name] as ReadResult | undefined;
        return r ? `${fmt(r.dbHits)} / ${fmt(r.rows)}` : '—';
      };
      const cursor = list === 'listAudit' ? 'afterSeq' : 'afterKey';
      const after = `${list}[${[...(set ? set.split(',') : []), cursor].join(',')}].page`;
      const single = !(`${list}[${set}].page` in results);
      const page = single ? cell(`${list}[${set}]`) : cell(`${list}[${set}].page`);
      out.push(`| ${list} | ${set ? set.split(',').join(', ') : '(none)'}${set.split(',').length === max && max > 1 ? ' (all)' : ''} | ${page} | ${single ? '—' : cell(after)} | ${single ? '—' : cell(`${list}[${set}].count`)} |`);
    }
  }
  const worst = shapes.filter((n) => results[n].kind === 'read').sort((a, b) => (results[b] as ReadResult).dbHits - (results[a] as ReadResult).dbHits || (a < b ? -1 : 1)).slice(0, 10);
  out.push('', '### The 10 composed shapes with the most db hits', '', '| shape | db hits | rows | starts from |', '| --- | ---: | ---: | --- |');
  for (const n of worst) {
    const r = results[n] as ReadResult;
    out.push(`| \`${n}\` | ${fmt(r.dbHits)} | ${fmt(r.rows)} | ${accessCell(r.access)} |`);
  }
  return out.join('\n');
}

export const PLANS_START = '<!-- neo4j-plans:start -->';
export const PLANS_END = '<!-- neo4j-plans:end -->';

/** BENCHMARKS.md with the section replaced between its markers, or appended with them. */
export function withPlansSection(doc: string, section: string): string {
  const block = `${PLANS_START}\n${section}\n${PLANS_END}`;
  const start = doc.indexOf(PLANS_START);
  const end = doc.indexOf(PLANS_END);
  if (start >= 0 && end > start) return `${doc.slice(0, start)}${block}${doc.slice(end + PLANS_END.length)}`;
  return `${doc.replace(/\s*$/, '')}\n\n## Neo4j query plans at M\n\n${block}\n`;
}

/** For reading a write's plan at a glance: its operators, root first, each once. */
export function operatorNames(ops: Operator[]): string[] {
  return [...new Set(ops.map((o) => o.name))];
}

