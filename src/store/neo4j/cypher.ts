/**
 * Every Cypher statement the Neo4j adapter can send, in one place, so a test can lint each one
 * with the official Cypher parser and translation tests can pin them. Statements vary only by
 * label and relationship type (from graph-model.ts); every value is a parameter.
 *
 * Reads start with ACTIVE, which binds `v` to the active inventory version inside the same
 * statement (no extra round trip).
 */
import type { NodeType } from '../../domain/vocabulary';
import type { Relation } from '../inventory-store';
import { API_KEY_LABEL, AUDIT_LABEL, CLAUSE_LABEL, LABEL, NODE_VERSION_LABEL, OWNED_EDGES, PART_OF, SNAPSHOT_LABEL, VERSION_LABEL, type OwnedEdge } from './graph-model';

const NODE_TYPES = Object.keys(LABEL) as NodeType[];

const ACTIVE = `MATCH (inv:${VERSION_LABEL} {active: true})\nWITH inv.v AS v`;

/** [self, parent, …, root] sensitivity statements, for effective sensitivity (PIPL Art. 28). */
const CATEGORY_CHAIN = `OPTIONAL MATCH chain = (n)-[:CHILD_OF*0..200]->(root:DataCategory)
WHERE NOT EXISTS { (root)-[:CHILD_OF]->(:DataCategory) }
WITH n, [x IN nodes(chain) | x {.sensitive, .sensitiveClass}] AS chain`;
const FIELD_CHAIN = `OPTIONAL MATCH chain = (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(root:DataCategory)
WHERE NOT EXISTS { (root)-[:CHILD_OF]->(:DataCategory) }
WITH n, [x IN nodes(chain) | x {.sensitive, .sensitiveClass}] AS chain`;

/** What a read returns for a node: categories and fields also carry their chain. */
function projection(type: NodeType): string {
  if (type === 'category') return `${CATEGORY_CHAIN}\nRETURN n {.*} AS node, chain`;
  if (type === 'field') return `${FIELD_CHAIN}\nRETURN n {.*} AS node, chain`;
  return 'RETURN n {.*} AS node';
}

/** Flows carrying field `f` (bound): named directly, or through its category or an ancestor. */
const FLOWS_CARRYING_F = `CALL (f) {
  MATCH (fl:DataFlow)-[:CARRIES_FIELD]->(f)
  RETURN fl
  UNION
  MATCH (f)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(:DataCategory)<-[:CARRIES_CATEGORY]-(fl:DataFlow)
  RETURN fl
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
CALL (fl) {
  MATCH (fl)-[:CARRIES_FIELD]->(f:PersonalField)
  RETURN f
  UNION
  MATCH (fl)-[:CARRIES_CATEGORY]->(:DataCategory)<-[:CHILD_OF*0..200]-(:DataCategory)<-[:IN_CATEGORY]-(f:PersonalField)
  RETURN f
}
RETURN k AS key, collect(DISTINCT f.key) AS related`,
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

/** Shared by listFields' page and count: every filter is optional (null = not filtering). */
const FIELD_FILTER = `MATCH (n:PersonalField {v: v})
WHERE ($search IS NULL OR toLower(n.key) CONTAINS $search OR toLower(n.name) CONTAINS $search
       OR toLower(coalesce(n.nameZh, '')) CONTAINS $search)
  AND ($categoryKey IS NULL OR EXISTS {
        MATCH (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(:DataCategory {key: $categoryKey, v: v}) })
  AND ($purposeKey IS NULL OR EXISTS {
        MATCH (fl:DataFlow)-[:FOR_PURPOSE]->(:Purpose {key: $purposeKey, v: v})
        WHERE (fl)-[:CARRIES_FIELD]->(n)
           OR EXISTS { (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(:DataCategory)<-[:CARRIES_CATEGORY]-(fl) } })
  AND ($permissionKey IS NULL OR EXISTS {
        MATCH (fl:DataFlow)-[:GATED_BY]->(:Permission {key: $permissionKey, v: v})
        WHERE (fl)-[:CARRIES_FIELD]->(n)
           OR EXISTS { (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(:DataCategory)<-[:CARRIES_CATEGORY]-(fl) } })
  AND ($recipientKey IS NULL OR EXISTS {
        MATCH (fl:DataFlow)-[:TO]->(:Party {key: $recipientKey, v: v})
        WHERE (fl)-[:CARRIES_FIELD]->(n)
           OR EXISTS { (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(:DataCategory)<-[:CARRIES_CATEGORY]-(fl) } })
${FIELD_CHAIN}
// The nearest statement up the chain decides: sensitive: false stops, a sensitiveClass makes it sensitive.
WITH n, chain, [x IN chain WHERE x.sensitive = false OR x.sensitiveClass IS NOT NULL][0] AS decisive
WITH n, chain, decisive IS NOT NULL AND decisive.sensitiveClass IS NOT NULL AND coalesce(decisive.sensitive, true) AS effectivelySensitive
WHERE $sensitive IS NULL OR effectivelySensitive = $sensitive`;

