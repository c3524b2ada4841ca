/**
 * Every fixed SQL statement the embedded store sends, and the fragments of those it composes per
 * request (list filters, page reads), in one place, as neo4j/cypher.ts is for the graph store;
 * the schema itself is in migrations.ts. Values are always `?` parameters: only table, column and
 * index names are spliced in, and those come from the schema, never from a request.
 */
import type { NodeType } from '../../domain/vocabulary';
import type { ListName, Relation } from '../inventory-store';
import type { FlowLists } from './rows';

/** Where each node type lives, and how a row becomes a record. */
export const TABLE: Record<NodeType, string> = {
  document: 'documents',
  category: 'categories',
  field: 'fields',
  purpose: 'purposes',
  permission: 'permissions',
  party: 'parties',
  legalBasis: 'legal_bases',
  flow: 'flows',
};

/** SELECT lists. Categories and fields get their effective sensitivity in recordsOf(). */
export const SELECT: Record<NodeType, string> = {
  document: 'SELECT t.* FROM documents t',
  category: 'SELECT t.* FROM categories t',
  field: 'SELECT t.* FROM fields t',
  purpose: 'SELECT t.* FROM purposes t',
  permission: 'SELECT t.* FROM permissions t',
  party: 'SELECT t.* FROM parties t',
  legalBasis: 'SELECT t.* FROM legal_bases t',
  flow: 'SELECT t.* FROM flows t',
};

/** The flow list tables, by the manifest property they hold. */
export const FLOW_LISTS: Array<{ prop: keyof FlowLists; table: string; column: string; target: NodeType }> = [
  { prop: 'fields', table: 'flow_fields', column: 'field_key', target: 'field' },
  { prop: 'categories', table: 'flow_categories', column: 'category_key', target: 'category' },
  { prop: 'purposes', table: 'flow_purposes', column: 'purpose_key', target: 'purpose' },
  { prop: 'legalBases', table: 'flow_legal_bases', column: 'legal_basis_key', target: 'legalBasis' },
  { prop: 'permissions', table: 'flow_permissions', column: 'permission_key', target: 'permission' },
];

/** Case-insensitive substring of key, name or nameZh; takes the search text three times. */
export const SEARCH_SQL = `(instr(fold_case(t.key), fold_case(?)) > 0 OR instr(fold_case(t.name), fold_case(?)) > 0
  OR instr(fold_case(COALESCE(t.name_zh, '')), fold_case(?)) > 0)`;

/** Keys of every field whose flows are asked for: the field's category and all its ancestors. */
export const FIELD_FLOWS_SQL = `
WITH RECURSIVE asked(field_key) AS (SELECT value FROM json_each(?)),
anc(field_key, category_key, depth) AS (
  SELECT f.key, f.category_key, 0 FROM fields f JOIN asked a ON a.field_key = f.key
  UNION
  SELECT anc.field_key, c.parent_key, anc.depth + 1 FROM anc JOIN categories c ON c.key = anc.category_key
  WHERE c.parent_key IS NOT NULL AND anc.depth < 200
)
SELECT ff.field_key AS k, ff.flow_key AS v FROM flow_fields ff JOIN asked a ON a.field_key = ff.field_key
UNION
SELECT anc.field_key AS k, fc.flow_key AS v FROM anc JOIN flow_categories fc ON fc.category_key = anc.category_key
ORDER BY k, v`;

