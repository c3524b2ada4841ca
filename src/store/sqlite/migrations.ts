/**
 * Versioned schema migrations for the embedded store, applied in order inside a transaction;
 * `PRAGMA user_version` records how far a database file has come.
 * Foreign keys are DEFERRABLE so a MERGE can replace a node whole within one transaction;
 * the adapter runs `foreign_key_check` before commit to name what a write would leave dangling.
 */
import type Database from 'better-sqlite3';
import { backfillAuditChain } from './change-log';
import {
  CONSENT_REQUIREMENTS,
  FLOW_KINDS,
  FUNCTION_TYPES,
  PARTY_KINDS,
  SENSITIVE_CLASSES,
} from '../../domain/vocabulary';

const oneOf = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const DEFERRED = 'DEFERRABLE INITIALLY DEFERRED';

/** Columns every node table has. */
const NODE_COLUMNS = `
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_zh TEXT,
  description TEXT`;

/** The columns of one list of a flow, kept in order (migration 1, and again in migration 5). */
const flowListColumns = (column: string, target: string) => `
  flow_key TEXT NOT NULL REFERENCES flows(key) ON DELETE CASCADE ${DEFERRED},
  ${column} TEXT NOT NULL REFERENCES ${target}(key) ${DEFERRED},
  ordinal INTEGER NOT NULL,
  PRIMARY KEY (flow_key, ${column})
`;
const flowListIndex = (table: string, column: string) => `CREATE INDEX ${table}_by_target ON ${table}(${column}, flow_key);`;

/** One list column of a flow, kept in order. */
const flowList = (table: string, column: string, target: string) => `
CREATE TABLE ${table} (${flowListColumns(column, target)});
${flowListIndex(table, column)}`;

/** Every node's citations, in order (migration 1, and again in migration 5). */
const SOURCES_COLUMNS = `
  node_type TEXT NOT NULL,
  node_key TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  document_key TEXT NOT NULL,
  ref TEXT NOT NULL,
  PRIMARY KEY (node_type, node_key, ordinal),
  FOREIGN KEY (document_key, ref) REFERENCES clauses(document_key, ref) ${DEFERRED}
`;
const SOURCES_INDEX = 'CREATE INDEX sources_by_clause ON sources(document_key, ref);';

/**
 * Migration 5 rebuilds a flow list (or `sources`) as a WITHOUT ROWID table clustered on its
 * primary key: the table is then its own key index, one b-tree fewer to write on every import.
 * Rows are copied in key order (read from the old key index), the fast order to insert them.
 */
const rebuildWithoutRowid = (table: string, definition: string, columns: string, key: string, indexes: string) => `
CREATE TABLE ${table}_v5 (${definition}) WITHOUT ROWID;
INSERT INTO ${table}_v5 (${columns}) SELECT ${columns} FROM ${table} ORDER BY ${key};
DROP TABLE ${table};
ALTER TABLE ${table}_v5 RENAME TO ${table};
${indexes}`;

const flowListWithoutRowid = (table: string, column: string, target: string) =>
  rebuildWithoutRowid(
    table,
    flowListColumns(column, target),
    `flow_key, ${column}, ordinal`,
    `flow_key, ${column}`,
    flowListIndex(table, column),
  );

/**
 * Every field a flow carries: listed fields, and every field under a listed category's subtree.
 * Created by migration 1, and again by migration 5 (which must drop it to rebuild the tables it reads).
 */
const FLOW_CARRIED_FIELDS_VIEW = `CREATE VIEW flow_carried_fields AS
WITH RECURSIVE sub(flow_key, category_key, depth) AS (
  SELECT flow_key, category_key, 0 FROM flow_categories
  UNION
  SELECT sub.flow_key, c.key, sub.depth + 1 FROM sub JOIN categories c ON c.parent_key = sub.category_key
  WHERE sub.depth < 200
)
SELECT flow_key, field_key FROM flow_fields
UNION
SELECT sub.flow_key, f.key FROM sub JOIN fields f ON f.category_key = sub.category_key;`;

/**
 * Keys of the flows whose two parties both state a country and differ (domain/flows.ts
 * isCrossBorder). Migration 6 fills the stored flag with it; it is fixed text (write() has its own
 * copy in sql.ts, which may change with later migrations).
 */
