/**
 * A database file at an older migration level holding an inventory, for migration tests: the
 * write code only knows the latest schema, so the inventory is written into a latest-level
 * database and its rows copied into the older tables (the columns both have).
 */
import Database from 'better-sqlite3';
import type { Manifest } from '../../src/domain/manifest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';

const COPIED_TABLES = ['documents', 'clauses', 'categories', 'fields', 'purposes', 'permissions', 'parties', 'legal_bases', 'flows',
  'flow_fields', 'flow_categories', 'flow_purposes', 'flow_legal_bases', 'flow_permissions', 'sources', 'audit_log', 'node_versions'];

export async function databaseAtVersion(file: string, version: number, manifest: Manifest): Promise<void> {
  const latestFile = `${file}.latest`;
  const latest = new SqliteStore({ path: latestFile });
  await latest.migrate();
  await latest.write(manifest, 'REPLACE');
  await latest.close();

  const raw = new Database(file);
  try {
    raw.pragma('journal_mode = WAL');
    for (const m of MIGRATIONS.filter((m) => m.version <= version)) raw.exec(m.sql);
    raw.pragma(`user_version = ${version}`);
    raw.prepare('ATTACH DATABASE ? AS latest').run(latestFile);
    raw.transaction(() => {
      for (const table of COPIED_TABLES) {
        const columns = (raw.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`).join(', ');
        raw.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM latest.${table}`);
      }
    })();
    raw.exec('DETACH DATABASE latest');
  } finally {
    raw.close();
  }
}
