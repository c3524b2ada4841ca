/**
 * The server under test runs in its own process, exactly as `fieldtrail serve` runs it (the
 * built JavaScript), so its memory and CPU are its own and the load generator gets the other core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

/** Server processes started and not yet stopped: stopped when a phase fails or the run is interrupted. */
const live = new Set<ChildProcess>();

/** Stops every server process still running (SIGTERM; synchronous, so a signal handler can call it). */
export function killServerProcesses(): number {
  for (const child of live) if (child.exitCode === null) child.kill('SIGTERM');
  const n = live.size;
  live.clear();
  return n;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the "listening" line. */
  listeningMs: number;
  startedAt: number;
  rssMb(): { rss: number; peak: number };
  stop(): Promise<void>;
}

/** The store a server process serves: an embedded database file, or a Neo4j server. */
export type StoreTarget =
  | { store: 'sqlite'; dbPath: string }
  | { store: 'neo4j'; neo4j: { uri: string; user: string; password: string; database?: string } };

/** The environment that points `fieldtrail serve` at a store (FIELDTRAIL_STORE and, for Neo4j, NEO4J_*). */
export function storeEnv(target: StoreTarget): Record<string, string> {
  if (target.store === 'sqlite') return { FIELDTRAIL_STORE: 'sqlite', FIELDTRAIL_DB: target.dbPath };
  const { uri, user, password, database } = target.neo4j;
  return { FIELDTRAIL_STORE: 'neo4j', NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database ?? '' };
}

/**
 * Starts `node dist/src/cli.js serve` on a free loopback port over an existing database (a file
 * path, or a store target), with extra environment variables (`FIELDTRAIL_RESPONSE_CACHE_MB=0`
 * for a server without the answer cache).
 */
export function startServerProcess(root: string, store: string | StoreTarget, env: Record<string, string> = {}): Promise<ServerProcess> {
  const target: StoreTarget = typeof store === 'string' ? { store: 'sqlite', dbPath: store } : store;
  const startedAt = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'dist', 'src', 'cli.js'), 'serve', '--no-seed', '--port', '0', '--host', '127.0.0.1'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', ...storeEnv(target), ...env } },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onExit = (code: number | null) => reject(new Error(`server exited (${code}) before listening:\n${out}\n${err}`));
    child.once('exit', onExit);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+\/graphql)/.exec(out);
      if (!m) return;
      child.off('exit', onExit);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      const pid = child.pid!;
      resolve({
        url: m[1],
        pid,
        listeningMs: performance.now() - startedAt,
        startedAt,
        rssMb() {
          const status = readFileSync(`/proc/${pid}/status`, 'utf8');
          const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
          return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
        },
        stop() {
          return new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          });
        },
      });
    });
  });
}

/**
 * What every benchmark request sends, from fetch and from autocannon alike: answers are cached
 * per Accept header too, so the two must ask the same way.
 */
export const GRAPHQL_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * One GraphQL POST; throws on HTTP or GraphQL errors (a benchmark of errors measures nothing).
 * `timeoutMs`: for answers that may take minutes (the naive N+1 path under load), the request goes
 * through node:http with this timeout instead of fetch, whose client gives up after 300 s.
 */
export async function post(url: string, query: string, variables?: Record<string, unknown>, timeoutMs?: number): Promise<GraphQLAnswer> {
  const payload = JSON.stringify({ query, variables });
  const { status, text } = timeoutMs === undefined ? await viaFetch(url, payload) : await viaHttp(url, payload, timeoutMs);
  let body: GraphQLAnswer;
  try {
    body = JSON.parse(text) as GraphQLAnswer;
  } catch {
    throw new Error(`HTTP ${status}: ${text.slice(0, 500)}`);
  }
  if (status !== 200 || body.errors?.length) {
    throw new Error(`HTTP ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body;
}

async function viaFetch(url: string, payload: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: GRAPHQL_HEADERS, body: payload });
  return { status: res.status, text: await res.text() };
}

function viaHttp(url: string, payload: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...GRAPHQL_HEADERS, 'content-length': Buffer.byteLength(payload) }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
