// Compile once per test run: one `tsc -p tsconfig.json` writes src, tests, scripts and bench to
// dist/ (and is the type check), so tests that spawn the CLI or a fixture run compiled JavaScript
// instead of paying a ts-node transpile per process. Skipped when nothing tsc reads has changed
// since the last build that passed.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
/** Written only after a build that passed: the fingerprint of the inputs it compiled. */
const STAMP = path.join(DIST, '.test-build.stamp');
const BUILD_INFO = path.join(DIST, '.test-build.tsbuildinfo');
/** What tsconfig.json compiles, and what changes how it compiles. */
const SOURCE_DIRS = ['src', 'test', 'scripts', 'bench'];
const CONFIG_FILES = ['tsconfig.json', 'package-lock.json'];
/** Files the tests run from dist/: when one is missing the build is redone whatever the stamp says. */
const REQUIRED_OUTPUTS = [path.join('src', 'cli.js'), path.join('test', 'security', 'fixtures', 'import-loop.js')];

function listSources(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listSources(full, out);
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.mts') || entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

/**
 * Path, size and modification time of every input: an edit, an added file and a deleted one all
 * change it (contents are not read, so a touch without change also rebuilds, which is harmless).
 */
function inputFingerprint() {
  const files = [];
  for (const dir of SOURCE_DIRS) {
    const full = path.join(ROOT, dir);
    if (fs.existsSync(full)) listSources(full, files);
  }
  for (const file of CONFIG_FILES) files.push(path.join(ROOT, file));
  const hash = crypto.createHash('sha256');
  for (const file of files.sort()) {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    hash.update(`${path.relative(ROOT, file)}\0${st ? `${st.size}:${st.mtimeMs}` : 'missing'}\n`);
  }
  return hash.digest('hex');
}

/** Whether dist/ holds a passing build of exactly the current inputs. */
function isCurrent(fingerprint) {
  if (!REQUIRED_OUTPUTS.every((file) => fs.existsSync(path.join(DIST, file)))) return false;
  try {
    return fs.readFileSync(STAMP, 'utf8') === fingerprint;
  } catch {
    return false;
  }
}

/** Builds dist/ unless it is current; throws with tsc's own report when the build fails. */
function compileOnce({ log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const fingerprint = inputFingerprint();
  if (isCurrent(fingerprint)) return { built: false, ms: 0 };
  const started = Date.now();
  // Without the outputs the incremental state would claim they exist: start that build afresh.
  if (!fs.existsSync(path.join(DIST, REQUIRED_OUTPUTS[0]))) fs.rmSync(BUILD_INFO, { force: true });
  fs.rmSync(STAMP, { force: true });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const res = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json'), '--incremental', '--tsBuildInfoFile', BUILD_INFO, '--pretty', 'false'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new Error(`tsc -p tsconfig.json failed (the tests run its output, so nothing ran):\n${res.stdout}${res.stderr}`);
  }
  // A file edited while tsc ran is caught next time: the stamp holds the fingerprint taken before.
  fs.writeFileSync(STAMP, fingerprint);
  const ms = Date.now() - started;
  log(`compiled src, test, scripts and bench into dist/ in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, ms };
}

module.exports = { compileOnce, inputFingerprint, STAMP, DIST };
