/**
 * Backups: `fieldtrail backup` while a server is serving and writing, then `fieldtrail restore`
 * gives back exactly the inventory at backup time, with integrity_check ok. Bad backups are refused.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seedFiles } from '../../src/services/seeds';
import { COMPILED_CLI } from '../support/compiled';

const ROOT = join(__dirname, '..', '..');
/** The compiled CLI (built once per run by jest's global setup). */
const CLI = [COMPILED_CLI];
const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-backup-'));
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

it('backs up while serving and restores exactly that inventory', async () => {
  const db = join(dir, 'live.db');
  for (const file of seedFiles()) expect(run(['import', file, '--db', db]).code).toBe(0);
  const server = spawn(process.execPath, [...CLI, 'serve', '--no-seed', '--port', '0', '--db', db], { cwd: ROOT });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d) => {
        out += d;
        if (out.includes('listening on')) resolve();
      });
      server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
    });
    const atBackup = run(['export', '--db', db, '--format', 'json']).stdout;
    const backup = join(dir, 'backup.db');
    const res = run(['backup', backup, '--db', db]);
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('backed up');
    expect(run(['backup', backup, '--db', db]).stderr).toContain('already exists');

    // The inventory moves on after the backup…
    writeFileSync(join(dir, 'more.yaml'), 'purposes:\n  - key: after-backup\n    name: After\n    functionType: BASIC\n');
    expect(run(['import', join(dir, 'more.yaml'), '--db', db]).code).toBe(0);
    expect(run(['export', '--db', db, '--format', 'json']).stdout).not.toBe(atBackup);

    const raw = new Database(backup, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    // …and restoring brings back exactly what was backed up.
    expect(run(['restore', backup, '--db', join(dir, 'restored.db')]).code).toBe(0);
    expect(JSON.parse(run(['export', '--db', join(dir, 'restored.db'), '--format', 'json']).stdout)).toEqual(JSON.parse(atBackup));
  } finally {
    await new Promise((r) => {
      server.once('exit', r);
      server.kill('SIGTERM');
    });
  }
}, 120_000);

it('refuses to restore a file that is not a healthy FieldTrail backup', () => {
  writeFileSync(join(dir, 'junk.db'), 'this is not a database');
  const junk = run(['restore', join(dir, 'junk.db'), '--db', join(dir, 'target.db')]);
  expect(junk.code).toBe(1);
  expect(junk.stderr).toMatch(/cannot restore/);
  const missing = run(['restore', join(dir, 'nope.db'), '--db', join(dir, 'target.db')]);
  expect(missing.stderr).toContain('does not exist');
});
