/**
 * The command line as a user runs it: a real child process, a real database file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { seedFiles } from '../../src/services/seeds';
import { COMPILED_CLI } from '../support/compiled';
import { syntheticInventory } from '../support/synthetic';

const ROOT = join(__dirname, '..', '..');
/** The compiled CLI (built once per run by jest's global setup). */
const CLI = [COMPILED_CLI];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtrail-cli-'));
});

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const res = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FIELDTRAIL_DB: join(dir, 'default.db'), ...env },
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('import and export', () => {
  it('round-trips the seeded inventory to an identical graph', () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    for (const file of seedFiles()) expect(run(['import', file, '--db', a]).code).toBe(0);
    const first = run(['export', '--db', a, '--format', 'json']);
    expect(first.code).toBe(0);
    writeFileSync(join(dir, 'export.json'), first.stdout);
    const imported = run(['import', join(dir, 'export.json'), '--db', b, '--replace']);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/imported .* \(REPLACE\)/);
    const second = run(['export', '--db', b, '--format', 'json']);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(JSON.parse(first.stdout).fields.length).toBeGreaterThan(0);

    // YAML too, written to a file.
    expect(run(['export', '--db', b, '--out', join(dir, 'export.yaml')]).code).toBe(0);
    expect(parseYaml(readFileSync(join(dir, 'export.yaml'), 'utf8'))).toEqual(JSON.parse(first.stdout));
  });

  it('rejects an invalid manifest with the path of each problem and leaves the database as it was', () => {
    const db = join(dir, 'c.db');
    for (const file of seedFiles()) run(['import', file, '--db', db]);
    const before = run(['export', '--db', db, '--format', 'json']).stdout;
    writeFileSync(join(dir, 'bad.yaml'), 'fields:\n  - key: x\n    name: X\n    category: nowhere\nflows:\n  - key: y\n    from: a\n    to: b\n    kind: COLLECTION\n    consent: MAYBE\n    optional: true\n    fields: [x]\n');
    const res = run(['import', join(dir, 'bad.yaml'), '--db', db, '--replace']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('flows[0].consent');
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    writeFileSync(join(dir, 'bad2.yaml'), 'fields:\n  - key: x\n    name: X\n    category: nowhere\n');
    const refs = run(['import', join(dir, 'bad2.yaml'), '--db', db]);
    expect(refs.code).toBe(1);
    expect(refs.stderr).toContain('fields[0].category: unknown category "nowhere"');
    expect(run(['export', '--db', db, '--format', 'json']).stdout).toBe(before);
  });

  it('names a file that is not YAML, or missing', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'fields: [\n');
    expect(run(['import', join(dir, 'broken.yaml')]).stderr).toMatch(/broken\.yaml is not valid YAML/);
    expect(run(['import', join(dir, 'missing.yaml')]).stderr).toMatch(/cannot read .*missing\.yaml: ENOENT/);
  });

  it('explains bad usage and bad configuration', () => {
    expect(run(['frobnicate']).stderr).toContain('unknown command "frobnicate"');
    expect(run(['export', '--format', 'xml']).stderr).toContain('--format must be yaml or json');
    const badPort = run(['serve'], { PORT: 'eighty' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('PORT must be a port number');
    expect(run(['serve', '--store', 'oracle']).stderr).toContain('--store must be "sqlite" or "neo4j"');
  });
});

describe('serve', () => {
  it('seeds an empty database on first start, logs where it listens, answers, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', join(dir, 'served.db')], { cwd: ROOT, env: process.env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in: ${out}`)), 30_000);
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/\S+) \(store: sqlite:\S+served\.db\)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    expect(out).toContain('seeded the empty database');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ personalField(key: "imei") { key recipients { key } } }' }),
    });
    const body = (await res.json()) as { data: { personalField: { key: string; recipients: Array<{ key: string }> } } };
    expect(body.data.personalField.key).toBe('imei');
    expect(body.data.personalField.recipients.map((r) => r.key)).toEqual(expect.arrayContaining(['umeng']));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});

describe('commands that read never create a database', () => {
  const missing = () => join(mkdtempSync(join(tmpdir(), 'fieldtrail-missing-')), 'typo.db');

  it.each([
    ['check', []],
    ['export', []],
    ['report', ['ropa']],
    ['migrate', []],
    ['keys', ['list']],
    ['graph', ['imei']],
  ])('%s on a missing file fails, names the path and the command that creates one, and creates nothing', (command, args) => {
    const db = missing();
    const res = run([command, ...args, '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`no database at ${db}`);
    expect(res.stderr).toContain(`fieldtrail import FILE --db ${db}`);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(db)).toBe(false);
  });

  it('copy --from a missing file fails and creates neither file', () => {
    const from = missing();
    const to = join(dir, 'copy-target-never-made.db');
    const res = run(['copy', '--from', `sqlite:${from}`, '--to', `sqlite:${to}`]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`no database at ${from}`);
    expect(existsSync(from)).toBe(false);
    expect(existsSync(to)).toBe(false);
  });

  it('import still creates the database it imports into', () => {
    const db = missing();
    expect(run(['import', seedFiles()[0], '--db', db]).code).toBe(0);
    expect(existsSync(db)).toBe(true);
  });
});

it('a closed pipe ends export quietly (fieldtrail export | head -1)', async () => {
  const db = join(dir, 'piped.db');
  // Megabytes of export, far more than a pipe buffers: the writer is still writing when the reader goes.
  const manifest = join(dir, 'piped.json');
  writeFileSync(manifest, JSON.stringify(syntheticInventory(3000)));
  expect(run(['import', manifest, '--db', db]).code).toBe(0);
  const child = spawn(process.execPath, [...CLI, 'export', '--db', db], { cwd: ROOT, env: process.env });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Like `head -1`: read the first chunk, then close the read end.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
