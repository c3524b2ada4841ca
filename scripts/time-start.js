#!/usr/bin/env node
/**
 * Times `npm start` to its first answer: spawn, the prestart build, the server listening, and one
 * `{ __typename }` POST answered. `node scripts/time-start.js [runs]` (default 3) prints each run
 * and the median. The server gets a free loopback port and a throw-away in-memory database, so
 * nothing else on the machine (or in data/) is touched.
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');

function once() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // detached: the npm → sh → node chain gets its own process group, stopped as one below.
    const child = spawn('npm', ['start', '--', '--port', '0', '--host', '127.0.0.1', '--db', ':memory:'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before answering:\n${out}`)));
    child.stdout.on('data', async (d) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+\/graphql)/.exec(out);
      if (!m || out.includes('\u0000answered')) return;
      out += '\u0000answered';
      try {
        const res = await fetch(m[1], { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        await res.json();
        const ms = performance.now() - t0;
        child.removeAllListeners('exit');
        child.once('exit', () => resolve(ms));
        stop();
      } catch (err) {
        stop();
        reject(err);
      }
    });
  });
}

(async () => {
  const runs = Number(process.argv[2] ?? 3);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const ms = await once();
    times.push(ms);
    console.log(`run ${i + 1}: ${(ms / 1000).toFixed(2)} s to the first answer`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`median ${(sorted[Math.floor((sorted.length - 1) / 2)] / 1000).toFixed(2)} s over ${runs} runs`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
