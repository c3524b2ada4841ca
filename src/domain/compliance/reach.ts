/** Where personal information held by one party goes next: field by field, cycle-safe. */
import { compareKeys } from '../key-order';
import type { PartyKind } from '../vocabulary';
import type { InventoryIndex } from './inventory-index';

export interface OnwardRecipient {
  partyKey: string;
  name: string;
  kind: PartyKind;
  /** Fields of the starting set that reach it. */
  fieldKeys: string[];
  /** Flow keys of the first route found, from the starting party outwards. */
  via: string[];
  /** Hops from the starting party. */
  depth: number;
}

/**
 * Every party the given fields travel on to from `start`, through flows that carry them. A party
 * is listed once, with every field that reaches it and the shortest route found.
 */
export function onwardRecipients(index: InventoryIndex, start: string, fieldKeys: readonly string[]): OnwardRecipient[] {
  const reached = new Map<string, { fields: Set<string>; via: string[]; depth: number }>();
  const seen = new Set<string>(fieldKeys.map((f) => `${start}\u0000${f}`));
  let frontier: Array<{ party: string; fields: Set<string>; via: string[] }> = [{ party: start, fields: new Set(fieldKeys), via: [] }];
  while (frontier.length) {
    const next: typeof frontier = [];
    for (const { party, fields, via } of frontier) {
      for (const flow of index.outbound(party)) {
        const moved = index.carriedFields(flow.key).filter((k) => fields.has(k) && !seen.has(`${flow.to}\u0000${k}`));
        if (moved.length === 0 || flow.to === start) continue;
        for (const k of moved) seen.add(`${flow.to}\u0000${k}`);
        const route = [...via, flow.key];
        const entry = reached.get(flow.to) ?? { fields: new Set<string>(), via: route, depth: route.length };
        for (const k of moved) entry.fields.add(k);
        reached.set(flow.to, entry);
        next.push({ party: flow.to, fields: new Set(moved), via: route });
      }
    }
    frontier = next;
  }
  return [...reached]
    .map(([key, r]) => ({
      partyKey: key,
      name: index.partyLabel(key),
      kind: index.parties.get(key)!.kind,
      fieldKeys: [...r.fields].sort(),
      via: r.via,
      depth: r.depth,
    }))
    .sort((a, b) => a.depth - b.depth || compareKeys(a.partyKey, b.partyKey));
}
