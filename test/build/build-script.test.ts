/**
 * scripts/build.js (what `npm start` and `npm run build` run) skips a part only when its inputs
 * are byte for byte those of its last build. Checked on real files in temp copies: the inputs'
 * hash, the stamp, and a real incremental tsc build of a small project.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

interface Part {
  name: string;
  inputs: string[];
  stamp: string;
  output: string;
}
// A plain Node script (no TypeScript, so it runs before anything is compiled).
const build = require('../../scripts/build.js') as {
  SERVER: Part;
  DASHBOARD: Part;
  inputsHash(root: string, inputs: string[]): string;
  upToDate(root: string, part: Part, hash: string): boolean;
  buildPart(root: string, part: Part, options?: { force?: boolean; tools?: string }): boolean;
};

const ROOT = join(__dirname, '..', '..');
let dir: string;

function write(rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtrail-build-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the dashboard inputs hash (a copy of the real dashboard sources)', () => {
  beforeEach(() => {
    for (const rel of ['dashboard/src', 'dashboard/index.html', 'dashboard/vite.config.mts', 'dashboard/tsconfig.json', 'src/domain', 'schema', 'package.json', 'package-lock.json']) {
      cpSync(join(ROOT, rel), join(dir, rel), { recursive: true });
    }
  });

  it('changes when any input file changes, appears or is renamed', () => {
    const hash = () => build.inputsHash(dir, build.DASHBOARD.inputs);
    const before = hash();
    expect(hash()).toBe(before);
    const app = join(dir, 'dashboard/src/App.tsx');
    const text = readFileSync(app, 'utf8');
    writeFileSync(app, text + ' ');
    expect(hash()).not.toBe(before);
    writeFileSync(app, text);
    expect(hash()).toBe(before);
    for (const rel of ['src/domain/vocabulary.ts', 'schema/schema.graphql', 'package-lock.json', 'dashboard/vite.config.mts']) {
      const file = join(dir, rel);
      const original = readFileSync(file);
      writeFileSync(file, Buffer.concat([original, Buffer.from('\n')]));
      expect(hash()).not.toBe(before);
      writeFileSync(file, original);
    }
    write('dashboard/src/new-page.tsx', 'export {};\n');
    expect(hash()).not.toBe(before);
    rmSync(join(dir, 'dashboard/src/new-page.tsx'));
    cpSync(join(dir, 'dashboard/index.html'), join(dir, 'dashboard/index2.html'));
    rmSync(join(dir, 'dashboard/index.html'));
    expect(hash()).not.toBe(before);
  });

  it('ignores the build output and node_modules', () => {
    const before = build.inputsHash(dir, build.DASHBOARD.inputs);
    write('dashboard/dist/index.html', '<html></html>');
    write('dashboard/node_modules/x/index.js', '');
    expect(build.inputsHash(dir, build.DASHBOARD.inputs)).toBe(before);
  });

  it('is up to date only with the stamp of these inputs and the built index.html', () => {
    const hash = build.inputsHash(dir, build.DASHBOARD.inputs);
    expect(build.upToDate(dir, build.DASHBOARD, hash)).toBe(false); // a fresh clone: nothing built
    write(build.DASHBOARD.stamp, `${hash}\n`);
    expect(build.upToDate(dir, build.DASHBOARD, hash)).toBe(false); // no index.html
    write('dashboard/dist/index.html', '<html></html>');
    expect(build.upToDate(dir, build.DASHBOARD, hash)).toBe(true);
    writeFileSync(join(dir, 'dashboard/src/App.tsx'), '// edited\n', { flag: 'a' });
    expect(build.upToDate(dir, build.DASHBOARD, build.inputsHash(dir, build.DASHBOARD.inputs))).toBe(false);
  });
});

describe('the server build, with the real tsc on a small project', () => {
  // tsc starts three times in a test: slow on a busy 2-core machine.
  jest.setTimeout(120_000);
  beforeEach(() => {
    write(
      'tsconfig.build.json',
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, rootDir: '.', outDir: 'dist', types: [] }, include: ['src'] }),
    );
    write('src/cli.ts', "import { answer } from './answer';\nexport const out = answer();\n");
    write('src/answer.ts', 'export function answer(): number {\n  return 41;\n}\n');
  });
  const emitted = () => readFileSync(join(dir, 'dist/src/answer.js'), 'utf8');
  const buildServer = (options: { force?: boolean } = {}) => build.buildPart(dir, build.SERVER, { ...options, tools: ROOT });

  it('builds everything the first time, then nothing until a source changes', () => {
    expect(buildServer()).toBe(true);
    expect(existsSync(join(dir, 'dist/src/cli.js'))).toBe(true);
    expect(emitted()).toContain('return 41');
    expect(buildServer()).toBe(false);

    write('src/answer.ts', 'export function answer(): number {\n  return 42;\n}\n');
    expect(buildServer()).toBe(true);
    expect(emitted()).toContain('return 42');
    expect(buildServer()).toBe(false);
  });

  it('emits again when the output is gone but tsc build info is left', () => {
    expect(buildServer()).toBe(true);
    rmSync(join(dir, 'dist/src'), { recursive: true });
    expect(existsSync(join(dir, build.SERVER.stamp))).toBe(true);
    expect(buildServer()).toBe(true);
    expect(emitted()).toContain('return 41');
  });

  it('fails on a type error and leaves no stamp, so the next start builds again', () => {
    expect(buildServer()).toBe(true);
    write('src/answer.ts', 'export function answer(): number {\n  return "no";\n}\n');
    expect(() => buildServer()).toThrow(/tsc/); // tsc prints the error above the test's report
    expect(existsSync(join(dir, build.SERVER.stamp))).toBe(false);
  });
});