const CROSS_BORDER_FLOWS = `SELECT f.key FROM flows f JOIN parties pf ON pf.key = f.from_key JOIN parties pt ON pt.key = f.to_key
  WHERE pf.country IS NOT NULL AND pt.country IS NOT NULL AND pf.country <> pt.country`;

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Work SQL cannot do (hashing), run after `sql` in the same transaction. */
  backfill?: (db: Database.Database) => void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'inventory graph: nodes, flow lists, clause citations',
    sql: `
CREATE TABLE documents (
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_en TEXT,
  url TEXT,
  updated_at TEXT NOT NULL,
  effective_at TEXT NOT NULL
);
CREATE TABLE clauses (
  document_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE ${DEFERRED},
  ref TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  title TEXT,
  text TEXT NOT NULL,
  UNIQUE (document_key, ref)
);
CREATE TABLE categories (${NODE_COLUMNS},
  parent_key TEXT REFERENCES categories(key) ${DEFERRED},
  sensitive INTEGER CHECK (sensitive IN (0, 1)),
  sensitive_class TEXT CHECK (sensitive_class IN (${oneOf(SENSITIVE_CLASSES)}))
);
CREATE INDEX categories_by_parent ON categories(parent_key);
CREATE TABLE fields (${NODE_COLUMNS},
  category_key TEXT NOT NULL REFERENCES categories(key) ${DEFERRED},
  sensitive INTEGER CHECK (sensitive IN (0, 1)),
  sensitive_class TEXT CHECK (sensitive_class IN (${oneOf(SENSITIVE_CLASSES)}))
);
CREATE INDEX fields_by_category ON fields(category_key);
CREATE TABLE purposes (${NODE_COLUMNS},
  function_type TEXT NOT NULL CHECK (function_type IN (${oneOf(FUNCTION_TYPES)}))
);
CREATE TABLE permissions (${NODE_COLUMNS},
  platform TEXT NOT NULL
);
CREATE TABLE parties (${NODE_COLUMNS},
  kind TEXT NOT NULL CHECK (kind IN (${oneOf(PARTY_KINDS)})),
  country TEXT,
  contact TEXT,
  sdk_packages TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE legal_bases (${NODE_COLUMNS},
  jurisdiction TEXT NOT NULL,
  article TEXT NOT NULL
);
CREATE TABLE flows (
  key TEXT NOT NULL UNIQUE,
  name TEXT,
  name_zh TEXT,
  description TEXT,
  from_key TEXT NOT NULL REFERENCES parties(key) ${DEFERRED},
  to_key TEXT NOT NULL REFERENCES parties(key) ${DEFERRED},
  kind TEXT NOT NULL CHECK (kind IN (${oneOf(FLOW_KINDS)})),
  consent TEXT NOT NULL CHECK (consent IN (${oneOf(CONSENT_REQUIREMENTS)})),
  optional INTEGER NOT NULL CHECK (optional IN (0, 1)),
  deidentified INTEGER NOT NULL CHECK (deidentified IN (0, 1)),
  retention_description TEXT,
  retention_minimum TEXT,
  retention_maximum TEXT,
  scenario TEXT
);
CREATE INDEX flows_by_from ON flows(from_key);
CREATE INDEX flows_by_to ON flows(to_key);
${flowList('flow_fields', 'field_key', 'fields')}
${flowList('flow_categories', 'category_key', 'categories')}
${flowList('flow_purposes', 'purpose_key', 'purposes')}
${flowList('flow_legal_bases', 'legal_basis_key', 'legal_bases')}
${flowList('flow_permissions', 'permission_key', 'permissions')}
CREATE TABLE sources (${SOURCES_COLUMNS});
${SOURCES_INDEX}

-- Effective sensitivity: a category inherits its parent's unless it states its own (PIPL Art. 28).
CREATE VIEW category_effective AS
WITH RECURSIVE eff(key, sensitive, sensitive_class, depth) AS (
  SELECT key,
         CASE WHEN sensitive = 0 THEN 0 WHEN sensitive_class IS NOT NULL THEN 1 ELSE 0 END,
         CASE WHEN sensitive = 0 THEN NULL ELSE sensitive_class END,
         0
  FROM categories WHERE parent_key IS NULL
  UNION ALL
  SELECT c.key,
         CASE WHEN c.sensitive = 0 THEN 0 WHEN c.sensitive_class IS NOT NULL THEN 1 ELSE e.sensitive END,
         CASE WHEN c.sensitive = 0 THEN NULL WHEN c.sensitive_class IS NOT NULL THEN c.sensitive_class ELSE e.sensitive_class END,
         e.depth + 1
  FROM categories c JOIN eff e ON c.parent_key = e.key
  WHERE e.depth < 200
)
SELECT key, sensitive, sensitive_class FROM eff;

-- Every field a flow carries: listed fields, and every field under a listed category's subtree.
${FLOW_CARRIED_FIELDS_VIEW}
`,
  },
  {
    version: 2,
    description: 'immutable inventory snapshots',
    sql: `
CREATE TABLE snapshots (
  label TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  manifest TEXT NOT NULL
);
-- Snapshots are evidence: once written they are never changed or removed.
CREATE TRIGGER snapshots_immutable_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshots_immutable_delete BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
`,
  },
  {
    version: 3,
    description: 'API keys (hashed secrets only)',
    sql: `
CREATE TABLE api_keys (
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
`,
  },
  {
    version: 4,
    description: 'audit log and node versions (optimistic concurrency)',
    sql: `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  operation TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_log_by_entity ON audit_log(entity_type, entity_key, id);
CREATE INDEX audit_log_by_actor ON audit_log(actor, id);
-- Evidence for regulators: the log only grows.
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
-- A node without a row here is at version 1.
CREATE TABLE node_versions (
  node_type TEXT NOT NULL,
  node_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (node_type, node_key)
) WITHOUT ROWID;
`,
  },
  {
    version: 5,
    description: 'flow lists and citations as WITHOUT ROWID tables (faster bulk imports)',
    // The view reads flow_fields and flow_categories, and a table a view names cannot be renamed
    // into place, so it is dropped and created again unchanged (FLOW_CARRIED_FIELDS_VIEW, as migration 1 made it).
    sql: `
DROP VIEW flow_carried_fields;
${flowListWithoutRowid('flow_fields', 'field_key', 'fields')}
${flowListWithoutRowid('flow_categories', 'category_key', 'categories')}
${flowListWithoutRowid('flow_purposes', 'purpose_key', 'purposes')}
${flowListWithoutRowid('flow_legal_bases', 'legal_basis_key', 'legal_bases')}
${flowListWithoutRowid('flow_permissions', 'permission_key', 'permissions')}
${rebuildWithoutRowid('sources', SOURCES_COLUMNS, 'node_type, node_key, ordinal, document_key, ref', 'node_type, node_key, ordinal', SOURCES_INDEX)}
${FLOW_CARRIED_FIELDS_VIEW}
`,
  },
  {
    version: 6,
    description: 'flows: stored cross-border flag, indexes on kind and on the flag (counts without scanning flows)',
    // The flag is derived (domain/flows.ts isCrossBorder: both countries known and different);
    // write() keeps it in step with the flow and with its parties' countries. Filled here once.
    sql: `
ALTER TABLE flows ADD COLUMN cross_border INTEGER NOT NULL DEFAULT 0 CHECK (cross_border IN (0, 1));
UPDATE flows SET cross_border = 1 WHERE key IN (
  ${CROSS_BORDER_FLOWS}
);
CREATE INDEX flows_by_kind ON flows(kind);
CREATE INDEX flows_by_cross_border ON flows(cross_border);
`,
  },
  {
    version: 7,
    description: 'node versions never repeat: deleted keys are remembered (tombstones), from the audit log for deletes made before',
    // From now on a delete keeps its key's row in node_versions one version up, and a REPLACE no
    // longer empties the table. Rows already there stay valid, and a node without a row is still
    // at version 1. Keys deleted before this migration lost their rows; each such key the audit
    // log names gets a tombstone above every version it can have had (it counts the key's CREATE,
    // UPDATE and DELETE entries, and each life started at 1 and went up once per UPDATE). Keys a
    // REPLACE removed before are not in the log one by one, and are not remembered.
    sql: `
INSERT OR IGNORE INTO node_versions (node_type, node_key, version)
SELECT a.entity_type, a.entity_key, COUNT(*) + 1 FROM audit_log a
WHERE a.entity_type <> 'inventory' AND NOT EXISTS (
  SELECT 1 FROM (
    SELECT 'document' AS node_type, key FROM documents UNION ALL SELECT 'category', key FROM categories
    UNION ALL SELECT 'field', key FROM fields UNION ALL SELECT 'purpose', key FROM purposes
    UNION ALL SELECT 'permission', key FROM permissions UNION ALL SELECT 'party', key FROM parties
    UNION ALL SELECT 'legalBasis', key FROM legal_bases UNION ALL SELECT 'flow', key FROM flows
  ) stored WHERE stored.node_type = a.entity_type AND stored.key = a.entity_key)
GROUP BY a.entity_type, a.entity_key;
`,
  },
  {
    version: 8,
    description: 'audit log: each entry hashed and chained to the one before (tamper-evident)',
    // The update trigger is dropped for the backfill (the only time entries are written to) and
    // created again, unchanged, once every existing entry has its link.
    sql: `
ALTER TABLE audit_log ADD COLUMN previous_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
DROP TRIGGER audit_log_append_only_update;
`,
    backfill: (db) => {
      backfillAuditChain(db);
      db.exec(`CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
    },
  },
];
