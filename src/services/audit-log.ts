/**
 * Reading the audit log: one page of entries, newest first, with the page request and the time
 * bounds checked first; and walking the whole log to check its hash chain.
 */
import { createHash } from 'node:crypto';
import type { ApiKeyRecord } from '../domain/access';
import { auditInstant, verifyAuditChain, type AuditChainReport, type AuditEntry, type AuditFilter } from '../domain/audit';
import type { InventoryStore, Page } from '../store/inventory-store';
import { checkPageSize, invalidCursor } from './paging';

export interface AuditPageRequest {
  first: number;
  /** The cursor the previous page ended on: the id of its last entry. */
  after?: string | null;
}

/** What the audit log filter accepts from a client: bounds as instants (a Date, or RFC 3339 text). */
export type AuditQuery = Omit<AuditFilter, 'since' | 'until'> & { since?: Date | string | null; until?: Date | string | null };

/** Who reads: an API key's id is shown only to admins (the id is half of the key's token). */
export interface AuditReader {
  seesKeyIds: boolean;
}

/** Entries read per step when walking the whole log. */
const CHAIN_BATCH = 1000;

export class AuditLog {
  /** The API keys, read once per request (this object lives for one), to name keys for non-admins. */
  private keys: Promise<Map<string, ApiKeyRecord>> | null = null;

  constructor(private readonly store: InventoryStore) {}

  async list(query: AuditQuery, page: AuditPageRequest, reader: AuditReader): Promise<Page<AuditEntry>> {
    checkPageSize(page.first);
    const filter: AuditFilter = {
      ...query,
      since: query.since == null ? null : auditInstant(query.since, 'since'),
      until: query.until == null ? null : auditInstant(query.until, 'until'),
    };
    const found = await this.store.listAuditEntries(filter, { first: page.first, afterId: entryIdOf(page.after) });
    if (reader.seesKeyIds) return found;
    const keys = await this.apiKeys();
    return { ...found, nodes: found.nodes.map((entry) => withKeysNamed(entry, keys)) };
  }

  /**
   * Walks the whole log, oldest first, and reports the first broken link of its hash chain, and
   * whether it holds an entry with `expectHash` (a hash kept from an earlier verify).
   */
  verify(expectHash?: string): Promise<AuditChainReport> {
    const store = this.store;
    async function* batches(): AsyncGenerator<AuditEntry[]> {
      let after: string | null = null;
      for (;;) {
        const batch = await store.auditEntriesInOrder(after, CHAIN_BATCH);
        if (batch.length === 0) return;
        yield batch;
        after = batch[batch.length - 1].id;
      }
    }
    return verifyAuditChain(batches(), (text) => createHash('sha256').update(text, 'utf8').digest('hex'), expectHash);
  }

  private apiKeys(): Promise<Map<string, ApiKeyRecord>> {
    this.keys ??= this.store.listApiKeys().then((all) => new Map(all.map((k) => [k.id, k])));
    return this.keys;
  }
}

/**
 * An entry as someone who may not see key ids reads it: `key:<id>` actors, and the subject of an
 * API key entry, become the key's name in quotes (`key:"ci-importer"`). The hashes stay as stored,
 * so such a reader can still compare them with a verified copy of the log, not recompute them.
 */
function withKeysNamed(entry: AuditEntry, keys: ReadonlyMap<string, ApiKeyRecord>): AuditEntry {
  const name = (id: string) => {
    const key = keys.get(id);
    return key ? JSON.stringify(key.name) : '(unknown key)';
  };
  const actor = entry.actor.startsWith('key:') ? `key:${name(entry.actor.slice('key:'.length))}` : entry.actor;
  const entityKey = entry.entityType === 'api-key' ? name(entry.entityKey) : entry.entityKey;
  return { ...entry, actor, entityKey };
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