const FLOW_FILTER = `MATCH (n:DataFlow {v: v})-[:FROM]->(pf:Party), (n)-[:TO]->(pt:Party)
WHERE ($fromKey IS NULL OR pf.key = $fromKey)
  AND ($toKey IS NULL OR pt.key = $toKey)
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($purposeKey IS NULL OR EXISTS { MATCH (n)-[:FOR_PURPOSE]->(:Purpose {key: $purposeKey, v: v}) })
  AND ($crossBorder IS NULL OR
       (pf.country IS NOT NULL AND pt.country IS NOT NULL AND pf.country <> pt.country) = $crossBorder)
  AND ($fieldKey IS NULL OR EXISTS {
        MATCH (f:PersonalField {key: $fieldKey, v: v})
        WHERE (n)-[:CARRIES_FIELD]->(f)
           OR EXISTS { (f)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..200]->(:DataCategory)<-[:CARRIES_CATEGORY]-(n) } })`;

const PAGE = `WITH n, chain WHERE $afterKey IS NULL OR n.key > $afterKey
WITH n, chain ORDER BY n.key LIMIT $limit
RETURN n {.*} AS node, chain`;

/** Shared by the audit log's page and count: every filter optional (null = not filtering). */
const AUDIT_FILTER = `MATCH (a:${AUDIT_LABEL})
WHERE ($entityType IS NULL OR a.entityType = $entityType)
  AND ($entityKey IS NULL OR a.entityKey = $entityKey)
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($operation IS NULL OR a.operation = $operation)
  AND ($since IS NULL OR a.at >= $since)
  AND ($until IS NULL OR a.at <= $until)`;

// ---- writes -------------------------------------------------------------------------------

/** Creates or replaces nodes whole: SET n = props drops properties the new version lacks. */
function upsertNodes(type: NodeType): string {
  return `UNWIND $rows AS row
MERGE (n:${LABEL[type]} {key: row.key, v: $v})
SET n = row.props, n.key = row.key, n.v = $v`;
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
  const target = edge.target === 'clause' ? `(t:${CLAUSE_LABEL} {citation: link.target, v: $v})` : `(t:${LABEL[edge.target]} {key: link.target, v: $v})`;
  return `UNWIND $links AS link
MATCH (n:${LABEL[type]} {key: link.owner, v: $v})
OPTIONAL MATCH ${target}
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | CREATE (n)-[:${edge.rel}]->(t))
WITH link, t WHERE t IS NULL
RETURN link.owner AS owner, link.target AS target`;
}

