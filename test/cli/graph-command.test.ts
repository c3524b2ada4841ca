/**
 * `fieldtrail graph FIELD_KEY`: a real child process over a real database file, printing the
 * same text as PersonalField.lineageGraph.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFiles } from '../../src/services/seeds';
import { LineageGraphExportDocument } from '../generated/graphql';
import { startTestApp } from '../support/app';
import { COMPILED_CLI } from '../support/compiled';

const ROOT = join(__dirname, '..', '..');
/** The compiled CLI (built once per run by jest's global setup). */
const CLI = [COMPILED_CLI];
let dir: string;
let db: string;

function run(args: string[]) {
  const res = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, FIELDTRAIL_DB: db } });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtrail-graph-'));
  db = join(dir, 'graph.db');
  for (const file of seedFiles()) expect(run(['import', file]).code).toBe(0);
});

it('prints the same Mermaid and DOT as the GraphQL field', async () => {
  const app = await startTestApp({ seed: 'jinquan' });
  try {
    const mermaid = run(['graph', 'imei']);
    expect(mermaid.stderr).toBe('');
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toBe((await app.query(LineageGraphExportDocument, { key: 'imei' })).personalField!.lineageGraph);

    const dot = run(['graph', 'phone-number', '--format', 'dot', '--direction', 'upstream', '--depth', '8', '--from', 'jinquan-servers', '--lang', 'en', '--collapse', '3']);
    expect(dot.code).toBe(0);
    const viaApi = await app.query(LineageGraphExportDocument, { key: 'phone-number', format: 'DOT', direction: 'UPSTREAM', maxDepth: 8, from: 'jinquan-servers', language: 'EN', collapseAbove: 3 });
    expect(dot.stdout).toBe(viaApi.personalField!.lineageGraph);
  } finally {
    await app.stop();
  }
});

it('writes to --out', () => {
  const out = join(dir, 'imei.dot');
  expect(run(['graph', 'imei', '--format', 'dot', '--out', out]).code).toBe(0);
  expect(readFileSync(out, 'utf8')).toMatch(/^\/\/ FieldTrail lineage of personal field "imei"[\s\S]*digraph "lineage:imei" \{[\s\S]*"jinquan-app" -> "umeng"/);
});

it('explains bad arguments and unknown fields in one line, without a stack', () => {
  const unknown = run(['graph', 'no-such-field']);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toBe('fieldtrail: personal field "no-such-field" does not exist\n');
  const format = run(['graph', 'imei', '--format', 'svg']);
  expect(format.code).toBe(2);
  expect(format.stderr).toContain('--format must be mermaid or dot, got "svg"');
  const depth = run(['graph', 'imei', '--depth', '30']);
  expect(depth.code).toBe(1);
  expect(depth.stderr).toContain('maxDepth: must be an integer from 1 to 20, got 30');
  expect(run(['graph']).stderr).toContain('graph takes exactly one FIELD_KEY');
});
