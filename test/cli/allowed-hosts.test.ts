/**
 * FIELDTRAIL_ALLOWED_HOSTS through the real `serve` command: a child process bound to loopback
 * answers a proxy's listed name and refuses any other foreign Host (DNS rebinding), and a bad
 * entry stops start-up with a message naming the variable.
 */
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILED_CLI } from '../support/compiled';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-hosts-'));

/** Status of a POST /graphql carrying this Host header. */
function statusFor(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ __typename }' }));
  });
}

it('serve answers the names in FIELDTRAIL_ALLOWED_HOSTS and loopback names, and refuses others with 421', async () => {
  const env = { ...process.env, FIELDTRAIL_ALLOWED_HOSTS: 'fieldtrail.example.com' };
  const child = spawn(process.execPath, [COMPILED_CLI, 'serve', '--port', '0', '--db', join(dir, 'hosts.db')], { cwd: ROOT, env });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\/graphql/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    expect(await statusFor(port, 'fieldtrail.example.com')).toBe(200);
    expect(await statusFor(port, `localhost:${port}`)).toBe(200);
    expect(await statusFor(port, 'evil.example')).toBe(421);
  } finally {
    const exit = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exit;
  }
});

it('a bad FIELDTRAIL_ALLOWED_HOSTS entry stops serve naming the variable', () => {
  const res = spawnSync(process.execPath, [COMPILED_CLI, 'serve', '--port', '0', '--db', join(dir, 'bad.db')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FIELDTRAIL_ALLOWED_HOSTS: 'https://fieldtrail.example.com' },
    timeout: 60_000,
  });
  expect(res.status).not.toBe(0);
  expect(res.stderr).toContain('FIELDTRAIL_ALLOWED_HOSTS entry "https://fieldtrail.example.com" must be a host name');
});
