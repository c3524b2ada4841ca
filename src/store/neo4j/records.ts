/**
 * Domain records ↔ Neo4j property maps. Neo4j properties cannot be null or nested, so absent
 * optionals are left out and a flow's retention is flattened into three properties.
 */
import type { DataFlow, Manifest } from '../../domain/manifest';
import { NOT_SENSITIVE, resolveSensitivity, type Sensitivity } from '../../domain/sensitivity';
import type { NodeType, SensitiveClass } from '../../domain/vocabulary';
import type { NodeOf, StoredClause } from '../inventory-store';

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

/** A stored property map back to the record the store interface promises. */
export function fromProps<T extends NodeType>(type: T, props: Props, chain?: Array<{ sensitive?: boolean | null; sensitiveClass?: string | null }> | null): NodeOf[T] {
  const { v: _, ...p } = props;
  switch (type) {
    case 'category':
    case 'field':
      return { ...withListDefaults(p, ['sources']), effective: effectiveSensitivity(chain) } as unknown as NodeOf[T];
    case 'party':
      return withListDefaults(p, ['sources', 'sdkPackages']) as unknown as NodeOf[T];
    case 'flow': {
      const { fromKey, toKey, retentionDescription, retentionMinimum, retentionMaximum, ...rest } = p;
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
