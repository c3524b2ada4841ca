/**
 * Migration 6 on a database that has data: the stored cross-border flag is filled for the flows
 * already there (the domain rule over the stored parties), and the indexes the overview's counts
 * use exist and are the ones SQLite picks.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isCrossBorder } from '../../src/domain/flows';
import { parseManifest } from '../../src/domain/validate';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { inventory, inventoryInput } from './fixtures';
import { databaseAtVersion } from './sqlite-old-schema';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldtrail-migration-6-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** The fixture with two more cross-border flows: one into a country-less party would not count. */
function manifest() {
  const input = inventoryInput();
  input.parties!.push({ key: 'hk-office', name: 'HK office', kind: 'AFFILIATE', country: 'HK', sources: [] });
  const upload = inventory().flows.find((f) => f.key === 'upload')!;
  input.flows!.push({ ...upload, key: 'upload-hk', to: 'hk-office' }, { ...upload, key: 'hk-to-police', from: 'hk-office', to: 'police' });
  return parseManifest(input);
}

test('fills the flag of every stored flow by the domain rule, and indexes kind and the flag', async () => {
  const m = manifest();
  const file = path.join(tempDir, 'v5.db');
  await databaseAtVersion(file, 5, m);

  const store = new SqliteStore({ path: file });
  await store.migrate();
  await store.close();

  const country = new Map(m.parties.map((p) => [p.key, p.country]));
  const expected = m.flows.map((f) => [f.key, isCrossBorder(country.get(f.from), country.get(f.to)) ? 1 : 0]).sort();
  const raw = new Database(file, { readonly: true });
  try {
    expect(raw.prepare('SELECT key, cross_border FROM flows ORDER BY key').raw().all()).toEqual(expected);
    expect(expected.filter(([, flag]) => flag === 1).map(([key]) => key)).toEqual(['crash-6', 'share-firebase', 'upload-hk']);
    const plan = (sql: string) => (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    expect(plan('SELECT COUNT(*) FROM flows t WHERE t.cross_border = 1')).toMatch(/USING COVERING INDEX flows_by_cross_border/);
    expect(plan('SELECT t.kind, COUNT(*) FROM flows t GROUP BY t.kind')).toMatch(/USING COVERING INDEX flows_by_kind/);
  } finally {
    raw.close();
  }
});
