/** Relay-style connections: a page of nodes with a cursor on each, and where the page ended. */
import { invalidCursor } from '../services/paging';
import type { Page } from '../domain/stored';

/** Key-ordered lists: the cursor is the node's key, made opaque so clients do not build their own. */
export function keyCursor(node: { key: string }): string {
  return Buffer.from(`k:${node.key}`, 'utf8').toString('base64url');
}

/** The key a `keyCursor` holds; BAD_USER_INPUT for anything this API did not issue. */
export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor == null) return null;
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith('k:')) throw invalidCursor(cursor);
  return text.slice(2);
}

export function toConnection<T>(page: Page<T>, cursorOf: (node: T) => string) {
  const edges = page.nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    totalCount: page.totalCount,
    nodes: page.nodes,
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
