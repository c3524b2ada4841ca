#!/usr/bin/env node
/**
 * Builds only what changed: `node scripts/build.js [server|dashboard|tests|all] [--force]` (default
 * all: server and dashboard; `tests` is what jest's global setup builds, see TESTS).
 *
 * Each part has a list of inputs (SERVER_INPUTS, DASHBOARD_INPUTS) and, in its output directory, a
 * stamp: the sha256 of every input file's path and bytes when it was last built successfully.
 * A part whose stamp matches is not built; otherwise:
 * - server: `tsc -p tsconfig.build.json --incremental`, its build info in dist/, so tsc re-emits
 *   only the files whose sources (or whose dependencies' types) changed;
 * - dashboard: the type-check and the Vite build (which empties dashboard/dist/, stamp included).
 *
 * `npm run build`, `npm start` and `npm run serve` all use this script: with contents, not mtimes,
 * deciding, it skips only when the inputs are byte for byte those of the last successful build,
 * so there is no second, slower path to keep correct. `--force` rebuilds everything. A fresh
 * clone has no dist/ and no dashboard/dist/, hence no stamps: everything is built.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** Relative to the project root: directories are read whole (never a dist/ or node_modules/ inside). */
const SERVER_INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const DASHBOARD_INPUTS = [
  'dashboard',
  // The dashboard imports pure modules from here (lineage-graph, vocabulary); all of src/domain is
  // taken, which rebuilds a little too often rather than missing an import.
  'src/domain',
  'schema',
  'package.json',
  'package-lock.json',
];
const SKIPPED_DIRS = new Set(['dist', 'node_modules']);

const SERVER = {
  name: 'server',
  inputs: SERVER_INPUTS,
  tsconfig: 'tsconfig.build.json',
  stamp: path.join('dist', '.build', 'server-inputs.sha256'),
  buildInfo: path.join('dist', '.build', 'server.tsbuildinfo'),
  /** Emitted by every server build: without it neither the stamp nor tsc's build info is trusted. */
  output: path.join('dist', 'src', 'cli.js'),
};
/**
 * What the tests run (jest's global setup): src, tests, scripts and bench compiled together into
 * dist/, which is also the type check of all of them, so spawned CLIs and fixtures run compiled
 * JavaScript. Same dist/src as the server part (same compiler options), its own build info.
 */
const TESTS = {
  name: 'tests',
  inputs: ['src', 'test', 'scripts', 'bench', 'tsconfig.json', 'package.json', 'package-lock.json'],
  tsconfig: 'tsconfig.json',
  stamp: path.join('dist', '.build', 'tests-inputs.sha256'),
  buildInfo: path.join('dist', '.build', 'tests.tsbuildinfo'),
  output: path.join('dist', 'test', 'security', 'fixtures', 'import-loop.js'),
};
const DASHBOARD = {
  name: 'dashboard',
  inputs: DASHBOARD_INPUTS,
  stamp: path.join('dashboard', 'dist', '.build-inputs.sha256'),
  output: path.join('dashboard', 'dist', 'index.html'),
};

function listFiles(root, rel, out) {
  let stat;
  try {
    stat = fs.statSync(path.join(root, rel));
  } catch {
    return out; // an input that does not exist adds nothing
  }
  if (stat.isFile()) out.push(rel.split(path.sep).join('/'));
  else if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
      listFiles(root, path.join(rel, entry.name), out);
    }
  }
  return out;
}

/** sha256 over every input file's path and bytes, in a fixed order. */
function inputsHash(root, inputs) {
  const files = [...new Set(inputs.flatMap((rel) => listFiles(root, rel, [])))].sort();
  const hash = createHash('sha256');
  for (const rel of files) {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when the part's output exists and was built from inputs with this hash. */
function upToDate(root, part, hash) {
  if (!fs.existsSync(path.join(root, part.output))) return false;
  try {
    return fs.readFileSync(path.join(root, part.stamp), 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

function writeStamp(root, part, hash) {
  fs.mkdirSync(path.dirname(path.join(root, part.stamp)), { recursive: true });
  fs.writeFileSync(path.join(root, part.stamp), `${hash}\n`);
}

/** Runs a package's bin script with this Node; `tools` is the directory holding node_modules. */
function run(root, tools, script, args) {
  const result = spawnSync(process.execPath, [path.join(tools, 'node_modules', script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const err = new Error(`${script} ${args.join(' ')} failed (exit ${result.status})`);
    err.exitCode = result.status ?? 1;
    throw err;
  }
}

const TSC = path.join('typescript', 'bin', 'tsc');
const VITE = path.join('vite', 'bin', 'vite.js');

/**
 * Builds the part unless its stamp matches; returns whether it built. `tools`: where node_modules
 * is (the root itself, unless a test builds a copy).
 */
function buildPart(root, part, { force = false, tools = root } = {}) {
  // Hashed before building: a file edited during the build makes the next build run again.
  const hash = inputsHash(root, part.inputs);
  if (!force && upToDate(root, part, hash)) return false;
  fs.rmSync(path.join(root, part.stamp), { force: true });
  if (part.tsconfig) {
    const buildInfo = path.join(root, part.buildInfo);
    // tsc trusts its build info and never looks at the emitted files: when they are gone (or a
    // full build is asked for), forget it so that everything is emitted again.
    if (force || !fs.existsSync(path.join(root, part.output))) fs.rmSync(buildInfo, { force: true });
    run(root, tools, TSC, ['-p', part.tsconfig, '--incremental', '--tsBuildInfoFile', buildInfo]);
  } else {
    run(root, tools, TSC, ['-p', 'dashboard/tsconfig.json', '--noEmit']);
    run(root, tools, VITE, ['build', '--config', 'dashboard/vite.config.mts', '--logLevel', 'warn']);
  }
  writeStamp(root, part, hash);
  return true;
}

module.exports = { SERVER, DASHBOARD, TESTS, inputsHash, upToDate, buildPart };

if (require.main === module) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const what = args.find((a) => !a.startsWith('--')) ?? 'all';
  const named = { server: [SERVER], dashboard: [DASHBOARD], tests: [TESTS], all: [SERVER, DASHBOARD] };
  if (!named[what] || args.some((a) => a.startsWith('--') && a !== '--force')) {
    console.error('usage: node scripts/build.js [server|dashboard|tests|all] [--force]');
    process.exit(2);
  }
  const root = path.join(__dirname, '..');
  const parts = named[what];
  try {
    const skipped = parts.filter((part) => !buildPart(root, part, { force })).map((part) => part.name);
    if (skipped.length) console.log(`build: ${skipped.join(' and ')} unchanged since the last build, not rebuilt (--force rebuilds)`);
  } catch (err) {
    console.error(`build: ${err.message}`);
    process.exit(err.exitCode ?? 1);
  }
}
