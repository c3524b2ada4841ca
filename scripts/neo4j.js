#!/usr/bin/env node
/**
 * The project's own Neo4j for tests and local runs: `npm run neo4j:start` builds the Maven
 * module in neo4j-test-server/ (the official neo4j-harness, 5.26 LTS), starts it in the
 * background with Bolt on 127.0.0.1 and authentication on, waits until Bolt answers, and writes
 * the settings to .neo4j/env. `npm run neo4j:stop` stops it. Plain JavaScript: no transpile.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const MODULE = path.join(ROOT, 'neo4j-test-server');
const STATE = path.join(ROOT, '.neo4j');
const FILES = {
  env: path.join(STATE, 'env'),
  pid: path.join(STATE, 'pid'),
  log: path.join(STATE, 'server.log'),
  data: path.join(STATE, 'data'),
};
const START_TIMEOUT_MS = 180_000;

function fail(message) {
  process.stderr.write(`neo4j: ${message}\n`);
  process.exit(1);
}

/** The major Java version on PATH, or a message saying what is missing. */
function checkTools() {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error) {
    fail('Java 17 or newer is needed to run the project\'s Neo4j, and `java` is not on PATH (Debian: apt-get install openjdk-17-jdk-headless maven).');
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${java.stderr}${java.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) fail(`Java 17 or newer is needed to run Neo4j 5; \`java -version\` says ${JSON.stringify((java.stderr || '').split('\n')[0])}.`);
  const mvn = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (mvn.error) fail('Maven is needed to build neo4j-test-server/, and `mvn` is not on PATH (Debian: apt-get install maven).');
}

/** Builds the module unless its classes and classpath are newer than its sources. */
function build() {
  const classpath = path.join(MODULE, 'target', 'classpath.txt');
  const sources = [path.join(MODULE, 'pom.xml'), ...listFiles(path.join(MODULE, 'src'))];
  const built = fs.existsSync(classpath) ? fs.statSync(classpath).mtimeMs : 0;
  if (built && sources.every((f) => fs.statSync(f).mtimeMs <= built)) return fs.readFileSync(classpath, 'utf8').trim();
  process.stdout.write('neo4j: building neo4j-test-server (Maven; the first build downloads Neo4j from Maven Central)…\n');
  const result = spawnSync('mvn', ['-q', '-B', '-f', path.join(MODULE, 'pom.xml'), 'compile'], { stdio: 'inherit' });
  if (result.status !== 0) fail('the Maven build of neo4j-test-server failed (its output is above).');
  return fs.readFileSync(classpath, 'utf8').trim();
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function readEnv() {
  if (!fs.existsSync(FILES.env)) return null;
  const env = {};
  for (const line of fs.readFileSync(FILES.env, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  return env.NEO4J_URI ? env : null;
}

function runningPid() {
  if (!fs.existsSync(FILES.pid)) return null;
  const pid = Number(fs.readFileSync(FILES.pid, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function boltAnswers(env) {
  const neo4j = require('neo4j-driver');
  const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USER, env.NEO4J_PASSWORD));
  try {
    await driver.verifyConnectivity();
    return true;
  } catch (err) {
    return err;
  } finally {
    await driver.close();
  }
}

/**
 * How many databases to start: Neo4j Community has one user database per server, and test files
 * running in parallel jest workers each need one (FIELDTRAIL_NEO4J_INSTANCES, default 2).
 */
function instanceCount() {
  const raw = process.env.FIELDTRAIL_NEO4J_INSTANCES ?? '2';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 8) fail(`FIELDTRAIL_NEO4J_INSTANCES must be a whole number from 1 to 8, not ${JSON.stringify(raw)}.`);
  return n;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function start() {
  const existing = readEnv();
  if (runningPid() && existing && (await boltAnswers(existing)) === true) {
    process.stdout.write(`neo4j: already running at ${existing.NEO4J_URI} (settings in .neo4j/env)\n`);
    return;
  }
  await stop({ quiet: true });
  checkTools();
  const classpath = build();
  fs.mkdirSync(STATE, { recursive: true });
  fs.rmSync(FILES.data, { recursive: true, force: true });
  const password = crypto.randomBytes(18).toString('base64url');
  const log = fs.openSync(FILES.log, 'w');
  const instances = instanceCount();
  // 2 GB of heap per database unless told otherwise (the M-scale copy test needs about that).
  const heap = process.env.FIELDTRAIL_NEO4J_HEAP ?? `${2 * instances}g`;
  const child = spawn(
    'java',
    [`-Xmx${heap}`, '-XX:+UseG1GC', '-cp', `${path.join(MODULE, 'target', 'classes')}${path.delimiter}${classpath}`, 'dev.fieldtrail.testserver.TestNeo4j', '0', password, FILES.data, String(instances)],
    { detached: true, stdio: ['ignore', log, log] },
  );
  child.unref();
  fs.writeFileSync(FILES.pid, String(child.pid));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let uris = null;
  while (Date.now() < deadline) {
    await sleep(500);
    if (runningPid() === null) fail(`the Neo4j process exited during start-up; see .neo4j/server.log:\n${tail(FILES.log)}`);
    const ready = /^READY (bolt:.*)$/m.exec(fs.readFileSync(FILES.log, 'utf8'));
    if (ready) {
      uris = ready[1].trim().split(/\s+/).map((bolt) => `neo4j://127.0.0.1:${/:(\d+)\/?$/.exec(bolt)[1]}`);
      break;
    }
  }
  const uri = uris && uris[0];
  if (!uri) {
    await stop({ quiet: true });
    fail(`Neo4j did not start within ${START_TIMEOUT_MS / 1000} s; see .neo4j/server.log:\n${tail(FILES.log)}`);
  }
  for (const each of uris) {
    const env = { NEO4J_URI: each, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password };
    let answer;
    while (Date.now() < deadline && (answer = await boltAnswers(env)) !== true) await sleep(500);
    if (answer !== true) {
      await stop({ quiet: true });
      fail(`Neo4j started but Bolt at ${each} does not answer: ${answer && answer.message}`);
    }
  }
  // NEO4J_URI is the server for local runs and the bench; the tests give each jest worker one of
  // FIELDTRAIL_TEST_NEO4J_URIS (test/support/neo4j.ts).
  fs.writeFileSync(
    FILES.env,
    `NEO4J_URI=${uri}\nNEO4J_USER=neo4j\nNEO4J_PASSWORD=${password}\nFIELDTRAIL_TEST_NEO4J_URIS=${uris.join(',')}\n`,
    { mode: 0o600 },
  );
  const where = uris.length === 1 ? uri : `${uris.join(', ')} (one database each)`;
  process.stdout.write(`neo4j: Neo4j 5.26 running at ${where} (pid ${child.pid}); settings in .neo4j/env\n`);
}

async function stop({ quiet = false } = {}) {
  const pid = runningPid();
  if (pid) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 60_000;
    while (runningPid() && Date.now() < deadline) await sleep(250);
    if (runningPid()) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(FILES.pid, { force: true });
  fs.rmSync(FILES.env, { force: true });
  if (!quiet) process.stdout.write(pid ? `neo4j: stopped (pid ${pid})\n` : 'neo4j: not running\n');
}

function tail(file) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

const command = process.argv[2];
const commands = { start, stop: () => stop() };
if (!commands[command]) fail('usage: node scripts/neo4j.js start|stop');
commands[command]().catch((err) => fail(err && err.stack ? err.stack : String(err)));
