/**
 * Every fixed Cypher statement the Neo4j adapter sends, in one place, so a test can lint each one
 * with the official Cypher parser and translation tests can pin them. Statements vary only by
 * label and relationship type (from graph-model.ts); every value is a parameter. The list reads,
 * whose text depends on which filters a request has, are composed in cypher-reads.ts.
 *
 * Reads start with ACTIVE, which binds `v` to the active inventory version inside the same
 * statement (no extra round trip). Writes run after `lockInventory` in the same transaction.
 */
import type { NodeType } from '../../domain/vocabulary';
import type { ListName, Relation } from '../inventory-store';
import {
  API_KEY_LABEL,
  AUDIT_LABEL,
  CLAUSE_LABEL,
  CONTROL_LABEL,
  LABEL,
  NODE_VERSION_LABEL,
  OWNED_EDGES,
  PART_OF,
  SNAPSHOT_LABEL,
  VERSION_LABEL,
  type OwnedEdge,
} from './graph-model';

const NODE_TYPES = Object.keys(LABEL) as NodeType[];

/** Sets flow `n`'s stored flag (bound): both parties state a country and they differ (domain/flows.ts isCrossBorder). */
const CROSS_BORDER_OF_N = `OPTIONAL MATCH (n)-[:FROM]->(pf:Party)
OPTIONAL MATCH (n)-[:TO]->(pt:Party)
SET n.crossBorder = (pf.country IS NOT NULL AND pt.country IS NOT NULL AND pf.country <> pt.country)`;

/** Binds `v`, the active inventory version. */
export const ACTIVE = `MATCH (ctl:${CONTROL_LABEL} {id: 1})\nWITH ctl.activeVersion AS v`;

/**
 * Deepest category tree walked: the same bound the embedded store's recursive queries use
 * (subtrees and sensitivity chains 200, cycle checks 1000).
 */
export const MAX_TREE_DEPTH = 200;
const MAX_CYCLE_LENGTH = 1000;

/** [self, parent, …, root] sensitivity statements, for effective sensitivity (PIPL Art. 28). */
export const CATEGORY_CHAIN = `OPTIONAL MATCH chain = (n)-[:CHILD_OF*0..${MAX_TREE_DEPTH}]->(root:DataCategory)
WHERE NOT EXISTS { (root)-[:CHILD_OF]->(:DataCategory) }
WITH n, v, [x IN nodes(chain) | x {.sensitive, .sensitiveClass}] AS chain`;
export const FIELD_CHAIN = `OPTIONAL MATCH chain = (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..${MAX_TREE_DEPTH}]->(root:DataCategory)
WHERE NOT EXISTS { (root)-[:CHILD_OF]->(:DataCategory) }
WITH n, v, [x IN nodes(chain) | x {.sensitive, .sensitiveClass}] AS chain`;

/**
 * The node's optimistic-concurrency version (1 until first changed), read in the same statement as
 * its content. NodeVersion nodes belong to no inventory version (no `v`): a key's sequence goes on
 * across REPLACEs and deletes. The subquery is planned apart (a nested plan, not shown by EXPLAIN);
 * without the hint it read every NodeVersion for each node while the index's statistics were those
 * of the empty index `migrate` created (2,380 db hits for 10 purposes with 230 NodeVersion nodes, not 80).
 */
export function versionOf(type: NodeType): string {
  return `coalesce(COLLECT { MATCH (nv:${NODE_VERSION_LABEL} {nodeType: '${type}', key: n.key}) USING INDEX SEEK nv:${NODE_VERSION_LABEL}(nodeType, key) RETURN nv.version }[0], 1)`;
}

/**
 * What a read returns for a node `n` (with `v` bound): content, version (unless `withVersion` is
 * false: then no version subquery runs), and for categories and fields their chain.
 */
export function projection(type: NodeType, withVersion = true): string {
  const version = withVersion ? `, ${versionOf(type)} AS version` : '';
  if (type === 'category') return `${CATEGORY_CHAIN}\nRETURN n {.*} AS node, chain${version}`;
  if (type === 'field') return `${FIELD_CHAIN}\nRETURN n {.*} AS node, chain${version}`;
  return `RETURN n {.*} AS node${version}`;
}

