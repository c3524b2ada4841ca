/**
 * Domain records ↔ Neo4j property maps. Neo4j properties cannot be null or nested, so absent
 * optionals are left out and a flow's retention is flattened into three properties.
 */
import type { DataFlow, Manifest } from '../../domain/manifest';
import { inRecordOrder } from '../../domain/record-order';
import { NOT_SENSITIVE, resolveSensitivity, type Sensitivity } from '../../domain/sensitivity';
import type { NodeType, SensitiveClass } from '../../domain/vocabulary';
import type { NodeOf, ReadParts, StoredClause } from '../inventory-store';
import type { AuditEntry, AuditOperation } from '../../domain/audit';
import type { ApiKeyRecord } from '../../domain/access';

type Row = Record<string, unknown>;

export type Props = Record<string, unknown>;

/** Drops null and undefined: Neo4j stores neither, and exports must not show them. */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) out[k] = v;
  return out as T;
}

type NodeRecord = Manifest[Exclude<keyof Manifest, 'version'>][number];

/** The properties a node is stored with (key and v are set by the statement). */
export function toProps(type: NodeType, node: NodeRecord): Props {
  if (type === 'document') {
    const { clauses: _, key: __, ...rest } = node as Manifest['documents'][number];
    return compact(rest);
  }
  if (type === 'flow') {
    const { key: _, from, to, retention, ...rest } = node as DataFlow;
    return compact({
      ...rest,
      fromKey: from,
      toKey: to,
      retentionDescription: retention?.description,
      retentionMinimum: retention?.minimum,
      retentionMaximum: retention?.maximum,
    });
  }
  const { key: _, ...rest } = node as { key: string };
  return compact(rest);
}

/** A stored property map back to the record the store interface promises, keys in record order. */
export function fromProps<T extends NodeType>(type: T, props: Props, chain?: Array<{ sensitive?: boolean | null; sensitiveClass?: string | null }> | null): NodeOf[T] {
  return inRecordOrder(type, recordOf(type, props, chain));
}

function recordOf<T extends NodeType>(type: T, props: Props, chain?: Array<{ sensitive?: boolean | null; sensitiveClass?: string | null }> | null): NodeOf[T] {
  const { v: _, ...p } = props;
  switch (type) {
    case 'category':
    case 'field':
      return { ...withListDefaults(p, ['sources']), effective: effectiveSensitivity(chain) } as unknown as NodeOf[T];
    case 'party':
      return withListDefaults(p, ['sources', 'sdkPackages']) as unknown as NodeOf[T];
    case 'flow': {
      // crossBorder is derived from the parties (kept for counting), not part of the record.
      const { fromKey, toKey, retentionDescription, retentionMinimum, retentionMaximum, crossBorder: _, ...rest } = p;
      const flow: Props = {
        ...withListDefaults(rest, ['sources', 'fields', 'categories', 'purposes', 'legalBases', 'permissions']),
        from: fromKey,
        to: toKey,
      };
      if (retentionDescription != null) {
        flow.retention = compact({ description: retentionDescription, minimum: retentionMinimum, maximum: retentionMaximum });
      }
      return flow as unknown as NodeOf[T];
    }
    case 'document':
      return p as unknown as NodeOf[T];
    default:
      return withListDefaults(p, ['sources']) as unknown as NodeOf[T];
  }
}

/** Neo4j may hand back an empty list as absent; records always carry their lists. */
function withListDefaults(p: Props, lists: string[]): Props {
  const out = { ...p };
  for (const l of lists) if (!Array.isArray(out[l])) out[l] = [];
  return out;
}

/** The chain is [self, parent, …, root]; fold from the root down with the domain rule. */
export function effectiveSensitivity(chain: Array<{ sensitive?: boolean | null; sensitiveClass?: string | null }> | null | undefined): Sensitivity {
  let result = NOT_SENSITIVE;
  for (const link of [...(chain ?? [])].reverse()) {
    result = resolveSensitivity({ sensitive: link.sensitive ?? null, sensitiveClass: (link.sensitiveClass as SensitiveClass | null) ?? null }, result);
  }
  return result;
}

export function clauseFromProps(props: Props): StoredClause {
  return {
    documentKey: props.documentKey as string,
    ref: props.ref as string,
    title: (props.title as string | undefined) ?? null,
    text: props.text as string,
  };
}

/** A stored clause as the manifest has it (no title key when it has none). */
export function clauseRecord(c: Props): { ref: string; title?: string; text: string } {
  return c.title == null ? { ref: c.ref as string, text: c.text as string } : { ref: c.ref as string, title: c.title as string, text: c.text as string };
}

/** An audit entry's properties; its id and sequence number are given by the database (appendAudit). */
export function auditProps(at: string, actor: string, operation: AuditOperation, entityType: string, entityKey: string, before: unknown, after: unknown): Props {
  return compact({
    at,
    actor,
    operation,
    entityType,
    entityKey,
    before: before == null ? null : JSON.stringify(before),
    after: after == null ? null : JSON.stringify(after),
  });
}

export function auditFromProps(p: Props): AuditEntry {
  return {
    id: p.id as string,
    at: p.at as string,
    actor: p.actor as string,
    operation: p.operation as AuditOperation,
    entityType: p.entityType as AuditEntry['entityType'],
    entityKey: p.entityKey as string,
    before: parsed(p.before),
    after: parsed(p.after),
    previousHash: (p.previousHash as string | undefined) ?? null,
    hash: (p.hash as string | undefined) ?? null,
  };
}

/** Stored JSON, or the stored text itself where someone wrote something else by hand (the hash then tells). */
function parsed(text: unknown): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text as string);
  } catch {
    return text;
  }
}

export function apiKeyFromProps(p: Props): ApiKeyRecord {
  return {
    id: p.id as string,
    name: p.name as string,
    role: p.role as ApiKeyRecord['role'],
    hash: p.hash as string,
    createdAt: p.createdAt as string,
    revokedAt: (p.revokedAt as string | undefined) ?? null,
  };
}

/** A node read with its version (list reads hand out versions too). */
export function withVersion<T extends NodeType>(type: T, r: Row): NodeOf[T] {
  return { ...fromProps(type, r.node as Props, r.chain as never), version: (r.version as number | undefined) ?? 1 } as NodeOf[T];
}

/**
 * A node read as `parts` asks: sources are node properties here (read with the node at no extra
 * cost) and are dropped when not asked, so both stores hand out the same records.
 */
export function recordAsAsked<T extends NodeType>(type: T, r: Row, parts: ReadParts | undefined): NodeOf[T] {
  const record = (parts?.versions === false ? fromProps(type, r.node as Props, r.chain as never) : withVersion(type, r)) as { sources?: string[] };
  if (parts?.sources === false) delete record.sources;
  return record as NodeOf[T];
}
