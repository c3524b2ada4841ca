/**
 * The one storage interface. Services talk only to this; adapters (sqlite/, neo4j/) are the only
 * code that knows SQL or Cypher. Every read takes key lists so a GraphQL request costs a fixed
 * number of round trips whatever the page size, and traversal is one call, never one per hop.
 */
import type {
  DataFlow,
  LegalBasis,
  Manifest,
  Party,
  Permission,
  Purpose,
} from '../domain/manifest';
import type { TracedLineage, LineageLimits } from '../domain/lineage';
import type { AuditEntry, AuditFilter, WriteContext } from '../domain/audit';
import type { ApiKeyRecord } from '../domain/access';
import type { Page, StoredCategory, StoredClause, StoredDocument, StoredField } from '../domain/stored';
import type { ListName, ListSizes, ListSizeStatistics } from '../domain/list-sizes';
import type { FlowKind, ImportMode, LineageDirection, NodeType, PartyKind } from '../domain/vocabulary';

// Record shapes live in the domain; re-exported so adapters keep one import for the port's vocabulary.
export type { ListName, ListSizes, ListSizeStatistics, Page, StoredCategory, StoredClause, StoredDocument, StoredField };

export interface NodeOf {
  document: StoredDocument;
  category: StoredCategory;
  field: StoredField;
  purpose: Purpose;
  permission: Permission;
  party: Party;
  legalBasis: LegalBasis;
  flow: DataFlow;
}

/**
 * Reverse and derived relations, each answered for a list of keys at once.
 * Where a flow names a category, it carries every field in that category's subtree.
 */
export interface RelationOf {
  /** field → flows carrying it, directly or through its category or an ancestor category */
  'field.flows': 'flow';
  /** flow → every field it carries (listed fields plus fields under listed categories) */
  'flow.carriedFields': 'field';
  'category.children': 'category';
  /** category → fields classified directly under it */
  'category.fields': 'field';
  'party.inbound': 'flow';
  'party.outbound': 'flow';
  'purpose.flows': 'flow';
  'permission.flows': 'flow';
  'legalBasis.flows': 'flow';
  'document.clauses': 'clause';
}
export type Relation = keyof RelationOf;

// Every relation is also a list the cost model sizes (a relation missing there fails to compile).
const RELATIONS_ARE_LISTS: Relation extends ListName ? true : never = true;
void RELATIONS_ARE_LISTS;

/** Counts per kind; a kind with no node is absent (never 0). */
export type CountsByKind<K extends string> = Partial<Record<K, number>>;

export interface PageRequest {
  first: number;
  /** Return only nodes whose key sorts after this one. */
  afterKey?: string | null;
}

export interface FieldQuery {
  search?: string | null;
  sensitive?: boolean | null;
  /** The category or any of its descendants. */
  categoryKey?: string | null;
  purposeKey?: string | null;
  permissionKey?: string | null;
  /** Fields that some flow carries to this party. */
  recipientKey?: string | null;
}

export interface PartyQuery {
  /** Case-insensitive substring of the key, either name, or any of the party's SDK package names. */
  search?: string | null;
  kind?: PartyKind | null;
  /**
   * Parties of any of these kinds. Like every filter it is ANDed with the others (with `kind`, both
   * must hold); an empty list matches nothing. The API refuses both (services/party-query.ts).
   */
  kinds?: readonly PartyKind[] | null;
}

export interface FlowQuery {
  fieldKey?: string | null;
  fromKey?: string | null;
  toKey?: string | null;
  purposeKey?: string | null;
  kind?: FlowKind | null;
  crossBorder?: boolean | null;
}

export interface LineageRequest {
  fieldKey: string;
  direction: LineageDirection;
  limits: LineageLimits;
  /** Party keys to start from; null/absent: the field's origins (downstream) or sinks (upstream). */
  startKeys?: string[] | null;
}

export interface WriteSummary {
  mode: ImportMode;
  /** Nodes written, per node type (plus clauses). */
  written: Record<NodeType | 'clause', number>;
  /** Nodes removed by a REPLACE (clauses are counted with their document, not apart). */
  removed: number;
}

/**
 * What a node read carries beyond the node's own properties; each part is read unless set to
 * false. A record read without sources has no `sources` property; one read without versions has
 * no `version` (callers that need either ask for it, or read it apart with versions()).
 */
export interface ReadParts {
  sources?: boolean;
  versions?: boolean;
}

/** Where adapters differ, said once here and read by callers (never the adapter's class or kind). */
export interface StoreCapabilities {
  /** changeMark() gives a token, never null: the server keeps whole answers per token (response-cache.ts). */
  changeMarks: boolean;
}

/**
 * Stores API keys; both inventory stores implement it next to the inventory. Creating and revoking
 * a key each write an audit entry (API_KEY_CREATE / API_KEY_REVOKE) in the same transaction, by
 * `context.actor` (`system` when absent).
 */
export interface ApiKeyStore {
  saveApiKey(record: ApiKeyRecord, context?: WriteContext): Promise<void>;
  findApiKey(id: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** False when no such key (or already revoked); then nothing is written, not even an entry. */
  revokeApiKey(id: string, at: string, context?: WriteContext): Promise<boolean>;
}

/** The inventory and, beside it, the API keys that guard it. */
export interface InventoryStore extends ApiKeyStore {
  readonly kind: 'sqlite' | 'neo4j';
  readonly capabilities: StoreCapabilities;
  /** A short, secret-free description for logs (`sqlite:./data/fieldtrail.db`). */
  readonly location: string;