/** Flows carrying field `f` (bound): named directly, or through its category or an ancestor. */
export const FLOWS_CARRYING_F = `CALL (f) {
  MATCH (fl:DataFlow)-[:CARRIES_FIELD]->(f)
  RETURN fl
  UNION
  MATCH (f)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..${MAX_TREE_DEPTH}]->(:DataCategory)<-[:CARRIES_CATEGORY]-(fl:DataFlow)
  RETURN fl
}`;

/** Fields flow `fl` (bound) carries: listed, or under a listed category. */
export const FIELDS_CARRIED_BY_FL = `CALL (fl) {
  MATCH (fl)-[:CARRIES_FIELD]->(n:PersonalField)
  RETURN n
  UNION
  MATCH (fl)-[:CARRIES_CATEGORY]->(:DataCategory)<-[:CHILD_OF*0..${MAX_TREE_DEPTH}]-(:DataCategory)<-[:IN_CATEGORY]-(n:PersonalField)
  RETURN n
}`;

const RELATED: Record<Relation, string> = {
  'field.flows': `${ACTIVE}
UNWIND $keys AS k
MATCH (f:PersonalField {key: k, v: v})
${FLOWS_CARRYING_F}
RETURN k AS key, collect(DISTINCT fl.key) AS related`,
  'flow.carriedFields': `${ACTIVE}
UNWIND $keys AS k
MATCH (fl:DataFlow {key: k, v: v})
${FIELDS_CARRIED_BY_FL}
RETURN k AS key, collect(DISTINCT n.key) AS related`,
  'category.children': incoming('DataCategory', 'CHILD_OF', 'DataCategory'),
  'category.fields': incoming('DataCategory', 'IN_CATEGORY', 'PersonalField'),
  'party.inbound': incoming('Party', 'TO', 'DataFlow'),
  'party.outbound': incoming('Party', 'FROM', 'DataFlow'),
  'purpose.flows': incoming('Purpose', 'FOR_PURPOSE', 'DataFlow'),
  'permission.flows': incoming('Permission', 'GATED_BY', 'DataFlow'),
  'legalBasis.flows': incoming('LegalBasis', 'ON_BASIS', 'DataFlow'),
  'document.clauses': `${ACTIVE}
UNWIND $keys AS k
MATCH (d:PolicyDocument {key: k, v: v})<-[:${PART_OF}]-(c:Clause)
WITH k, c ORDER BY c.ordinal
RETURN k AS key, collect(c.citation) AS related`,
};

/** Nodes of a type in the active version (listSizeStatistics). */
const nodeCount = (type: NodeType) => `${ACTIVE}
MATCH (n:${LABEL[type]} {v: v})
RETURN count(n) AS count`;

/** `items`, `sumOfSquares`, `longest` of the lists `match` yields as (owner, item) rows (with `v` bound). */
function listSizes(match: string): string {
  return `${ACTIVE}
${match}
WITH owner, count(DISTINCT item) AS c
RETURN sum(c) AS items, sum(c * c) AS sumOfSquares, coalesce(max(c), 0) AS longest`;
}

const CARRIED_PAIRS = `MATCH (fl:DataFlow {v: v})
${FIELDS_CARRIED_BY_FL}`;

