/**
 * The one order of node keys. Keys are ASCII (KEY_PATTERN), so comparing UTF-16 units gives the
 * byte order the stores sort by: answers built in memory list nodes as the stores do.
 */

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** For `.sort(byKey)` over nodes. */
export function byKey(a: { key: string }, b: { key: string }): number {
  return compareKeys(a.key, b.key);
}
