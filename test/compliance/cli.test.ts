/**
 * The compliance commands as a user (or a CI job) runs them, on real database files. Exit codes,
 * usage errors and the error messages are checked on a real child process; the rest runs the
 * CLI's own `main` in this process (same parsing, same code) to keep the suite fast.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli';
import { seedFiles } from '../../src/services/seeds';
import { compliantApp, variant } from './fixtures';
import { parseStrictly } from './parsers';
import { COMPILED_CLI } from '../support/compiled';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
/** The compiled CLI (built once per run by jest's global setup). */
const CLI = [COMPILED_CLI];
let dir: string;
let seeded: string;

/** A real process: what a CI job sees (exit code, stderr). */
function spawnCli(args: string[], db: string) {
  const res = spawnSync(process.execPath, [...CLI, ...args, '--db', db], { cwd: ROOT, encoding: 'utf8', env: { ...process.env }, timeout: 60_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** The CLI's main in this process, with its standard output captured. */
async function cli(args: string[], db: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const code = await main([...args, '--db', db]);
    return { code, stdout };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtrail-compliance-cli-'));
  seeded = join(dir, 'jinquan.db');
  expect((await cli(['import', seedFiles()[0]], seeded)).code).toBe(0);
});

describe('fieldtrail check', () => {
  it('fails the 进圈 inventory at HIGH with exit code 1, listing each finding with its articles and clauses', () => {
    const res = spawnCli(['check'], seeded);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('HIGH   provision-without-separate-consent — flow app-umeng');
    expect(res.stdout).toContain('PIPL Art. 23, PIPL Art. 29, GDPR Art. 7(2); policy §四.2.5');
    expect(res.stdout.trim().split('\n').pop()).toBe('61 findings: 27 HIGH, 24 MEDIUM, 10 LOW, 0 INFO. 27 at or above HIGH: failing.');
  });

  it('passes a compliant inventory, and fails it at LOW once a permission serves no purpose', async () => {
    const db = join(dir, 'compliant.db');
    writeFileSync(join(dir, 'compliant.json'), JSON.stringify(compliantApp()));
    expect((await cli(['import', join(dir, 'compliant.json'), '--replace'], db)).code).toBe(0);
    const clean = await cli(['check', '--fail-on', 'info'], db);
    expect([clean.code, clean.stdout.trim()]).toEqual([0, '0 findings: 0 HIGH, 0 MEDIUM, 0 LOW, 0 INFO. none at or above INFO: passing.']);
    writeFileSync(join(dir, 'unused.json'), JSON.stringify({ permissions: [{ key: 'android.permission.READ_CONTACTS', name: 'Contacts' }] }));
    expect((await cli(['import', join(dir, 'unused.json')], db)).code).toBe(0);
    expect((await cli(['check'], db)).code).toBe(0);
    const low = await cli(['check', '--fail-on', 'low', '--format', 'json'], db);
    expect(low.code).toBe(1);
    expect(JSON.parse(low.stdout)).toMatchObject({ failOn: 'LOW', failing: 1, findings: [{ rule: 'permission-gates-no-purpose', subject: { key: 'android.permission.READ_CONTACTS' } }] });
    const one = await cli(['check', '--rule', 'permission-gates-no-purpose', '--format', 'md'], db);
    expect(one.stdout).toContain('### A permission that gates no declared purpose — Contacts (permission android.permission.READ_CONTACTS)');
  });

  it('explains a bad severity as a usage error (exit code 2)', () => {
    const res = spawnCli(['check', '--fail-on', 'severe'], seeded);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--fail-on must be info, low, medium or high, got "severe"');
    expect(res.stderr).toContain('Usage: fieldtrail');
  });
});

describe('fieldtrail report', () => {
  it('writes the PIA as well-formed HTML and the records of processing as XLSX', async () => {
    const html = join(dir, 'pia.html');
    const res = await cli(['report', 'pia', '--format', 'html', '--out', html, '--field', 'facial-features', '--field', 'id-card-number'], seeded);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^wrote pia report \(html\) to .*pia\.html \(\d+ bytes\)/);
    expect(parseStrictly(readFileSync(html, 'utf8')).text).toContain('fields 面部特征, 身份证号码');

    const xlsx = join(dir, 'ropa.xlsx');
    expect((await cli(['report', 'ropa', '--format', 'xlsx', '--out', xlsx], seeded)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0].getCell('B1').value).toBe('(a) Controller 处理者');
    expect(wb.worksheets[0].getCell('B2').value).toBe('厦门勇气网络科技有限公司');
  });

  it('prints the regulator lists, the records as CSV and the breach draft', async () => {
    expect((await cli(['report', 'third-parties'], seeded)).stdout).toContain('# 与第三方共享个人信息清单 / 第三方SDK目录 Third-party sharing and SDK list');
    expect((await cli(['report', 'collected-pi', '--format', 'csv'], seeded)).stdout.split('\r\n')[0]).toBe('\uFEFF个人信息 Field,类别 Category,敏感 Sensitive,使用目的 Purpose,使用场景 Scenario,权限 Permission,收集方式 Collected,可拒绝 Refusable,条款 Clauses');
    expect((await cli(['report', 'ropa'], seeded)).stdout).toMatch(/^\uFEFFRecord,\(a\) Controller 处理者/);
    expect((await cli(['report', 'breach', 'liuti'], seeded)).stdout).toContain('# If 北京流体网络科技有限公司 is breached');
    expect((await cli(['report', 'withdrawal', 'android.permission.READ_CONTACTS'], seeded)).stdout).toContain('Stops: 屏蔽您的手机联系人和通讯录好友功能.');
  });

  it('refuses XLSX to the terminal, a missing subject, a scope on the wrong report, and names an unknown field', async () => {
    await expect(cli(['report', 'ropa', '--format', 'xlsx'], seeded)).rejects.toThrow('xlsx is a binary format: give --out FILE');
    await expect(cli(['report', 'deletion'], seeded)).rejects.toThrow('report deletion takes exactly one FIELD key');
    await expect(cli(['report', 'ropa', '--field', 'imei'], seeded)).rejects.toThrow('--field, --purpose and --recipient scope a pia report only');
    await expect(cli(['report', 'leaflet'], seeded)).rejects.toThrow('unknown report "leaflet"');
    const res = spawnCli(['report', 'deletion', 'shoe-size'], seeded);
    expect(res).toMatchObject({ code: 1, stderr: 'fieldtrail: field "shoe-size" does not exist\n' });
  });
});

describe('fieldtrail snapshot and diff', () => {
  it('keeps a snapshot, then shows a later change as major and needing consent, and gates on it', async () => {
    const db = join(dir, 'diff.db');
    expect((await cli(['import', seedFiles()[0]], db)).code).toBe(0);
    expect((await cli(['snapshot', '--label', 'v2021-09-01'], db)).stdout).toMatch(/^saved snapshot v2021-09-01 at \d{4}-/);
    expect((await cli(['snapshot', 'list'], db)).stdout).toMatch(/ {2}v2021-09-01\n$/);
    // 同城 becomes a condition of using the app.
    const manifest = JSON.parse((await cli(['export', '--format', 'json'], db)).stdout);
    const changed = variant((i) => (i.flows.find((f) => f.key === 'user-app-location')!.optional = false), manifest);
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(changed));
    expect((await cli(['import', join(dir, 'changed.json'), '--replace'], db)).code).toBe(0);

    const md = await cli(['diff', 'v2021-09-01'], db);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("0 added, 0 removed, 1 changed; 1 major under the policy's definition; 1 need renewed consent.");
    expect(md.stdout).toContain('| CHANGED | flow user-app-location (Location for same-city features) | RIGHTS | yes 是 |');
    expect((await cli(['diff', 'v2021-09-01', '--fail-on', 'major'], db)).code).toBe(1);
    const json = JSON.parse((await cli(['diff', 'v2021-09-01', 'current', '--format', 'json'], db)).stdout);
    expect(json.changes[0]).toMatchObject({ key: 'user-app-location', areas: ['RIGHTS'], requiresRenewedConsent: true });
    await expect(cli(['snapshot', '--label', 'v2021-09-01'], db)).rejects.toThrow('already exists');
    await expect(cli(['snapshot'], db)).rejects.toThrow('snapshot needs --label LABEL');
    await expect(cli(['diff', 'v0'], db)).rejects.toThrow('snapshot "v0" does not exist');

    const gate = spawnCli(['diff', 'v2021-09-01', '--fail-on', 'consent'], db);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('1 need renewed consent');
  });
});
