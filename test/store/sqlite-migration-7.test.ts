/**
 * Migration 7 on a database written at version 6: node versions already stored stay as they are
 * (a node without a row is still at version 1), and keys the audit log shows deleted before the
 * migration are remembered above every version they can have had, so a node created again under
 * one of them never repeats a version a client may still hold.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError } from '../../src/domain/problems';
import { parseManifest } from '../../src/domain/validate';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { inventory } from './fixtures';
import { databaseAtVersion } from './sqlite-old-schema';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldtrail-migration-7-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

const purpose = (key: string, name = key) => parseManifest({ purposes: [{ key, name, functionType: 'BASIC' }] });

test('keeps stored versions, and remembers keys deleted before it from the audit log', async () => {
  const file = path.join(tempDir, 'v6.db');
  await databaseAtVersion(file, 6, inventory());
  // What version-6 code left behind: umeng updated twice (a row at 3); "retired" created,
  // updated twice (clients saw up to 3) and deleted, which dropped its row; nothing else changed.
  const raw = new Database(file);
  try {
    raw.prepare("INSERT INTO node_versions (node_type, node_key, version) VALUES ('party', 'umeng', 3)").run();
    const audit = raw.prepare("INSERT INTO audit_log (at, actor, operation, entity_type, entity_key, before, after) VALUES ('2026-01-01T00:00:00Z', 'old', ?, ?, ?, NULL, NULL)");
    for (const operation of ['CREATE', 'UPDATE', 'UPDATE', 'DELETE']) audit.run(operation, 'purpose', 'retired');
    // Entries for nodes that still exist leave their versions alone.
    audit.run('UPDATE', 'purpose', 'analytics');
  } finally {
    raw.close();
  }

  const store = new SqliteStore({ path: file });
  try {
    await store.migrate();
    expect(await store.versions('party', ['umeng', 'firebase'])).toEqual([3, 1]);
    expect(await store.versions('purpose', ['analytics', 'retired'])).toEqual([1, 0]);

    // Created again: above every version "retired" had, and a client holding one of them is refused.
    await store.write(purpose('retired', 'Back'), 'MERGE');
    const [version] = await store.versions('purpose', ['retired']);
    expect(version).toBeGreaterThan(3);
    for (const held of [1, 2, 3]) {
      await expect(store.write(purpose('retired', 'stale'), 'MERGE', { actor: 'a', expectedVersions: [{ type: 'purpose', key: 'retired', version: held }] })).rejects.toBeInstanceOf(ConflictError);
    }
    // The stored versions go on from where they were.
    const umeng = inventory().parties.find((p) => p.key === 'umeng')!;
    await store.write(parseManifest({ parties: [{ ...umeng, name: 'Umeng 4' }] }), 'MERGE', { actor: 'a', expectedVersions: [{ type: 'party', key: 'umeng', version: 3 }] });
    expect(await store.versions('party', ['umeng'])).toEqual([4]);
  } finally {
    await store.close();
  }
});