/** `k` → `v` pairs for each relation, restricted to the keys in the JSON array parameter. */
export const RELATION_SQL: Record<Relation, string> = {
  // Answered from the lineage index (see related()), which this query fills.
  'field.flows': FIELD_FLOWS_SQL,
  'flow.carriedFields': `SELECT flow_key AS k, field_key AS v FROM flow_carried_fields
                         WHERE flow_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'category.children': `SELECT parent_key AS k, key AS v FROM categories
                        WHERE parent_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'category.fields': `SELECT category_key AS k, key AS v FROM fields
                      WHERE category_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'party.inbound': `SELECT to_key AS k, key AS v FROM flows WHERE to_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'party.outbound': `SELECT from_key AS k, key AS v FROM flows WHERE from_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'purpose.flows': `SELECT purpose_key AS k, flow_key AS v FROM flow_purposes
                    WHERE purpose_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'permission.flows': `SELECT permission_key AS k, flow_key AS v FROM flow_permissions
                       WHERE permission_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'legalBasis.flows': `SELECT legal_basis_key AS k, flow_key AS v FROM flow_legal_bases
                       WHERE legal_basis_key IN (SELECT value FROM json_each(?)) ORDER BY k, v`,
  'document.clauses': `SELECT document_key AS k, document_key || '#' || ref AS v FROM clauses
                       WHERE document_key IN (SELECT value FROM json_each(?)) ORDER BY k, ordinal`,
};

/** `[items, sumOfSquares, longest]` of the lists `from` holds, one list per distinct `owner`. */
const listSizes = (from: string, owner: string) =>
  `SELECT coalesce(sum(c), 0), coalesce(sum(c * c), 0), coalesce(max(c), 0) FROM (SELECT count(*) AS c FROM ${from} GROUP BY ${owner})`;

/** List-length statistics for the query cost model (listSizeStatistics()), one statement per list. */
export const LIST_SIZE_SQL: Record<ListName, string> = {
  'field.flows': listSizes('flow_carried_fields', 'field_key'),
  'flow.carriedFields': listSizes('flow_carried_fields', 'flow_key'),
  'category.children': listSizes('categories WHERE parent_key IS NOT NULL', 'parent_key'),
  'category.fields': listSizes('fields', 'category_key'),
  'party.inbound': listSizes('flows', 'to_key'),
  'party.outbound': listSizes('flows', 'from_key'),
  'purpose.flows': listSizes('flow_purposes', 'purpose_key'),
  'permission.flows': listSizes('flow_permissions', 'permission_key'),
  'legalBasis.flows': listSizes('flow_legal_bases', 'legal_basis_key'),
  'document.clauses': listSizes('clauses', 'document_key'),
  'flow.fields': listSizes('flow_fields', 'flow_key'),
  'flow.categories': listSizes('flow_categories', 'flow_key'),
  'flow.purposes': listSizes('flow_purposes', 'flow_key'),
  'flow.legalBases': listSizes('flow_legal_bases', 'flow_key'),
  'flow.permissions': listSizes('flow_permissions', 'flow_key'),
  'node.sources': listSizes('sources', 'node_type, node_key'),
};

/** What references a node of each type, as `[referring type, SQL returning referrer keys]`. */
export const REFERRERS: Partial<Record<NodeType, Array<[string, string]>>> = {
  document: [['clause citation', `SELECT DISTINCT node_type || ':' || node_key FROM sources WHERE document_key = ?`]],
  category: [
    ['category', 'SELECT key FROM categories WHERE parent_key = ?'],
    ['field', 'SELECT key FROM fields WHERE category_key = ?'],
    ['flow', 'SELECT flow_key FROM flow_categories WHERE category_key = ?'],
  ],
  field: [['flow', 'SELECT flow_key FROM flow_fields WHERE field_key = ?']],
  purpose: [['flow', 'SELECT flow_key FROM flow_purposes WHERE purpose_key = ?']],
  permission: [['flow', 'SELECT flow_key FROM flow_permissions WHERE permission_key = ?']],
  legalBasis: [['flow', 'SELECT flow_key FROM flow_legal_bases WHERE legal_basis_key = ?']],
  party: [['flow', 'SELECT key FROM flows WHERE from_key = ? OR to_key = ?']],
};

/** Tables holding the inventory (what REPLACE empties and a bulk write fills). */
export const INVENTORY_TABLES = ['documents', 'clauses', ...Object.values(TABLE).filter((t) => t !== 'documents'), ...FLOW_LISTS.map((l) => l.table), 'sources'];

/** The inventory tables in the order REPLACE empties them: rows that reference others go first. */
const CLEAR_ORDER = ['sources', ...FLOW_LISTS.map((l) => l.table), 'flows', 'fields', 'categories', 'purposes', 'permissions', 'parties', 'legal_bases', 'clauses', 'documents'];

/** Fields carried by the flows that `flowCondition` (a subquery of flow keys) selects. */
const carriedBy = (flowCondition: string) => `t.key IN (SELECT cf.field_key FROM flow_carried_fields cf WHERE cf.flow_key IN (${flowCondition}))`;

/** The filters of listFields(), each a condition on the field `t`; parameters in the order of their `?`. */
export const FIELD_FILTERS = {
  search: SEARCH_SQL,
  /** Effective sensitivity: a field's own statement, else whether its category is in the JSON array. */
  sensitive: `(CASE WHEN t.sensitive = 0 THEN 0 WHEN t.sensitive_class IS NOT NULL THEN 1
                   ELSE t.category_key IN (SELECT value FROM json_each(?)) END) = ?`,
  /** Classified under the category or any category below it. */
  underCategory: `t.category_key IN (WITH RECURSIVE sub(k, d) AS (SELECT ?, 0 UNION SELECT c.key, sub.d + 1 FROM categories c JOIN sub ON c.parent_key = sub.k WHERE sub.d < 200) SELECT k FROM sub)`,
  purpose: carriedBy('SELECT flow_key FROM flow_purposes WHERE purpose_key = ?'),
  permission: carriedBy('SELECT flow_key FROM flow_permissions WHERE permission_key = ?'),
  recipient: carriedBy('SELECT key FROM flows WHERE to_key = ?'),
};

/** The filters of listFlows(), each a condition on the flow `t`. */
export const FLOW_FILTERS = {
  /** Flows carrying the field (a one-key JSON array), directly or through its categories. */
  field: `t.key IN (SELECT v FROM (${FIELD_FLOWS_SQL}))`,
  from: 't.from_key = ?',
  to: 't.to_key = ?',
  kind: 't.kind = ?',
  purpose: 't.key IN (SELECT flow_key FROM flow_purposes WHERE purpose_key = ?)',
  /** The stored flag (migration 6), kept by write(): an index lookup, not two party reads per flow. */
  crossBorder: 't.cross_border = ?',
};

/** The filters of listParties(), each a condition on the party `t`. */
export const PARTY_FILTERS = {
  /** SEARCH_SQL (3 parameters), or one of the SDK package names (a JSON array column) holds the text (a 4th). */
  search: `(${SEARCH_SQL}
  OR EXISTS (SELECT 1 FROM json_each(t.sdk_packages) sp WHERE instr(fold_case(sp.value), fold_case(?)) > 0))`,
  kind: 't.kind = ?',
  /** Any of the kinds in a JSON array ('[]' matches nothing). */
  kinds: 't.kind IN (SELECT value FROM json_each(?))',
};

/** The parts of a multi-row write (see BatchInsert): `INSERT INTO table (columns)`, values per row, and what follows VALUES. */
export interface BatchStatement {
  head: string;
  columns: number;
  tail: string;
}

const insertInto = (table: string, columns: string[]): BatchStatement => ({ head: `INSERT INTO ${table} (${columns.join(', ')})`, columns: columns.length, tail: '' });
/** MERGE replaces a node whole: every column but the key is overwritten. */
const upsertInto = (table: string, columns: string[]): BatchStatement => ({
  ...insertInto(table, columns),
  tail: `ON CONFLICT(key) DO UPDATE SET ${columns.filter((c) => c !== 'key').map((c) => `${c} = excluded.${c}`).join(', ')}`,
});
/** The columns every node table starts with, in order. */
const NODE_COLUMNS = ['key', 'name', 'name_zh', 'description'];

const NODE_TYPES = Object.keys(TABLE) as NodeType[];
const byType = (make: (type: NodeType) => string) => Object.fromEntries(NODE_TYPES.map((t) => [t, make(t)])) as Record<NodeType, string>;

/** The columns write() sends per node table, in the order it binds them (the batch statements and CONTENT_OF share them). */
const WRITTEN_COLUMNS: Record<NodeType, string[]> = {
  document: ['key', 'title', 'title_en', 'url', 'updated_at', 'effective_at'],
  category: [...NODE_COLUMNS, 'parent_key', 'sensitive', 'sensitive_class'],
  field: [...NODE_COLUMNS, 'category_key', 'sensitive', 'sensitive_class'],
  purpose: [...NODE_COLUMNS, 'function_type'],
  permission: [...NODE_COLUMNS, 'platform'],
  party: [...NODE_COLUMNS, 'kind', 'country', 'contact', 'sdk_packages'],
  legalBasis: [...NODE_COLUMNS, 'jurisdiction', 'article'],
  flow: [...NODE_COLUMNS, 'from_key', 'to_key', 'kind', 'consent', 'optional', 'deidentified',
    'retention_description', 'retention_minimum', 'retention_maximum', 'scenario', 'cross_border'],
};

/**
 * A node's whole content as one JSON text, for node `t` of a type: its columns, the rows it owns
 * (clauses, flow lists, citations) in order. Equal text is equal content: what a REPLACE compares
 * to keep the version of a node it writes unchanged. The cross-border flag is left out: it is
 * derived from the parties, not the flow's own content.
 */
export const CONTENT_OF: Record<NodeType, string> = byType((type) => {
  const columns = WRITTEN_COLUMNS[type].filter((c) => c !== 'key' && c !== 'cross_border').map((c) => `t.${c}`);
  const owned = type === 'document'
    ? ["(SELECT json_group_array(json_array(ref, title, text) ORDER BY ordinal) FROM clauses WHERE document_key = t.key)"]
    : [
      ...(type === 'flow' ? FLOW_LISTS.map((l) => `(SELECT json_group_array(${l.column} ORDER BY ordinal) FROM ${l.table} WHERE flow_key = t.key)`) : []),
      `(SELECT json_group_array(document_key || '#' || ref ORDER BY ordinal) FROM sources WHERE node_type = '${type}' AND node_key = t.key)`,
    ];
  return `json_array(${[...columns, ...owned].join(', ')})`;
});

export const SQL = {
  // ---- connection
  ping: 'SELECT 1',
  /** This connection's own writes and other connections' commits: together, every change to the file. */
  changeMark: 'SELECT total_changes(), data_version FROM pragma_data_version',
  /** Changes when another connection commits: what keys the read caches. */
  dataVersion: 'PRAGMA data_version',

  // ---- reads
  nodesByKey: byType((t) => `${SELECT[t]} WHERE t.key IN (SELECT value FROM json_each(?))`),
  allNodes: byType((t) => `${SELECT[t]} ORDER BY t.key`),
  existingKeys: byType((t) => `SELECT key FROM ${TABLE[t]} WHERE key IN (SELECT value FROM json_each(?))`),
  /** Clauses by `[documentKey, ref]` pairs (a JSON array). */
  clausesByCitation: `SELECT c.document_key, c.ref, c.title, c.text FROM clauses c
       JOIN json_each(?) j ON c.document_key = json_extract(j.value, '$[0]') AND c.ref = json_extract(j.value, '$[1]')`,
  clausesOf: 'SELECT ref, title, text FROM clauses WHERE document_key = ? ORDER BY ordinal',
  exportDocuments: 'SELECT * FROM documents ORDER BY key',
  /** Citations of many nodes of one type, as node key → `document#ref` pairs. */
  sourcesOf: `SELECT node_key, document_key || '#' || ref FROM sources
       WHERE node_type = ? AND node_key IN (SELECT value FROM json_each(?)) ORDER BY node_key, ordinal`,
  /**
   * One list of many flows: flow key, target key, ordinal. No ORDER BY: sorting the rows cost
   * SQLite a temporary B-tree per statement (about 40% of the five lists' time on a field page);
   * StatementCache.orderedPairs() puts each flow's targets in ordinal order instead.
   */
  flowList: Object.fromEntries(FLOW_LISTS.map((l) => [l.prop, `SELECT flow_key, ${l.column}, ordinal FROM ${l.table}
                      WHERE flow_key IN (SELECT value FROM json_each(?))`])) as Record<keyof FlowLists, string>,
  /** The view is the one statement of the inheritance rule; read whole, once per data version. */
  categoryEffective: 'SELECT key, sensitive, sensitive_class FROM category_effective',
  /** Lineage index rows: field key, flow key, from, to (see LineageIndex). */
  lineageEdges: `SELECT ff.k, f.key, f.from_key, f.to_key FROM (${FIELD_FLOWS_SQL}) ff JOIN flows f ON f.key = ff.v ORDER BY ff.k, f.key`,
  nodeCount: byType((t) => `SELECT COUNT(*) AS n FROM ${TABLE[t]}`),

  // ---- writes
  /** write()'s multi-row inserts, columns in the order write() binds them. */
  batch: {
    documents: upsertInto('documents', WRITTEN_COLUMNS.document),
    clauses: insertInto('clauses', ['document_key', 'ref', 'ordinal', 'title', 'text']),
    categories: upsertInto('categories', WRITTEN_COLUMNS.category),
    fields: upsertInto('fields', WRITTEN_COLUMNS.field),
    purposes: upsertInto('purposes', WRITTEN_COLUMNS.purpose),
    permissions: upsertInto('permissions', WRITTEN_COLUMNS.permission),
    parties: upsertInto('parties', WRITTEN_COLUMNS.party),
    legalBases: upsertInto('legal_bases', WRITTEN_COLUMNS.legalBasis),
    flows: upsertInto('flows', WRITTEN_COLUMNS.flow),
    flowLists: Object.fromEntries(FLOW_LISTS.map((l) => [l.prop, insertInto(l.table, ['flow_key', l.column, 'ordinal'])])) as Record<keyof FlowLists, BatchStatement>,
    sources: insertInto('sources', ['node_type', 'node_key', 'ordinal', 'document_key', 'ref']),
  },
  /**
   * After a MERGE: the cross-border flag again for the flows written and every flow to or from a
   * party written (its country may have changed). Mirrors domain/flows.ts isCrossBorder. Takes
   * the flow keys, then the party keys twice, as JSON arrays.
   */
  refreshCrossBorder: `UPDATE flows SET cross_border = COALESCE((
         SELECT CASE WHEN pf.country IS NOT NULL AND pt.country IS NOT NULL AND pf.country <> pt.country THEN 1 ELSE 0 END
         FROM parties pf, parties pt WHERE pf.key = flows.from_key AND pt.key = flows.to_key), 0)
       WHERE key IN (SELECT value FROM json_each(?))
          OR from_key IN (SELECT value FROM json_each(?)) OR to_key IN (SELECT value FROM json_each(?))`,
  /** What a MERGE clears before writing a node's owned rows again (foreign keys do not cascade in bulk). */
  deleteClauses: 'DELETE FROM clauses WHERE document_key = ?',
  deleteFlowList: Object.fromEntries(FLOW_LISTS.map((l) => [l.prop, `DELETE FROM ${l.table} WHERE flow_key = ?`])) as Record<keyof FlowLists, string>,
  deleteSources: 'DELETE FROM sources WHERE node_type = ? AND node_key = ?',
  deleteNode: byType((t) => `DELETE FROM ${TABLE[t]} WHERE key = ?`),
  /** Whether a table has any row (for whether the inventory is empty). */
  anyRow: Object.fromEntries(INVENTORY_TABLES.map((t) => [t, `SELECT 1 FROM ${t} LIMIT 1`])) as Record<string, string>,
  /** What REPLACE runs, in order. */
  clearInventory: CLEAR_ORDER.map((table) => ({ table, sql: `DELETE FROM ${table}` })),

  // ---- schema facts, for the fast paths of bulk writes
  /** Every foreign key, as `table(columns) -> parent` (compared with PROVEN_FOREIGN_KEYS). */
  foreignKeys: `SELECT m.name || '(' || group_concat(f."from", ',' ORDER BY f.seq) || ') -> ' || f."table" AS fk
         FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
         GROUP BY m.name, f.id ORDER BY 1`,
  tableDefinitions: `SELECT name, sql FROM sqlite_master WHERE type = 'table'`,
  /** The secondary indexes of the tables in a JSON array, with the statements that made them. */
  secondaryIndexes: `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,

  // ---- integrity
  /** Categories that are their own ancestor (bounded, so a long chain ends the walk too). */
  categoryCycles: `
      WITH RECURSIVE walk(start, cur, depth) AS (
        SELECT key, parent_key, 1 FROM categories WHERE parent_key IS NOT NULL
        UNION ALL
        SELECT w.start, c.parent_key, w.depth + 1 FROM walk w JOIN categories c ON c.key = w.cur
        WHERE c.parent_key IS NOT NULL AND w.cur <> w.start AND w.depth < 1000)
      SELECT DISTINCT start FROM walk WHERE cur = start ORDER BY start`,
  /** The column pairs of one foreign key of a table, for naming rows without a rowid. */
  foreignKeyColumns: `SELECT "from" AS child, "table" AS parent, "to" AS key FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq`,

  // ---- audit log (append-only: nothing here updates or deletes an entry) and node versions
  /**
   * Versions of many nodes of one type. A key without a row has never changed, nor been deleted:
   * version 1. A deleted key keeps its row (a tombstone) so a node created again under it
   * continues its sequence: a version is never handed out twice for one key.
   */
  versions: 'SELECT node_key, version FROM node_versions WHERE node_type = ? AND node_key IN (SELECT value FROM json_each(?))',
  /** An update or a delete: one more than the version now (the first change of a node makes 2). */
  bumpVersion: `INSERT INTO node_versions (node_type, node_key, version) VALUES (?, ?, 2)
       ON CONFLICT(node_type, node_key) DO UPDATE SET version = version + 1`,
  /** A node created: 1 for a key never seen (no row), else one more than the version remembered for it. */
  continueVersion: 'UPDATE node_versions SET version = version + 1 WHERE node_type = ? AND node_key = ?',
  /** What a whole-inventory write replaces, node by node (CONTENT_OF), kept until its versions are settled. */
  createReplacedContent: `CREATE TEMP TABLE IF NOT EXISTS replaced_content (
       node_type TEXT NOT NULL, node_key TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (node_type, node_key)) WITHOUT ROWID`,
  clearReplacedContent: 'DELETE FROM temp.replaced_content',
  keepReplacedContent: byType((t) => `INSERT INTO temp.replaced_content (node_type, node_key, content) SELECT '${t}', t.key, ${CONTENT_OF[t]} FROM ${TABLE[t]} t`),
  /** After a whole-inventory write: nodes it removed or changed go one version up; unchanged ones keep theirs. */
  advanceReplacedVersions: byType((t) => `INSERT INTO node_versions (node_type, node_key, version)
       SELECT o.node_type, o.node_key, 2 FROM temp.replaced_content o
       WHERE o.node_type = '${t}' AND NOT EXISTS (SELECT 1 FROM ${TABLE[t]} t WHERE t.key = o.node_key AND ${CONTENT_OF[t]} = o.content)
       ON CONFLICT(node_type, node_key) DO UPDATE SET version = version + 1`),
  /** After a whole-inventory write: nodes it created under a remembered key continue that key's sequence. */
  continueRecreatedVersions: byType((t) => `UPDATE node_versions SET version = version + 1
       WHERE node_type = '${t}' AND EXISTS (SELECT 1 FROM ${TABLE[t]} t WHERE t.key = node_versions.node_key)
         AND NOT EXISTS (SELECT 1 FROM temp.replaced_content o WHERE o.node_type = '${t}' AND o.node_key = node_versions.node_key)`),

  // ---- API keys
  saveApiKey: 'INSERT INTO api_keys (id, name, role, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
  findApiKey: 'SELECT * FROM api_keys WHERE id = ?',
  listApiKeys: 'SELECT * FROM api_keys ORDER BY created_at, id',
  /** Revoking twice changes nothing: the first revocation time stands. */
  revokeApiKey: 'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',

  // ---- snapshots (listed in the order they were taken)
  snapshotExists: 'SELECT 1 FROM snapshots WHERE label = ?',
  saveSnapshot: 'INSERT INTO snapshots (label, created_at, manifest) VALUES (?, ?, ?)',
  listSnapshots: 'SELECT label, created_at FROM snapshots ORDER BY rowid',
  getSnapshot: 'SELECT manifest FROM snapshots WHERE label = ?',
} as const;