export const CYPHER = {
  // schema and versions
  constraintVersion: `CREATE CONSTRAINT inventory_version_v IF NOT EXISTS FOR (i:${VERSION_LABEL}) REQUIRE i.v IS UNIQUE`,
  constraintSnapshot: `CREATE CONSTRAINT inventory_snapshot_label IF NOT EXISTS FOR (s:${SNAPSHOT_LABEL}) REQUIRE s.label IS UNIQUE`,
  constraintClause: `CREATE CONSTRAINT clause_citation_v IF NOT EXISTS FOR (c:${CLAUSE_LABEL}) REQUIRE (c.citation, c.v) IS UNIQUE`,
  constraintKey: Object.fromEntries(NODE_TYPES.map((t) => [t, `CREATE CONSTRAINT ${LABEL[t].toLowerCase()}_key_v IF NOT EXISTS FOR (n:${LABEL[t]}) REQUIRE (n.key, n.v) IS UNIQUE`])) as Record<NodeType, string>,
  indexVersion: Object.fromEntries([...NODE_TYPES.map((t) => [t, LABEL[t]]), ['clause', CLAUSE_LABEL]].map(([t, l]) => [t, `CREATE INDEX ${l.toLowerCase()}_v IF NOT EXISTS FOR (n:${l}) ON (n.v)`])) as Record<NodeType | 'clause', string>,
  ensureActiveVersion: `OPTIONAL MATCH (a:${VERSION_LABEL} {active: true})
WITH a WHERE a IS NULL
MERGE (i:${VERSION_LABEL} {v: 0})
SET i.active = true, i.createdAt = $now`,
  activeVersion: `MATCH (i:${VERSION_LABEL} {active: true}) RETURN i.v AS v`,
  createStagingVersion: `MATCH (i:${VERSION_LABEL})
WITH max(i.v) AS top
CREATE (s:${VERSION_LABEL} {v: coalesce(top, -1) + 1, active: false, staging: true, createdAt: $now})
RETURN s.v AS v`,
  switchVersion: `MATCH (next:${VERSION_LABEL} {v: $v})
OPTIONAL MATCH (previous:${VERSION_LABEL} {active: true})
SET previous.active = false, next.active = true, next.staging = false
RETURN previous.v AS previous`,
  countVersionNodes: `MATCH (n) WHERE n.v = $v AND NOT n:${VERSION_LABEL} RETURN count(n) AS n`,
  deleteVersionBatch: Object.fromEntries([...NODE_TYPES.map((t) => [t, LABEL[t]]), ['clause', CLAUSE_LABEL]].map(([t, l]) => [t, `MATCH (n:${l} {v: $v})
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted`])) as Record<NodeType | 'clause', string>,
  deleteVersion: `MATCH (i:${VERSION_LABEL} {v: $v}) WHERE i.active = false DELETE i`,
  ping: 'RETURN 1 AS ok',

  // reads
  getNodes: Object.fromEntries(NODE_TYPES.map((t) => [t, `${ACTIVE}
UNWIND $keys AS k
MATCH (n:${LABEL[t]} {key: k, v: v})
${projection(t)}`])) as Record<NodeType, string>,
  listAll: Object.fromEntries(NODE_TYPES.map((t) => [t, `${ACTIVE}
MATCH (n:${LABEL[t]} {v: v})
WITH n ORDER BY n.key
${projection(t)}`])) as Record<NodeType, string>,
  getClauses: `${ACTIVE}
UNWIND $citations AS citation
MATCH (c:${CLAUSE_LABEL} {citation: citation, v: v})
RETURN c {.*} AS clause`,
  related: RELATED,
  existingKeys: Object.fromEntries(NODE_TYPES.map((t) => [t, `${ACTIVE}
UNWIND $keys AS k
MATCH (n:${LABEL[t]} {key: k, v: v})
RETURN n.key AS key`])) as Record<NodeType, string>,
  referrers: Object.fromEntries(NODE_TYPES.flatMap((t) => { const q = referrers(t); return q ? [[t, q]] : []; })) as Partial<Record<NodeType, string>>,
  listFieldsPage: `${ACTIVE}\n${FIELD_FILTER}\n${PAGE}`,
  listFieldsCount: `${ACTIVE}\n${FIELD_FILTER}\nRETURN count(n) AS total`,
  listParties: `${ACTIVE}
MATCH (n:Party {v: v})
WHERE ($search IS NULL OR toLower(n.key) CONTAINS $search OR toLower(n.name) CONTAINS $search
       OR toLower(coalesce(n.nameZh, '')) CONTAINS $search)
  AND ($kind IS NULL OR n.kind = $kind)
RETURN n {.*} AS node ORDER BY n.key`,
  listFlowsPage: `${ACTIVE}\n${FLOW_FILTER}
WITH n WHERE $afterKey IS NULL OR n.key > $afterKey
WITH n ORDER BY n.key LIMIT $limit
RETURN n {.*} AS node`,
  listFlowsCount: `${ACTIVE}\n${FLOW_FILTER}\nRETURN count(n) AS total`,
  /** The edges a field's lineage walks: flows carrying it, one round trip for many fields. */
  lineageEdges: `${ACTIVE}
UNWIND $keys AS k
MATCH (f:PersonalField {key: k, v: v})
${FLOWS_CARRYING_F}
RETURN k AS key, collect(DISTINCT {key: fl.key, from: fl.fromKey, to: fl.toKey}) AS edges`,
  exportClauses: `${ACTIVE}
MATCH (c:${CLAUSE_LABEL} {v: v})
RETURN c {.*} AS clause ORDER BY c.documentKey, c.ordinal`,

  // writes
  upsertNodes: Object.fromEntries(NODE_TYPES.map((t) => [t, upsertNodes(t)])) as Record<NodeType, string>,
  dropOwnedEdges: Object.fromEntries(NODE_TYPES.filter((t) => OWNED_EDGES[t].length).map((t) => [t, dropOwnedEdges(t)])) as Partial<Record<NodeType, string>>,
  linkEdges: Object.fromEntries(NODE_TYPES.map((t) => [t, Object.fromEntries(OWNED_EDGES[t].map((e) => [e.rel, linkEdges(t, e)]))])) as Record<NodeType, Record<string, string>>,
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
  /** After a write: nodes that still cite a clause the write removed. */
  danglingCitations: `UNWIND $checks AS check
MATCH (m {key: check.key, v: $v})
WHERE check.label IN labels(m) AND check.citation IN m.sources
RETURN check.label AS label, check.key AS key, check.citation AS citation`,
  categoryCycles: `UNWIND $keys AS k
MATCH (c:DataCategory {key: k, v: $v})
WHERE EXISTS { MATCH (c)-[:CHILD_OF*1..200]->(c) }
RETURN c.key AS key`,
  deleteNode: Object.fromEntries(NODE_TYPES.map((t) => [t, t === 'document'
    ? `${ACTIVE}
MATCH (n:PolicyDocument {key: $key, v: v})
OPTIONAL MATCH (n)<-[:${PART_OF}]-(c:${CLAUSE_LABEL})
WITH n, collect(c) AS clauses
FOREACH (c IN clauses | DETACH DELETE c)
DETACH DELETE n
RETURN count(*) AS deleted`
    : `${ACTIVE}
MATCH (n:${LABEL[t]} {key: $key, v: v})
DETACH DELETE n
RETURN count(*) AS deleted`])) as Record<NodeType, string>,

  // API keys (not versioned: access outlives inventory versions)
  constraintApiKey: `CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:${API_KEY_LABEL}) REQUIRE k.id IS UNIQUE`,
  saveApiKey: `CREATE (k:${API_KEY_LABEL} {id: $id, name: $name, role: $role, hash: $hash, createdAt: $createdAt})`,
  findApiKey: `MATCH (k:${API_KEY_LABEL} {id: $id}) RETURN k {.*} AS key`,
  listApiKeys: `MATCH (k:${API_KEY_LABEL}) RETURN k {.*} AS key ORDER BY k.createdAt, k.id`,
  revokeApiKey: `MATCH (k:${API_KEY_LABEL} {id: $id}) WHERE k.revokedAt IS NULL SET k.revokedAt = $at RETURN count(k) AS revoked`,

  // audit log (append-only: no statement here updates or deletes an entry) and node versions
  constraintAudit: `CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (a:${AUDIT_LABEL}) REQUIRE a.id IS UNIQUE`,
  indexAuditEntity: `CREATE INDEX audit_entry_entity IF NOT EXISTS FOR (a:${AUDIT_LABEL}) ON (a.entityType, a.entityKey)`,
  constraintNodeVersion: `CREATE CONSTRAINT node_version_key IF NOT EXISTS FOR (n:${NODE_VERSION_LABEL}) REQUIRE (n.nodeType, n.key, n.v) IS UNIQUE`,
  appendAudit: `UNWIND $entries AS e
CREATE (a:${AUDIT_LABEL})
SET a = e`,
  listAuditPage: `${AUDIT_FILTER}
  AND ($afterId IS NULL OR a.id < $afterId)
RETURN a {.*} AS entry ORDER BY a.id DESC LIMIT $limit`,
  listAuditCount: `${AUDIT_FILTER}
RETURN count(a) AS total`,
  readVersions: `${ACTIVE}
UNWIND $keys AS k
MATCH (nv:${NODE_VERSION_LABEL} {nodeType: $nodeType, key: k, v: v})
RETURN nv.key AS key, nv.version AS version`,
  bumpVersions: `UNWIND $rows AS row
MERGE (nv:${NODE_VERSION_LABEL} {nodeType: row.type, key: row.key, v: $v})
ON CREATE SET nv.version = 2
ON MATCH SET nv.version = nv.version + 1`,
  resetVersions: `UNWIND $rows AS row
MATCH (nv:${NODE_VERSION_LABEL} {nodeType: row.type, key: row.key, v: $v})
DELETE nv`,

  // snapshots
  snapshotExists: `MATCH (s:${SNAPSHOT_LABEL} {label: $label}) RETURN count(s) AS n`,
  createSnapshot: `CREATE (s:${SNAPSHOT_LABEL} {label: $label, createdAt: $createdAt, manifest: $manifest})`,
  listSnapshots: `MATCH (s:${SNAPSHOT_LABEL}) RETURN s.label AS label, s.createdAt AS createdAt ORDER BY s.createdAt, s.label`,
  getSnapshot: `MATCH (s:${SNAPSHOT_LABEL} {label: $label}) RETURN s.manifest AS manifest`,
} as const;

/** Every statement with a stable name, for the lint check and for reviewing in diffs. */
export function allStatements(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out.push({ name: prefix, text: value });
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
  };
  walk('', CYPHER);
  return out;
}
