/**
 * Crash safety: a process importing large manifests is killed with SIGKILL at random points.
 * Every time, the database reopens with PRAGMA integrity_check = ok and holds exactly one whole
 * import — never a mix, never half of one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseManifest } from '../../src/domain/validate';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { syntheticInventory } from '../support/synthetic';
import { compiledPath } from '../support/compiled';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-crash-'));
const A = syntheticInventory(6000);
// B differs in every section that matters: other fields, other names, other flows.
const B = { ...syntheticInventory(4000), fields: syntheticInventory(4000).fields!.map((f) => ({ ...f, name: `${f.name} (v2)` })) };

async function exportOf(path: string) {
  const store = new SqliteStore({ path });
  await store.migrate();
  try {
    return await store.exportManifest();
  } finally {
    await store.close();
  }
}

it('survives SIGKILL mid-import with either the whole old or the whole new inventory', async () => {
  writeFileSync(join(dir, 'a.json'), JSON.stringify(A));
  writeFileSync(join(dir, 'b.json'), JSON.stringify(B));
  const expectedA = JSON.stringify(await canonical(A));
  const expectedB = JSON.stringify(await canonical(B));
  const seen = new Set<string>();

  for (let run = 0; run < 5; run++) {
    const db = join(dir, `crash-${run}.db`);
    const child = spawn(process.execPath, [compiledPath(join(__dirname, 'fixtures', 'import-loop.ts')), db, join(dir, 'a.json'), join(dir, 'b.json')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`import child exited early (${code}): ${stderr}`)));
    });
    // Somewhere inside one of the next imports.
    await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 700)));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;

    const raw = new Database(db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
    const after = JSON.stringify(await exportOf(db));
    expect([expectedA, expectedB]).toContain(after);
    seen.add(after === expectedA ? 'A' : 'B');
  }
  // Not a requirement, but a sign the kills landed at different points.
  expect(seen.size).toBeGreaterThanOrEqual(1);
}, 120_000);

/** What a store holding exactly this manifest exports. */
async function canonical(manifest: unknown) {
  const store = new SqliteStore({ path: ':memory:' });
  await store.migrate();
  await store.write(parseManifest(manifest), 'REPLACE');
  const out = await store.exportManifest();
  await store.close();
  return out;
}