  /** Brings the schema up to date (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Cheap liveness check for health endpoints. */
  ping(): Promise<void>;
  /**
   * Online copy of the whole database into a new file, safe while serving. Optional: only a store
   * that owns its files can offer it (Neo4j has neo4j-admin dumps); callers test for it, never the kind.
   */
  backupTo?(file: string): Promise<void>;
  /**
   * A token that changes whenever anything this store holds changes — this process's writes and
   * other processes' commits alike — or null when the adapter cannot tell cheaply. Whole answers
   * are cached per token (graphql/response-cache.ts), so a token must never repeat after a change.
   */
  changeMark(): Promise<string | null>;

  /**
   * Nodes by key, in the order asked; null where a key does not exist. Each record also carries
   * its `version`, read in the same snapshot as its content (exports never include it), and its
   * sources, unless `parts` leaves them out.
   */
  getNodes<T extends NodeType>(type: T, keys: readonly string[], parts?: ReadParts): Promise<Array<NodeOf[T] | null>>;
  /** Clauses by citation (`doc#ref`), in the order asked; null where missing. */
  getClauses(citations: readonly string[]): Promise<Array<StoredClause | null>>;
  /**
   * Related keys for each key asked, in the order asked; each list ordered by key (clauses as
   * `doc#ref` citations, in the document's clause order).
   */
  related<R extends Relation>(relation: R, keys: readonly string[]): Promise<string[][]>;
  /** Which of these keys exist. */
  existingKeys(type: NodeType, keys: readonly string[]): Promise<Set<string>>;
  /** Which of these `doc#ref` citations exist. */
  existingClauses(citations: readonly string[]): Promise<Set<string>>;
  /** Nodes that reference this one (`flow:umeng-imei`, `field:imei`…), sorted: what blocks its deletion. */
  referrers(type: NodeType, key: string): Promise<string[]>;

  /*
   * The list reads below: each record also carries its `version`, read in the same snapshot as
   * its content (as getNodes does), so a client can edit what it listed with `expectedVersion`;
   * `parts` leaves sources or versions out, as for getNodes.
   */
  /** Every node of a type, ordered by key (for the small lists: categories, purposes…). */
  listAll<T extends NodeType>(type: T, parts?: ReadParts): Promise<Array<NodeOf[T]>>;
  listFields(query: FieldQuery, page: PageRequest, parts?: ReadParts): Promise<Page<StoredField>>;
  /**
   * Ordered by key. Search folds case for every script (É, Σ…), not only ASCII. Without a page,
   * every matching party (totalCount is then their number).
   */
  listParties(query: PartyQuery, page?: PageRequest | null, parts?: ReadParts): Promise<Page<Party>>;
  listFlows(query: FlowQuery, page: PageRequest, parts?: ReadParts): Promise<Page<DataFlow>>;
  /**
   * Node counts per type and list-length statistics per list (aggregates only, no records): what
   * the server's query cost model estimates with. May take a while at scale; callers cache it.
   */
  listSizeStatistics(): Promise<ListSizeStatistics>;
  /** How many parties of each kind match the query (GROUP BY, no records read); kinds with none are absent. */
  countPartiesByKind(query: PartyQuery): Promise<CountsByKind<PartyKind>>;
  /** How many flows of each kind match the query; kinds with none are absent. */
  countFlowsByKind(query: FlowQuery): Promise<CountsByKind<FlowKind>>;

  /** Field-level lineage for several fields in one call. */
  traceLineage(requests: readonly LineageRequest[]): Promise<TracedLineage[]>;

  /**
   * Writes a checked manifest in one transaction: MERGE replaces the named nodes whole and keeps
   * the rest; REPLACE empties the inventory first. Fails whole (nothing written) on any problem.
   */
  write(manifest: Manifest, mode: ImportMode, context?: WriteContext): Promise<WriteSummary>;
  /** Deletes nodes in one transaction; fails whole with ReferencedError if any is still referenced. */
  deleteNodes(type: NodeType, keys: readonly string[], context?: WriteContext): Promise<number>;
  /** Current versions (1 for a node never changed since created), in the order asked; 0 where missing. */
  versions(type: NodeType, keys: readonly string[]): Promise<number[]>;
  /**
   * The audit log, newest first. Every committed change has an entry written in its own
   * transaction: per node for MERGE writes and deletes (before and after), one summary entry for
   * a whole-inventory write (REPLACE, or a bulk load into an empty store).
   */
  listAuditEntries(filter: AuditFilter, page: { first: number; afterId?: string | null }): Promise<Page<AuditEntry>>;
  /**
   * The audit log oldest first, `first` entries after the entry `afterId` (from the start when
   * null), each with its hashes as stored: what `audit verify` walks to check the chain.
   */
  auditEntriesInOrder(afterId: string | null, first: number): Promise<AuditEntry[]>;
  /** The whole inventory as a manifest, every list ordered by key (so exports compare equal). */
  exportManifest(): Promise<Manifest>;

  /**
   * Keeps an immutable copy of the whole inventory under a label (for diffs and audits), with a
   * SNAPSHOT audit entry by `context.actor` in the same transaction.
   * Fails with ValidationError if the label is taken: snapshots are never overwritten.
   */
  saveSnapshot(label: string, context?: WriteContext): Promise<SnapshotInfo>;
  /** Every snapshot, oldest first. */
  listSnapshots(): Promise<SnapshotInfo[]>;
  /** The inventory as it was when the snapshot was taken; null for an unknown label. */
  getSnapshot(label: string): Promise<Manifest | null>;
}

export interface SnapshotInfo {
  label: string;
  /** ISO-8601 timestamp (UTC). */
  createdAt: string;
}
