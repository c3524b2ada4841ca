/**
 * `fieldtrail copy` SQLite → Neo4j → SQLite round-trips an M-scale inventory (bench/generate.ts:
 * 10 000 fields, 1 000 parties, 50 000 flows) byte for byte: the `fieldtrail export --format json`
 * text of the final SQLite file equals that of the source file. Each copy is a real
 * `fieldtrail copy` process, as a user runs it: in this jest process the copy's own verification
 * (node:util isDeepStrictEqual) would compare arrays from two realms (jest's sandbox and the
 * native SQLite driver's) and fail on their prototypes alone. Slow by nature, so in a file of its
 * own (`npx jest test/store/copy-round-trip.test.ts`); runs only when Neo4j is configured.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInventory } from '../../bench/generate';
import { InventoryService } from '../../src/services/inventory-service';
import { serializeManifest } from '../../src/services/manifest-files';
import type { InventoryStore } from '../../src/store/inventory-store';
import { openStoreUrl } from '../../src/composition';
import { expectNeo4jLeftEmpty, neo4jTestSettings } from '../support/neo4j';
import { openTestStore, testStoreKinds } from '../support/stores';
import { COMPILED_CLI } from '../support/compiled';

const TIMEOUT = 30 * 60_000;
const ROOT = join(__dirname, '..', '..');
/** The compiled CLI (built once per run by jest's global setup). */
const CLI = [COMPILED_CLI];

/** `fieldtrail ARGS` in a child process; resolves with its exit code and output. */
function fieldtrail(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, FIELDTRAIL_STORE: '', ...env }, timeout: TIMEOUT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What `fieldtrail export --format json` prints for the store named by URL. */
async function exportJson(url: string): Promise<string> {
  const store = await openStoreUrl(url, {});
  try {
    return serializeManifest(await new InventoryService(store).exportManifest(), 'json');
  } finally {
    await store.close();
  }
}

if (testStoreKinds().includes('neo4j')) {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-copy-'));
  const source = `sqlite:${join(dir, 'source.db')}`;
  const back = `sqlite:${join(dir, 'back.db')}`;
  const settings = neo4jTestSettings()!;
  // `fieldtrail copy` takes the Neo4j credentials from the environment, as a user would give them.
  const env: NodeJS.ProcessEnv = { NEO4J_URI: '', NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password, NEO4J_DATABASE: settings.database ?? '' };
  /** Holds the test Neo4j (the cross-process lock) for the copies; closing it empties the database. */
  let held: InventoryStore | undefined;
  const { manifest } = generateInventory('M');
  const nodes = (['documents', 'categories', 'fields', 'purposes', 'permissions', 'parties', 'legalBases', 'flows'] as const)
    .reduce((n, list) => n + (manifest[list]?.length ?? 0), 0);

  beforeAll(async () => {
    const sqlite = await openStoreUrl(source, {});
    try {
      await new InventoryService(sqlite).importManifest(manifest, 'REPLACE');
    } finally {
      await sqlite.close();
    }
    held = await openTestStore('neo4j');
  }, TIMEOUT);

  afterAll(async () => {
    await held?.close();
    rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);
  // After the held store is closed (above), the test database holds nothing.
  afterAll(expectNeo4jLeftEmpty);

  test('copy SQLite → Neo4j → SQLite gives the same export JSON, byte for byte', async () => {
    // The whole M inventory: 10 000 fields, 1 000 parties and 50 000 flows, plus their vocabulary.
    expect(nodes).toBeGreaterThan(61_000);
    const location = `neo4j:${settings.uri}${settings.database ? `/${settings.database}` : ''}`;
    const there = await fieldtrail(['copy', '--from', source, '--to', settings.uri], env);
    expect(there.stderr).toBe('');
    expect(there.stdout).toBe(`copied ${nodes} nodes from ${source} to ${location}; the exports are identical\n`);
    const home = await fieldtrail(['copy', '--from', settings.uri, '--to', back], env);
    expect(home.stderr).toBe('');
    expect(home.stdout).toBe(`copied ${nodes} nodes from ${location} to ${back}; the exports are identical\n`);

    const [before, after] = [await exportJson(source), await exportJson(back)];
    expect(before.length).toBeGreaterThan(10_000_000);
    // Compared as text, not parsed: byte for byte. On a mismatch, say where instead of printing megabytes.
    if (after !== before) {
      let at = 0;
      while (at < before.length && before[at] === after[at]) at++;
      throw new Error(`the round-tripped export differs from the source at character ${at}:\n  source: ${JSON.stringify(before.slice(Math.max(0, at - 200), at + 200))}\n  copy:   ${JSON.stringify(after.slice(Math.max(0, at - 200), at + 200))}`);
    }
    expect(after.length).toBe(before.length);
  }, TIMEOUT);
} else {
  test.skip('fieldtrail copy SQLite → Neo4j → SQLite round trip (no Neo4j configured: run npm run neo4j:start)', () => undefined);
}