// Each pattern starts at its smaller side, seeking it by version: the planner would rather scan a
// small label without one (a handful of purposes) than seek 50,000 flows.
const LIST_SIZES: Record<ListName, string> = {
  'field.flows': listSizes(`${CARRIED_PAIRS}
WITH n AS owner, fl AS item`),
  'flow.carriedFields': listSizes(`${CARRIED_PAIRS}
WITH fl AS owner, n AS item`),
  'category.children': listSizes('MATCH (owner:DataCategory {v: v})<-[:CHILD_OF]-(item:DataCategory)'),
  'category.fields': listSizes('MATCH (owner:DataCategory {v: v})<-[:IN_CATEGORY]-(item:PersonalField)'),
  'party.inbound': listSizes('MATCH (owner:Party {v: v})<-[:TO]-(item:DataFlow)'),
  'party.outbound': listSizes('MATCH (owner:Party {v: v})<-[:FROM]-(item:DataFlow)'),
  'purpose.flows': listSizes('MATCH (owner:Purpose {v: v})<-[:FOR_PURPOSE]-(item:DataFlow)'),
  'permission.flows': listSizes('MATCH (owner:Permission {v: v})<-[:GATED_BY]-(item:DataFlow)'),
  'legalBasis.flows': listSizes('MATCH (owner:LegalBasis {v: v})<-[:ON_BASIS]-(item:DataFlow)'),
  'document.clauses': listSizes(`MATCH (owner:PolicyDocument {v: v})<-[:${PART_OF}]-(item:${CLAUSE_LABEL})`),
  'flow.fields': listSizes('MATCH (owner:DataFlow {v: v})-[:CARRIES_FIELD]->(item:PersonalField)'),
  'flow.categories': listSizes('MATCH (item:DataCategory {v: v})<-[:CARRIES_CATEGORY]-(owner:DataFlow)'),
  'flow.purposes': listSizes('MATCH (item:Purpose {v: v})<-[:FOR_PURPOSE]-(owner:DataFlow)'),
  'flow.legalBases': listSizes('MATCH (item:LegalBasis {v: v})<-[:ON_BASIS]-(owner:DataFlow)'),
  'flow.permissions': listSizes('MATCH (item:Permission {v: v})<-[:GATED_BY]-(owner:DataFlow)'),
  'node.sources': listSizes(`MATCH (item:${CLAUSE_LABEL} {v: v})<-[:CITES]-(owner)`),
};

function incoming(label: string, rel: string, from: string): string {
  return `${ACTIVE}
UNWIND $keys AS k
MATCH (n:${label} {key: k, v: v})<-[:${rel}]-(m:${from})
RETURN k AS key, collect(DISTINCT m.key) AS related`;
}

/** Who points at a node: what blocks deleting it (null: nothing can point at this type). */
function referrers(type: NodeType): string | null {
  if (type === 'document') {
    return `${ACTIVE}
MATCH (:PolicyDocument {key: $key, v: v})<-[:${PART_OF}]-(:Clause)<-[:CITES]-(m)
RETURN DISTINCT labels(m) AS labels, m.key AS key`;
  }
  const rels = [...new Set(NODE_TYPES.flatMap((t) => OWNED_EDGES[t].filter((e) => e.target === type).map((e) => e.rel)))];
  if (rels.length === 0) return null;
  return `${ACTIVE}
MATCH (:${LABEL[type]} {key: $key, v: v})<-[:${rels.join('|')}]-(m)
RETURN DISTINCT labels(m) AS labels, m.key AS key`;
}

// ---- writes -------------------------------------------------------------------------------

/** Creates or replaces nodes whole: SET n = props drops properties the new version lacks. */
function upsertNodes(type: NodeType): string {
  return `UNWIND $rows AS row
MERGE (n:${LABEL[type]} {key: row.key, v: $v})
SET n = row.props, n.key = row.key, n.v = $v`;
}

/**
 * Creates nodes in a version being staged (nothing there yet, so CREATE, not MERGE) together with
 * the edges they own, in one statement per batch: each owner is found once, not once per edge.
 * Returns, per owner, the edge targets that do not exist (the REPLACE then fails whole). Edges to
 * nodes of the same type (a category's parent) are linked in a second pass, once all exist.
 */
function stageNodes(type: NodeType): string {
  const edges = OWNED_EDGES[type].filter((e) => e.target !== type);
  const calls = edges.map((e, i) => {
    const targets = e.source === 'list' ? `coalesce(row.props.${e.prop}, [])` : `[x IN [row.props.${e.prop}] WHERE x IS NOT NULL]`;
    const target = e.target === 'clause'
      ? `(t:${CLAUSE_LABEL} {citation: target, v: $v}) USING INDEX t:${CLAUSE_LABEL}(citation, v)`
      : `(t:${LABEL[e.target]} {key: target, v: $v}) USING INDEX t:${LABEL[e.target]}(key, v)`;
    return `CALL (n, row) {
  UNWIND ${targets} AS target
  OPTIONAL MATCH ${target}
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | CREATE (n)-[:${e.rel}]->(t))
  WITH target, t WHERE t IS NULL
  RETURN collect({rel: '${e.rel}', target: target}) AS missing${i}
}`;
  });
  const missing = edges.length ? edges.map((_, i) => `missing${i}`).join(' + ') : '[]';
  return `UNWIND $rows AS row
CREATE (n:${LABEL[type]})
SET n = row.props, n.key = row.key, n.v = $v
WITH n, row
${calls.join('\n')}${calls.length ? '\n' : ''}WITH row, ${missing} AS missing
WHERE size(missing) > 0
RETURN row.key AS owner, missing`;
}

