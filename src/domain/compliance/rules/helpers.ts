/** Small shared pieces of rule wording and selection. */
import type { DataFlow } from '../../manifest';
import type { FindingSubject } from '../findings';
import type { InventoryIndex } from '../inventory-index';

/** `真实姓名 (IDENTITY_DOCUMENT), 面部特征 (BIOMETRIC)`; long lists are cut with a count. */
export function describeFields(index: InventoryIndex, unordered: readonly string[], max = 8): string {
  const keys = index.inReadingOrder(unordered);
  const parts = keys.slice(0, max).map((k) => {
    const cls = index.sensitiveClassOf(k);
    return cls ? `${index.fieldLabel(k)} (${cls})` : index.fieldLabel(k);
  });
  return keys.length > max ? `${parts.join(', ')} and ${keys.length - max} more` : parts.join(', ');
}

export function flowSubject(index: InventoryIndex, flow: DataFlow): FindingSubject {
  return { type: 'FLOW', key: flow.key, name: index.flowLabel(flow.key) };
}

export function partySubject(index: InventoryIndex, key: string): FindingSubject {
  return { type: 'PARTY', key, name: index.partyLabel(key) };
}

/** `flow-key (its name)` for messages. */
export function flowRef(index: InventoryIndex, flow: DataFlow): string {
  const label = index.flowLabel(flow.key);
  return label === flow.key ? `flow ${flow.key}` : `flow ${flow.key} (${label})`;
}

export function partyRef(index: InventoryIndex, key: string): string {
  const label = index.partyLabel(key);
  return label === key ? key : `${label} (${key})`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Movement inside the handler: consent and choice attach to collection and disclosure, not to these. */
export function isInternalMove(index: InventoryIndex, flow: DataFlow): boolean {
  return flow.kind === 'INTERNAL' || (index.isHandler(flow.from) && index.isHandler(flow.to));
}

/** Data arriving at the handler from outside it: the point where collection rules apply. */
export function isCollectionByHandler(index: InventoryIndex, flow: DataFlow): boolean {
  return index.isHandler(flow.to) && !index.isHandler(flow.from);
}

/** Data leaving the handler for someone outside it. */
export function isDisclosureByHandler(index: InventoryIndex, flow: DataFlow): boolean {
  return index.isHandler(flow.from) && index.isRecipient(flow.to);
}

/** The citations of several nodes' sources, flattened. */
export function sourcesOf(...nodes: Array<{ sources: string[] } | undefined | null>): string[] {
  return nodes.flatMap((n) => n?.sources ?? []);
}
