/** The store contract against the embedded SQLite adapter, in memory and on disk, plus what only SQLite has. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { describeStoreContract } from './contract';
import { inventory, ordered } from './fixtures';

async function openSqlite(file: string): Promise<SqliteStore> {
  const store = new SqliteStore({ path: file });
  await store.migrate();
  return store;
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldtrail-store-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

let files = 0;
/** A new database file (in a subdirectory the store must create) for every store opened. */
const newFile = () => path.join(tempDir, `db-${++files}`, 'fieldtrail.db');

describeStoreContract('SQLite in memory', () => openSqlite(':memory:'));
describeStoreContract('SQLite file', () => openSqlite(newFile()));

describe('SQLite file specifics', () => {
  test('data survives close and reopen', async () => {
    const file = newFile();
    const first = await openSqlite(file);
    await first.write(inventory(), 'REPLACE');
    await first.close();

    const again = await openSqlite(file);
    try {
      expect(await again.exportManifest()).toEqual(ordered(inventory()));
      expect(again.location).toBe(`sqlite:${file}`);
    } finally {
      await again.close();
    }
  });

  test('a file database runs in WAL mode with the latest schema version', async () => {
    const file = newFile();
    await (await openSqlite(file)).close();

    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    } finally {
      raw.close();
    }
  });

  test('refuses a database written by a newer FieldTrail, and leaves it alone', async () => {
    const file = newFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();

    const store = new SqliteStore({ path: file });
    try {
      await expect(store.migrate()).rejects.toThrow(/schema version 99, newer than this FieldTrail knows \(\d+\); upgrade FieldTrail/);
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(99);
      expect(check.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'`).get()).toEqual({ n: 0 });
    } finally {
      check.close();
    }
  });

  test('close() twice is harmless', async () => {
    const store = await openSqlite(':memory:');
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
