/**
 * How the inventory is laid out in Neo4j: one label per node type, one relationship type per
 * edge of the model, and the property keys each label carries. The Cypher lint check uses this
 * as the database schema, so a typo in a label, type or property fails the test suite.
 *
 * Every inventory node carries `v`, the inventory version it belongs to. Reads see the version
 * named by `activeVersion` on the single (:InventoryControl {id: 1}) node; a REPLACE import
 * streams into a new version and switches that pointer in one small transaction. Every write
 * transaction first locks the control node, so writers take turns and the audit sequence kept
 * there (`lastSeq`) is an order the database guarantees (see neo4j-store.ts).
 */
import type { NodeType } from '../../domain/vocabulary';

export const LABEL: Record<NodeType, string> = {
  document: 'PolicyDocument',
  category: 'DataCategory',
  field: 'PersonalField',
  purpose: 'Purpose',
  permission: 'Permission',
  party: 'Party',
  legalBasis: 'LegalBasis',
  flow: 'DataFlow',
};

export const CLAUSE_LABEL = 'Clause';
export const VERSION_LABEL = 'InventoryVersion';
export const CONTROL_LABEL = 'InventoryControl';
export const SNAPSHOT_LABEL = 'InventorySnapshot';
export const API_KEY_LABEL = 'ApiKey';
export const AUDIT_LABEL = 'AuditEntry';
export const NODE_VERSION_LABEL = 'NodeVersion';

/** Outgoing edges each node type owns, rebuilt whenever the node is written. */
export interface OwnedEdge {
  /** Relationship type. */
  rel: string;
  /** Node type (or the clause label) at the other end. */
  target: NodeType | 'clause';
  /** Where the target keys come from in the stored record. */
  source: 'list' | 'single';
  prop: string;
}

const CITES: OwnedEdge = { rel: 'CITES', target: 'clause', source: 'list', prop: 'sources' };

export const OWNED_EDGES: Record<NodeType, OwnedEdge[]> = {
  document: [],
  category: [{ rel: 'CHILD_OF', target: 'category', source: 'single', prop: 'parent' }, CITES],
  field: [{ rel: 'IN_CATEGORY', target: 'category', source: 'single', prop: 'category' }, CITES],
  purpose: [CITES],
  permission: [CITES],
  party: [CITES],
  legalBasis: [CITES],
  flow: [
    { rel: 'FROM', target: 'party', source: 'single', prop: 'fromKey' },
    { rel: 'TO', target: 'party', source: 'single', prop: 'toKey' },
    { rel: 'CARRIES_FIELD', target: 'field', source: 'list', prop: 'fields' },
    { rel: 'CARRIES_CATEGORY', target: 'category', source: 'list', prop: 'categories' },
    { rel: 'FOR_PURPOSE', target: 'purpose', source: 'list', prop: 'purposes' },
    { rel: 'ON_BASIS', target: 'legalBasis', source: 'list', prop: 'legalBases' },
    { rel: 'GATED_BY', target: 'permission', source: 'list', prop: 'permissions' },
    CITES,
  ],
};

/** Clause → document. */
export const PART_OF = 'PART_OF';

export const RELATIONSHIP_TYPES = [
  ...new Set([PART_OF, ...Object.values(OWNED_EDGES).flat().map((e) => e.rel)]),
].sort();

const NODE_PROPS = ['key', 'v', 'name', 'nameZh', 'description', 'sources'];

export const PROPERTY_KEYS = [
  ...new Set([
    ...NODE_PROPS,
    // documents and clauses
    'title', 'titleEn', 'url', 'updatedAt', 'effectiveAt', 'citation', 'documentKey', 'ref', 'ordinal', 'text',
    // categories and fields
    'parent', 'category', 'sensitive', 'sensitiveClass',
    'functionType', 'platform', 'kind', 'country', 'contact', 'sdkPackages', 'jurisdiction', 'article',
    // flows
    'fromKey', 'toKey', 'fields', 'categories', 'purposes', 'legalBases', 'permissions', 'consent', 'optional',
    'deidentified', 'retentionDescription', 'retentionMinimum', 'retentionMaximum', 'scenario',
    // derived, kept by every write: a flow's parties state different countries
    'crossBorder',
    // the control node, versions and snapshots
    'activeVersion', 'lastVersion', 'active', 'lastSeq', 'lockedAt', 'state', 'createdAt', 'label', 'manifest', 'seq',
    // API keys
    'id', 'role', 'hash', 'revokedAt',
    // audit log and node versions
    'at', 'actor', 'operation', 'entityType', 'entityKey', 'before', 'after', 'previousHash', 'nodeType', 'version', 'type',
    // keys of parameter maps (the parser cannot tell them from node properties)
    'owner', 'target', 'refs', 'props', 'labels',
  ]),
].sort();

export const ALL_LABELS = [...Object.values(LABEL), CLAUSE_LABEL, VERSION_LABEL, CONTROL_LABEL, SNAPSHOT_LABEL, API_KEY_LABEL, AUDIT_LABEL, NODE_VERSION_LABEL].sort();

/** The NodeType a label stands for (for naming referrers as `flow:share`). */
export function nodeTypeOfLabel(label: string): NodeType | null {
  const entry = (Object.entries(LABEL) as Array<[NodeType, string]>).find(([, l]) => l === label);
  return entry ? entry[0] : null;
}