/** Drops the edges a node owns before they are rebuilt from its new version. */
function dropOwnedEdges(type: NodeType): string {
  const rels = [...new Set(OWNED_EDGES[type].map((e) => e.rel))];
  return `UNWIND $keys AS k
MATCH (:${LABEL[type]} {key: k, v: $v})-[r:${rels.join('|')}]->()
DELETE r`;
}

/** Creates one kind of owned edge; returns the targets that do not exist (the write then fails). */
function linkEdges(type: NodeType, edge: OwnedEdge): string {
  // Index hints: planned on an empty database, Neo4j may pick the one-valued `v` index and scan.
  const target = edge.target === 'clause'
    ? `(t:${CLAUSE_LABEL} {citation: link.target, v: $v}) USING INDEX t:${CLAUSE_LABEL}(citation, v)`
    : `(t:${LABEL[edge.target]} {key: link.target, v: $v}) USING INDEX t:${LABEL[edge.target]}(key, v)`;
  return `UNWIND $links AS link
MATCH (n:${LABEL[type]} {key: link.owner, v: $v}) USING INDEX n:${LABEL[type]}(key, v)
OPTIONAL MATCH ${target}
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | CREATE (n)-[:${edge.rel}]->(t))
WITH link, t WHERE t IS NULL
RETURN link.owner AS owner, link.target AS target`;
}

/** Inventory labels of one version, with their clauses: what a dropped version leaves behind. */
const VERSIONED_LABELS: Array<[string, string]> = [
  ...NODE_TYPES.map((t) => [t, LABEL[t]] as [string, string]),
  ['clause', CLAUSE_LABEL],
];

/** Node `o` of the replaced inventory version and `n` of the new one hold the same content (their own version `v` and the derived cross-border flag aside). */
function sameContent(type: NodeType): string {
  const props = `o {.*, v: 0, crossBorder: false} = n {.*, v: 0, crossBorder: false}`;
  if (type !== 'document') return props;
  const clauses = (d: string) => `COLLECT { MATCH (c:${CLAUSE_LABEL})-[:${PART_OF}]->(${d}) WITH c ORDER BY c.ordinal RETURN c {.*, v: 0} }`;
  return `${props} AND ${clauses('o')} = ${clauses('n')}`;
}

/** Labels of the nodes that can cite clauses (those owning a CITES edge). */
const CITING_LABELS = NODE_TYPES.filter((t) => OWNED_EDGES[t].some((e) => e.target === 'clause')).map((t) => LABEL[t]);

const byType = <T>(make: (t: NodeType) => T): Record<NodeType, T> => Object.fromEntries(NODE_TYPES.map((t) => [t, make(t)])) as Record<NodeType, T>;

