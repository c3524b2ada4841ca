/**
 * Store selection from the command line: migrate, copy between stores (verified by comparing
 * exports), and the start-up errors a person sees when Neo4j is misconfigured or unreachable.
 * With the project's Neo4j configured, migrate and copy also run against the real server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFiles } from '../../src/services/seeds';
import type { InventoryStore } from '../../src/store/inventory-store';
import { expectNeo4jLeftEmpty, neo4jTestSettings } from '../support/neo4j';
import { openTestStore, testStoreKinds } from '../support/stores';
import { COMPILED_CLI } from '../support/compiled';
import Database from 'better-sqlite3';

const ROOT = join(__dirname, '..', '..');
/** The compiled CLI (built once per run by jest's global setup). */
const CLI = [COMPILED_CLI];
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

it('migrate brings an existing database file up to date, and is idempotent', () => {
  const db = join(dir, 'migrated.db');
  new Database(db).close(); // an empty SQLite file, at schema version 0
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

if (testStoreKinds().includes('neo4j')) {
  // After the held store is closed, the test database holds nothing.
  afterAll(expectNeo4jLeftEmpty);

  describe('against the project Neo4j', () => {
    const settings = neo4jTestSettings()!;
    /** How a user points the CLI at Neo4j: the URI and credentials in the environment. */
    const neo4jEnv = { NEO4J_URI: settings.uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password, NEO4J_DATABASE: settings.database ?? '' };
    const location = `neo4j:${settings.uri}${settings.database ? `/${settings.database}` : ''}`;
    /** Holds the test database (the cross-process lock) while the child processes use it; closing empties it. */
    let held: InventoryStore | undefined;
    beforeAll(async () => {
      held = await openTestStore('neo4j');
    });
    afterAll(() => held?.close());

    it('migrate brings Neo4j up to date, and is idempotent', () => {
      for (let i = 0; i < 2; i++) {
        const res = run(['migrate', '--store', 'neo4j'], neo4jEnv);
        expect(res.stderr).toBe('');
        expect(res.code).toBe(0);
        expect(res.stdout).toBe(`fieldtrail: ${location} is up to date\n`);
      }
    }, 120_000);

    it('copy SQLite → Neo4j → SQLite: every export (both files and Neo4j) is the same text', () => {
      const from = join(dir, 'neo4j-from.db');
      const back = join(dir, 'neo4j-back.db');
      for (const file of seedFiles()) expect(run(['import', file, '--db', from]).code).toBe(0);
      const there = run(['copy', '--from', `sqlite:${from}`, '--to', settings.uri], neo4jEnv);
      expect(there.stderr).toBe('');
      expect(there.stdout).toMatch(/^copied \d+ nodes from sqlite:.*neo4j-from\.db to /);
      expect(there.stdout).toContain(` to ${location}; the exports are identical\n`);
      const home = run(['copy', '--from', settings.uri, '--to', `sqlite:${back}`], neo4jEnv);
      expect(home.stderr).toBe('');
      expect(home.stdout).toMatch(/^copied \d+ nodes from neo4j:.* to sqlite:.*neo4j-back\.db; the exports are identical\n$/);
      expect(home.stdout.match(/copied (\d+)/)![1]).toBe(there.stdout.match(/copied (\d+)/)![1]);

      const source = run(['export', '--db', from, '--format', 'json']);
      expect(source.code).toBe(0);
      expect(source.stdout).toContain('jinquan-privacy-2021');
      const inNeo4j = run(['export', '--store', 'neo4j', '--format', 'json'], neo4jEnv);
      expect(inNeo4j.stderr).toBe('');
      expect(inNeo4j.stdout).toBe(source.stdout);
      expect(run(['export', '--db', back, '--format', 'json']).stdout).toBe(source.stdout);
    }, 300_000);
  });
}
