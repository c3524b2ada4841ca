/**
 * The migration that adds the audit chain, on a database that already has a log: every existing
 * entry gets its link in id order, the log still only grows afterwards (the update trigger is
 * back), and new entries continue the chain.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseManifest } from '../../src/domain/validate';
import { AuditLog } from '../../src/services/audit-log';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { inventory } from './fixtures';
import { databaseAtVersion } from './sqlite-old-schema';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldtrail-audit-chain-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** The migration that brought the chain (its number may change when migrations are merged). */
const CHAIN = MIGRATIONS.find((m) => m.description.startsWith('audit log: each entry hashed'))!;

test('links every entry already in the log, keeps it append-only, and continues the chain', async () => {
  const file = path.join(tempDir, 'before-chain.db');
  // The REPLACE that wrote the inventory, and two later changes, as the schema before the chain held them (no hashes).
  await databaseAtVersion(file, CHAIN.version - 1, inventory());
  const raw = new Database(file);
  const insert = raw.prepare(`INSERT INTO audit_log (at, actor, operation, entity_type, entity_key, before, after) VALUES (?, 'cli:alice', 'CREATE', 'purpose', ?, NULL, ?)`);
  for (const key of ['p1', 'p2']) insert.run(new Date().toISOString(), key, JSON.stringify({ key, name: key, functionType: 'BASIC' }));
  raw.close();

  const store = new SqliteStore({ path: file });
  await store.migrate();
  try {
    const log = await store.auditEntriesInOrder(null, 100);
    expect(log.map((e) => e.operation)).toEqual(['REPLACE_INVENTORY', 'CREATE', 'CREATE']);
    expect(log.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
    expect(await new AuditLog(store).verify()).toMatchObject({ entries: 3, lastHash: log[2].hash });

    await store.write(parseManifest({ purposes: [{ key: 'p3', name: 'p3', functionType: 'BASIC' }] }), 'MERGE', { actor: 'cli:alice' });
    const after = await store.auditEntriesInOrder(log[2].id, 10);
    expect(after[0].previousHash).toBe(log[2].hash);
    expect(await new AuditLog(store).verify()).toMatchObject({ entries: 4 });
  } finally {
    await store.close();
  }
  const check = new Database(file);
  try {
    expect(() => check.prepare("UPDATE audit_log SET hash = 'x'").run()).toThrow(/append-only/);
    expect(() => check.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  } finally {
    check.close();
  }
});
