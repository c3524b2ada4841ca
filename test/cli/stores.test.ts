/**
 * Store selection from the command line: migrate, copy between stores (verified by comparing
 * exports), and the start-up errors a person sees when Neo4j is misconfigured or unreachable.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFiles } from '../../src/services/seeds';

const ROOT = join(__dirname, '..', '..');
const CLI = ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'cli.ts')];
const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-stores-'));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const res = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: '', FIELDTRAIL_STORE: '', ...env },
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

it('migrate brings a new database file up to date, and is idempotent', () => {
  const db = join(dir, 'migrated.db');
  expect(run(['migrate', '--db', db]).stdout).toContain(`sqlite:${db} is up to date`);
  expect(run(['migrate', '--db', db]).code).toBe(0);
});

it('copy moves a whole inventory between stores and verifies it', () => {
  const from = join(dir, 'from.db');
  for (const file of seedFiles()) expect(run(['import', file, '--db', from]).code).toBe(0);
  const res = run(['copy', '--from', `sqlite:${from}`, '--to', `sqlite:${join(dir, 'to.db')}`]);
  expect(res.stderr).toBe('');
  expect(res.stdout).toMatch(/copied \d+ nodes from sqlite:.*from\.db to sqlite:.*to\.db; the exports are identical/);
  const a = run(['export', '--db', from, '--format', 'json']).stdout;
  const b = run(['export', '--db', join(dir, 'to.db'), '--format', 'json']).stdout;
  expect(JSON.parse(b)).toEqual(JSON.parse(a));
  expect(run(['copy', '--from', `sqlite:${from}`]).stderr).toContain('copy needs --from STORE and --to STORE');
});

describe('Neo4j start-up errors are one clear line, no stack trace', () => {
  it('names the missing NEO4J_URI', () => {
    const res = run(['migrate'], { FIELDTRAIL_STORE: 'neo4j' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('FIELDTRAIL_STORE=neo4j needs NEO4J_URI');
  });

  it('says the server cannot be reached (a closed loopback port)', async () => {
    // Find a port nothing listens on: bind, note it, close.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const res = run(['serve', '--store', 'neo4j', '--port', '0'], { NEO4J_URI: `neo4j://127.0.0.1:${port}`, NEO4J_PASSWORD: 'secret-password' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`cannot reach Neo4j at neo4j:neo4j://127.0.0.1:${port}`);
    expect(res.stderr).not.toContain('secret-password');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
