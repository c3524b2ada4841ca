/**
 * dashboard/src/generated/graphql.ts must be what codegen.yml generates from the committed SDL
 * and dashboard/src/graphql/*.graphql (run `npm run codegen`), so the dashboard's typed
 * operations can never drift from the public contract.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

it('dashboard/src/generated/graphql.ts is up to date', () => {
  const root = join(__dirname, '..', '..');
  const out = mkdtempSync(join(tmpdir(), 'fieldtrail-dashboard-codegen-'));
  // Same config, every output redirected, so the check never rewrites a committed file.
  const config = readFileSync(join(root, 'codegen.yml'), 'utf8')
    .replace('dashboard/src/generated/graphql.ts:', `${join(out, 'dashboard.ts')}:`)
    .replace('test/generated/graphql.ts:', `${join(out, 'test.ts')}:`);
  writeFileSync(join(out, 'codegen.yml'), config);
  const res = spawnSync(process.execPath, [join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', join(out, 'codegen.yml')], { cwd: root, encoding: 'utf8' });
  expect(res.stderr).not.toMatch(/error/i);
  expect(res.status).toBe(0);
  expect(readFileSync(join(root, 'dashboard', 'src', 'generated', 'graphql.ts'), 'utf8')).toBe(readFileSync(join(out, 'dashboard.ts'), 'utf8'));
});