export const CYPHER = {
  // ---- what the query cost model estimates with (listSizeStatistics)
  nodeCount: byType(nodeCount),
  listSizes: LIST_SIZES,
  // ---- schema, control node and versions
  constraintControl: `CREATE CONSTRAINT inventory_control_id IF NOT EXISTS FOR (c:${CONTROL_LABEL}) REQUIRE c.id IS UNIQUE`,
  constraintVersion: `CREATE CONSTRAINT inventory_version_v IF NOT EXISTS FOR (i:${VERSION_LABEL}) REQUIRE i.v IS UNIQUE`,
  constraintSnapshot: `CREATE CONSTRAINT inventory_snapshot_label IF NOT EXISTS FOR (s:${SNAPSHOT_LABEL}) REQUIRE s.label IS UNIQUE`,
  constraintClause: `CREATE CONSTRAINT clause_citation_v IF NOT EXISTS FOR (c:${CLAUSE_LABEL}) REQUIRE (c.citation, c.v) IS UNIQUE`,
  constraintKey: byType((t) => `CREATE CONSTRAINT ${LABEL[t].toLowerCase()}_key_v IF NOT EXISTS FOR (n:${LABEL[t]}) REQUIRE (n.key, n.v) IS UNIQUE`),
  indexVersion: Object.fromEntries(VERSIONED_LABELS.map(([t, l]) => [t, `CREATE INDEX ${l.toLowerCase()}_v IF NOT EXISTS FOR (n:${l}) ON (n.v)`])) as Record<NodeType | 'clause', string>,
  /** Flows of a version by kind and by the stored cross-border flag: what the overview counts. */
  indexFlowKind: 'CREATE INDEX dataflow_v_kind IF NOT EXISTS FOR (n:DataFlow) ON (n.v, n.kind)',
  indexFlowCrossBorder: 'CREATE INDEX dataflow_v_cross_border IF NOT EXISTS FOR (n:DataFlow) ON (n.v, n.crossBorder)',
  /** Flows stored before the flag existed get it, a batch at a time (migrate). */
  fillCrossBorder: `MATCH (n:DataFlow) WHERE n.crossBorder IS NULL
WITH n LIMIT $batch
${CROSS_BORDER_OF_N}
RETURN count(n) AS filled`,
  /**
   * The control node, created once. A database written before it existed keeps its active
   * version: the pointer starts at the highest version marked active, else 0.
   */
  ensureControl: `OPTIONAL MATCH (old:${VERSION_LABEL}) WHERE old.active = true
WITH max(old.v) AS current
MERGE (ctl:${CONTROL_LABEL} {id: 1})
ON CREATE SET ctl.activeVersion = coalesce(current, 0), ctl.lastVersion = coalesce(current, 0), ctl.lastSeq = 0, ctl.createdAt = $now
WITH ctl
MERGE (i:${VERSION_LABEL} {v: ctl.activeVersion})
ON CREATE SET i.state = 'active', i.createdAt = $now
SET i.state = 'active'`,
  /**
   * The write lock: every write transaction runs this first. Neo4j takes an exclusive lock on
   * the node it SETs and keeps it to commit, so writers queue here and what they read next
   * (active version, sequence, expected versions) cannot move under them.
   */
  lockInventory: `MATCH (ctl:${CONTROL_LABEL} {id: 1}) SET ctl.lockedAt = $now RETURN count(ctl) AS locked`,
  /** Read after the lock is held, so it is the latest committed state. */
  readControl: `MATCH (ctl:${CONTROL_LABEL} {id: 1}) RETURN ctl.activeVersion AS v, ctl.lastSeq AS seq`,
  /** A new version number, for staging a REPLACE (under the lock). */
  createStagingVersion: `MATCH (ctl:${CONTROL_LABEL} {id: 1})
SET ctl.lastVersion = ctl.lastVersion + 1
CREATE (s:${VERSION_LABEL} {v: ctl.lastVersion, state: 'staging', createdAt: $now})
RETURN s.v AS v`,
  /** Makes the staged version active and marks the previous one for deletion (under the lock). */
  switchVersion: `MATCH (ctl:${CONTROL_LABEL} {id: 1})
MATCH (next:${VERSION_LABEL} {v: $v, state: 'staging'})
OPTIONAL MATCH (previous:${VERSION_LABEL} {v: ctl.activeVersion})
SET previous.state = 'dropped', next.state = 'active', ctl.activeVersion = next.v
RETURN count(next) AS switched`,
  /** Per-type node counts of one version (clauses belong to their document and are not counted). */
  countVersionNodes: `RETURN ${NODE_TYPES.map((t) => `COUNT { MATCH (:${LABEL[t]} {v: $v}) } AS ${t}`).join(',\n  ')}`,
  /** Versions to delete: dropped ones, and staging ones abandoned (older than $staleBefore). */
  leftoverVersions: `MATCH (i:${VERSION_LABEL})
WHERE i.state = 'dropped' OR (i.state = 'staging' AND i.createdAt < $staleBefore)
RETURN i.v AS v ORDER BY v`,
  deleteVersionBatch: Object.fromEntries(VERSIONED_LABELS.map(([t, l]) => [t, `MATCH (n:${l} {v: $v})
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted`])) as Record<NodeType | 'clause', string>,
  deleteVersion: `MATCH (i:${VERSION_LABEL} {v: $v}) WHERE i.state <> 'active' DELETE i`,
  ping: 'RETURN 1 AS ok',

  // ---- reads
  getNodes: byType((t) => `${ACTIVE}
UNWIND $keys AS k
MATCH (n:${LABEL[t]} {key: k, v: v})
${projection(t)}`),
  /** getNodes for a read that does not ask for versions (a field page): no version subquery per node. */
  getNodesWithoutVersion: byType((t) => `${ACTIVE}
UNWIND $keys AS k
MATCH (n:${LABEL[t]} {key: k, v: v})
${projection(t, false)}`),
  listAll: byType((t) => `${ACTIVE}
MATCH (n:${LABEL[t]} {v: v})
WITH n, v ORDER BY n.key
${projection(t)}`),
  getClauses: `${ACTIVE}
UNWIND $citations AS citation
MATCH (c:${CLAUSE_LABEL} {citation: citation, v: v})
RETURN c {.*} AS clause`,
  related: RELATED,
  existingKeys: byType((t) => `${ACTIVE}
UNWIND $keys AS k
MATCH (n:${LABEL[t]} {key: k, v: v})
RETURN n.key AS key`),
  /** Versions for keys: 0 where the node does not exist, 1 where it never changed. */
  versions: byType((t) => `${ACTIVE}
UNWIND $keys AS k
OPTIONAL MATCH (n:${LABEL[t]} {key: k, v: v})
RETURN k AS key, CASE WHEN n IS NULL THEN 0 ELSE ${versionOf(t)} END AS version`),
  referrers: Object.fromEntries(NODE_TYPES.flatMap((t) => { const q = referrers(t); return q ? [[t, q]] : []; })) as Partial<Record<NodeType, string>>,
  /** The edges a field's lineage walks: flows carrying it, one round trip for many fields. */
  lineageEdges: `${ACTIVE}
UNWIND $keys AS k
MATCH (f:PersonalField {key: k, v: v})
${FLOWS_CARRYING_F}
RETURN k AS key, collect(DISTINCT {key: fl.key, from: fl.fromKey, to: fl.toKey}) AS edges`,
  exportClauses: `${ACTIVE}
MATCH (c:${CLAUSE_LABEL} {v: v})
RETURN c {.*} AS clause ORDER BY c.documentKey, c.ordinal`,
  /** Whether the active version holds no inventory node at all (clauses belong to documents). */
  inventoryIsEmpty: `${ACTIVE}
RETURN NOT (${NODE_TYPES.map((t) => `EXISTS { MATCH (:${LABEL[t]} {v: v}) }`).join('\n  OR ')}) AS empty`,

  // ---- writes
  upsertNodes: byType(upsertNodes),
  stageNodes: byType(stageNodes),
  dropOwnedEdges: Object.fromEntries(NODE_TYPES.filter((t) => OWNED_EDGES[t].length).map((t) => [t, dropOwnedEdges(t)])) as Partial<Record<NodeType, string>>,
  linkEdges: byType((t) => Object.fromEntries(OWNED_EDGES[t].map((e) => [e.rel, linkEdges(t, e)]))),
  /**
   * After a MERGE: the stored cross-border flag of the flows written, and of every flow to or from
   * a party written (its country may have changed). Mirrors domain/flows.ts isCrossBorder.
   */
  refreshCrossBorder: `UNWIND $keys AS k
MATCH (n:DataFlow {key: k, v: $v})
${CROSS_BORDER_OF_N}`,
  refreshPartyCrossBorder: `UNWIND $keys AS k
MATCH (:Party {key: k, v: $v})<-[:FROM|TO]-(n:DataFlow)
WITH DISTINCT n
${CROSS_BORDER_OF_N}`,
  /** Clauses no longer in a document: deleted, reporting who cited them (checked at the end). */
  dropRemovedClauses: `UNWIND $documents AS doc
MATCH (:PolicyDocument {key: doc.key, v: $v})<-[:${PART_OF}]-(c:${CLAUSE_LABEL})
WHERE NOT c.ref IN doc.refs
OPTIONAL MATCH (c)<-[:CITES]-(m)
WITH c, c.citation AS citation, collect({labels: labels(m), key: m.key}) AS citing
DETACH DELETE c
RETURN citation, [x IN citing WHERE x.key IS NOT NULL] AS citing`,
  upsertClauses: `UNWIND $rows AS row
MATCH (d:PolicyDocument {key: row.documentKey, v: $v})
MERGE (c:${CLAUSE_LABEL} {citation: row.citation, v: $v})
SET c = row.props, c.citation = row.citation, c.v = $v
MERGE (c)-[:${PART_OF}]->(d)`,
  /**
   * After a write: nodes that still cite a clause the write removed. One branch per citing label,
   * so each check is a unique-index seek: a node pattern without a label (or with a label from a
   * parameter, on Neo4j 5.26) is an AllNodesScan of the whole database per check.
   */
  danglingCitations: `UNWIND $checks AS check
CALL (check) {
${CITING_LABELS.map((l) => `  MATCH (m:${l} {key: check.key, v: $v}) WHERE check.label = '${l}' RETURN m`).join('\n  UNION ALL\n')}
}
WITH check, m WHERE check.citation IN m.sources
RETURN check.label AS label, check.key AS key, check.citation AS citation`,
  categoryCycles: `UNWIND $keys AS k
MATCH (c:DataCategory {key: k, v: $v})
WHERE EXISTS { MATCH (c)-[:CHILD_OF*1..${MAX_CYCLE_LENGTH}]->(c) }
RETURN c.key AS key ORDER BY key`,
  deleteNode: byType((t) => t === 'document'
    ? `UNWIND $keys AS k
MATCH (n:PolicyDocument {key: k, v: $v})
OPTIONAL MATCH (n)<-[:${PART_OF}]-(c:${CLAUSE_LABEL})
WITH n, collect(c) AS clauses
FOREACH (c IN clauses | DETACH DELETE c)
DETACH DELETE n
RETURN count(*) AS deleted`
    : `UNWIND $keys AS k
MATCH (n:${LABEL[t]} {key: k, v: $v})
DETACH DELETE n
RETURN count(*) AS deleted`),

  // ---- API keys (not versioned: access outlives inventory versions)
  constraintApiKey: `CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:${API_KEY_LABEL}) REQUIRE k.id IS UNIQUE`,
  saveApiKey: `CREATE (k:${API_KEY_LABEL} {id: $id, name: $name, role: $role, hash: $hash, createdAt: $createdAt})`,
  findApiKey: `MATCH (k:${API_KEY_LABEL} {id: $id}) RETURN k {.*} AS key`,
  listApiKeys: `MATCH (k:${API_KEY_LABEL}) RETURN k {.*} AS key ORDER BY k.createdAt, k.id`,
  revokeApiKey: `MATCH (k:${API_KEY_LABEL} {id: $id}) WHERE k.revokedAt IS NULL SET k.revokedAt = $at RETURN count(k) AS revoked`,

  // ---- audit log (append-only: no statement here deletes an entry or changes its content) and node versions
  constraintAudit: `CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (a:${AUDIT_LABEL}) REQUIRE a.id IS UNIQUE`,
  indexAuditSeq: `CREATE INDEX audit_entry_seq IF NOT EXISTS FOR (a:${AUDIT_LABEL}) ON (a.seq)`,
  indexAuditEntity: `CREATE INDEX audit_entry_entity IF NOT EXISTS FOR (a:${AUDIT_LABEL}) ON (a.entityType, a.entityKey)`,
  /** A key's version, whatever inventory version holds the node (NodeVersion nodes carry no `v`). */
  constraintNodeVersion: `CREATE CONSTRAINT node_version_type_key IF NOT EXISTS FOR (n:${NODE_VERSION_LABEL}) REQUIRE (n.nodeType, n.key) IS UNIQUE`,
  /**
   * Databases written before versions outlived inventory versions kept one NodeVersion per
   * inventory version `v`: those of the active version $active lose their `v` (a batch at a time,
   * under the lock), those of any other are dropped; then the old per-`v` constraint and index go.
   */
  adoptNodeVersions: `MATCH (nv:${NODE_VERSION_LABEL}) WHERE nv.v IS NOT NULL
WITH nv LIMIT $batch
FOREACH (_ IN CASE WHEN nv.v = $active THEN [1] ELSE [] END | REMOVE nv.v)
FOREACH (_ IN CASE WHEN nv.v <> $active THEN [1] ELSE [] END | DELETE nv)
RETURN count(*) AS adopted`,
  dropNodeVersionPerV: {
    constraint: 'DROP CONSTRAINT node_version_key IF EXISTS',
    index: `DROP INDEX ${NODE_VERSION_LABEL.toLowerCase()}_v IF EXISTS`,
  },
  /**
   * Entries numbered from the control node's sequence (under the write lock): ids increase in
   * commit order whatever the clocks of the writers say.
   */
  appendAudit: `MATCH (ctl:${CONTROL_LABEL} {id: 1})
UNWIND $entries AS e
CREATE (a:${AUDIT_LABEL})
SET a = e
WITH ctl, max(e.seq) AS last
SET ctl.lastSeq = last`,
  /** The newest entry (by the seq index): the link the next entry chains to. */
  lastAuditEntry: `MATCH (a:${AUDIT_LABEL}) WHERE a.seq IS NOT NULL
RETURN a.seq AS seq, a.hash AS hash ORDER BY a.seq DESC LIMIT 1`,
  /** Entries oldest first after a sequence number: for walking (and, once, hashing) the chain. */
  auditInOrder: `MATCH (a:${AUDIT_LABEL}) WHERE a.seq > $afterSeq
RETURN a {.*} AS entry ORDER BY a.seq LIMIT $limit`,
  /**
   * The one statement that writes to existing entries: it gives entries written before the chain
   * existed their hashes, and only where they have none.
   */
  chainAuditEntry: `MATCH (a:${AUDIT_LABEL} {id: $id}) WHERE a.hash IS NULL SET a.previousHash = $previousHash, a.hash = $hash`,
  /** Every key of a node type in an inventory version (for a REPLACE's audit entry). */
  versionKeys: byType((t) => `MATCH (n:${LABEL[t]} {v: $v}) RETURN collect(n.key) AS keys`),
  /** An update or a delete: one more than the version now (the first change of a node makes 2); a deleted key keeps its NodeVersion. */
  bumpVersions: `UNWIND $rows AS row
MERGE (nv:${NODE_VERSION_LABEL} {nodeType: row.type, key: row.key})
ON CREATE SET nv.version = 2
ON MATCH SET nv.version = nv.version + 1`,
  /** A node created: 1 for a key never seen (no NodeVersion), else one more than the version remembered for it. */
  continueVersions: `UNWIND $rows AS row
MATCH (nv:${NODE_VERSION_LABEL} {nodeType: row.type, key: row.key})
SET nv.version = nv.version + 1`,
  /**
   * A REPLACE, when switching from inventory version $old to $new (under the lock): nodes it
   * removed or changed go one version up; unchanged ones keep theirs.
   */
  advanceReplacedVersions: byType((t) => `MATCH (o:${LABEL[t]} {v: $old})
OPTIONAL MATCH (n:${LABEL[t]} {key: o.key, v: $new})
WITH o, n WHERE n IS NULL OR NOT (${sameContent(t)})
MERGE (nv:${NODE_VERSION_LABEL} {nodeType: '${t}', key: o.key})
ON CREATE SET nv.version = 2
ON MATCH SET nv.version = nv.version + 1`),
  /** The same switch: nodes created under a remembered key continue its sequence. */
  continueRecreatedVersions: byType((t) => `MATCH (nv:${NODE_VERSION_LABEL} {nodeType: '${t}'}) WHERE nv.key IS NOT NULL
  AND EXISTS { MATCH (:${LABEL[t]} {key: nv.key, v: $new}) } AND NOT EXISTS { MATCH (:${LABEL[t]} {key: nv.key, v: $old}) }
SET nv.version = nv.version + 1`),

  // ---- snapshots (numbered from the same sequence, so they list in the order they were taken)
  snapshotExists: `MATCH (s:${SNAPSHOT_LABEL} {label: $label}) RETURN count(s) AS n`,
  createSnapshot: `MATCH (ctl:${CONTROL_LABEL} {id: 1})
SET ctl.lastSeq = ctl.lastSeq + 1
CREATE (s:${SNAPSHOT_LABEL} {label: $label, createdAt: $createdAt, manifest: $manifest, seq: ctl.lastSeq})`,
  listSnapshots: `MATCH (s:${SNAPSHOT_LABEL}) RETURN s.label AS label, s.createdAt AS createdAt ORDER BY s.seq`,
  getSnapshot: `MATCH (s:${SNAPSHOT_LABEL} {label: $label}) RETURN s.manifest AS manifest`,
} as const;
