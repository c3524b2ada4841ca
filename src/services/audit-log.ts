/** Reading the audit log: one page of entries, newest first, with the page request checked first. */
import type { AuditEntry, AuditFilter } from '../domain/audit';
import type { InventoryStore, Page } from '../store/inventory-store';
import { checkPageSize, invalidCursor } from './paging';

export interface AuditPageRequest {
  first: number;
  /** The cursor the previous page ended on: the id of its last entry. */
  after?: string | null;
}

export class AuditLog {
  constructor(private readonly store: InventoryStore) {}

  list(filter: AuditFilter, page: AuditPageRequest): Promise<Page<AuditEntry>> {
    checkPageSize(page.first);
    return this.store.listAuditEntries(filter, { first: page.first, afterId: entryIdOf(page.after) });
  }
}

/**
 * Entry ids are the stores' sequence numbers, so a cursor is a whole number; anything else would
 * match no entry and answer an empty page as if the log ended there.
 */
function entryIdOf(cursor: string | null | undefined): string | null {
  if (cursor == null) return null;
  if (/^\d+$/.test(cursor) && Number.isSafeInteger(Number(cursor))) return cursor;
  throw invalidCursor(cursor);
}
