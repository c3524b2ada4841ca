/** Relay-style connections: opaque cursors over the keys the store orders by. */
import { ValidationError } from '../domain/problems';
import type { Page } from '../domain/stored';

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor == null) return null;
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith('k:')) {
    throw new ValidationError([{ path: 'after', message: `"${cursor.slice(0, 100)}" is not a cursor this API issued` }], 'invalid page request');
  }
  return text.slice(2);
}

export function toConnection<T extends { key: string }>(page: Page<T>) {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(node.key), node }));
  return {
    totalCount: page.totalCount,
    nodes: page.nodes,
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
