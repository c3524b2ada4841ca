/** API keys in the embedded store: only the hash of a secret is ever stored. */
import type { ApiKeyRecord } from '../../domain/access';
import type { Row } from './rows';
import { SQL } from './sql';
import type { StatementCache } from './statement-cache';

export class SqliteApiKeys {
  constructor(private readonly q: StatementCache) {}

  save(record: ApiKeyRecord): void {
    this.q.db.prepare(SQL.saveApiKey).run(record.id, record.name, record.role, record.hash, record.createdAt, record.revokedAt ?? null);
  }

  find(id: string): ApiKeyRecord | null {
    const row = this.q.db.prepare(SQL.findApiKey).get(id) as Row | undefined;
    return row ? apiKeyFromRow(row) : null;
  }

  list(): ApiKeyRecord[] {
    return this.q.all(SQL.listApiKeys).map(apiKeyFromRow);
  }

  /** Whether the key was live (and is now revoked). */
  revoke(id: string, at: string): boolean {
    return this.q.db.prepare(SQL.revokeApiKey).run(at, id).changes > 0;
  }
}

function apiKeyFromRow(row: Row): ApiKeyRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    role: row.role as ApiKeyRecord['role'],
    hash: row.hash as string,
    createdAt: row.created_at as string,
    revokedAt: (row.revoked_at as string | null) ?? null,
  };
}
