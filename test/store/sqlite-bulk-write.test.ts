/**
 * What only the SQLite adapter's bulk writes do: migration 5 (flow lists and citations as
 * WITHOUT ROWID tables) on a database that has data, references proven in JS instead of by
 * foreign_key_check for writes into an empty inventory, and CHECKs off for bulk writes whose
 * values were checked in JS. Each shortcut must give the same answers as the checks it replaces.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Manifest } from '../../src/domain/manifest';
import { ReferencedError, ValidationError, type Problem } from '../../src/domain/problems';
import { parseManifest } from '../../src/domain/validate';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store';
import { fixtureFlow, inventory, ordered, tinyInventoryInput } from './fixtures';
import { databaseAtVersion } from './sqlite-old-schema';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldtrail-bulk-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
let files = 0;
const newFile = () => path.join(tempDir, `db-${++files}.db`);

async function opened(file = ':memory:'): Promise<SqliteStore> {
  const store = new SqliteStore({ path: file });
  await store.migrate();
  return store;
}

const mentions = (problems: Problem[], key: string): boolean => problems.some((p) => p.path.includes(key) || p.message.includes(key));

async function rejection<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/**
 * The message a write fails with. (Not `rejects.toThrow`: better-sqlite3 makes its errors with the
 * Error class of the first test file that loaded it, which later files' jest does not see as one.)
 */
const failure = (write: Promise<unknown>): Promise<string> => write.then(() => 'no failure', (e: { message?: unknown }) => String(e?.message));

/** A manifest as a caller that skips parseManifest might hand it over. */
const unchecked = (m: unknown): Manifest => m as Manifest;

describe('migration 5', () => {
  test('rebuilds the flow lists and citations of a version 4 database with data, keeping every row', async () => {
    const file = newFile();
    await databaseAtVersion(file, 4, inventory());
    // Read through the adapter without migrating: the audit log is the same table at version 4.
    const old = new SqliteStore({ path: file });
    const auditBefore = await old.listAuditEntries({}, { first: 100 });
    await old.close();

    const store = await opened(file);
    try {
      expect(await store.exportManifest()).toEqual(ordered(inventory()));
      // The entries are kept; later migrations add their hash-chain links (contract-audit.ts).
      const withoutLinks = (page: typeof auditBefore) => ({ ...page, nodes: page.nodes.map(({ previousHash: _p, hash: _h, ...entry }) => entry) });
      expect(withoutLinks(await store.listAuditEntries({}, { first: 100 }))).toEqual(withoutLinks(auditBefore));
      expect(await store.related('flow.carriedFields', ['share-umeng', 'upload'])).toEqual(await carriedOnAFreshStore(['share-umeng', 'upload']));
      await store.write(inventory(), 'MERGE');
      await expect(store.deleteNodes('field', ['imei'])).rejects.toThrow(ReferencedError);
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
      expect(check.pragma('foreign_key_check')).toEqual([]);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const table of ['flow_fields', 'flow_categories', 'flow_purposes', 'flow_legal_bases', 'flow_permissions', 'sources']) {
        expect(check.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(table)).toMatch(/WITHOUT ROWID$/);
      }
      const indexes = check.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).pluck().all();
      expect(indexes).toEqual(expect.arrayContaining([
        'flow_categories_by_target', 'flow_fields_by_target', 'flow_legal_bases_by_target', 'flow_permissions_by_target',
        'flow_purposes_by_target', 'sources_by_clause',
      ]));
      expect(check.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'view'`).pluck().get()).toBe(2);
    } finally {
      check.close();
    }
  });
});

/** What a store made at the latest version answers (the view over the rebuilt tables must agree). */
async function carriedOnAFreshStore(flows: string[]): Promise<string[][]> {
  const store = await opened();
  try {
    await store.write(inventory(), 'REPLACE');
    return await store.related('flow.carriedFields', flows);
  } finally {
    await store.close();
  }
}

describe('order of the nodes in a manifest', () => {
  test('makes no difference: rows go in in key order, and of two nodes with one key the later wins', async () => {
    const m = inventory();
    const reversed = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Array.isArray(v) ? [...v].reverse() : v])) as Manifest;
    const first = [...m.parties].sort((a, b) => (a.key < b.key ? -1 : 1))[0];
    const store = await opened();
    try {
      await store.write(reversed, 'REPLACE');
      expect(await store.exportManifest()).toEqual(ordered(m));
      await store.write(unchecked({ ...reversed, parties: [...reversed.parties, { ...first, name: 'Written later' }] }), 'REPLACE');
      expect((await store.getNodes('party', [first.key]))[0]?.name).toBe('Written later');
    } finally {
      await store.close();
    }
  });
});

describe('references of a write into an empty inventory', () => {
  const dangling: Array<[string, (m: Manifest) => Manifest, string]> = [
    ['a flow from a party that does not exist', (m) => ({ ...m, flows: [...m.flows, { ...fixtureFlow('upload'), key: 'ghost-flow', from: 'nobody' }] }), 'ghost-flow'],
    ['a flow carrying a field that does not exist', (m) => ({ ...m, flows: [...m.flows, { ...fixtureFlow('upload'), key: 'odd-flow', fields: ['no-such-field'] }] }), 'no-such-field'],
    ['a flow naming a legal basis that does not exist', (m) => ({ ...m, flows: [...m.flows, { ...fixtureFlow('upload'), key: 'odd-flow', legalBases: ['no-such-basis'] }] }), 'no-such-basis'],
    ['a field in a category that does not exist', (m) => ({ ...m, fields: [...m.fields, { key: 'orphan-field', name: 'Orphan', category: 'no-such-category', sources: [] }] }), 'orphan-field'],
    ['a category under one that does not exist', (m) => ({ ...m, categories: [...m.categories, { key: 'orphan-category', name: 'Orphan', parent: 'no-such-parent', sources: [] }] }), 'orphan-category'],
    ['a node citing a clause that does not exist', (m) => ({ ...m, purposes: [...m.purposes, { key: 'odd-purpose', name: 'Odd', functionType: 'BASIC', sources: ['privacy-2021#99.99'] }] }), 'odd-purpose'],
    ['a key that is not a string', (m) => ({ ...m, flows: [...m.flows, { ...fixtureFlow('upload'), key: 'odd-flow', fields: [42 as unknown as string] }] }), '42'],
  ];

  test.each(dangling)('%s: REPLACE fails, naming it, and keeps the old inventory', async (_, broken, offender) => {
    const store = await opened(newFile());
    try {
      await store.write(parseManifest(tinyInventoryInput()), 'REPLACE');
      const before = await store.exportManifest();
      const error = await rejection(store.write(broken(inventory()), 'REPLACE'), ValidationError);
      expect(mentions(error.problems, offender)).toBe(true);
      expect(await store.exportManifest()).toEqual(before);
    } finally {
      await store.close();
    }
  });

  test.each(dangling)('%s: MERGE into an empty store fails the same way', async (_, broken, offender) => {
    const store = await opened();
    try {
      const error = await rejection(store.write(broken(inventory()), 'MERGE'), ValidationError);
      expect(mentions(error.problems, offender)).toBe(true);
      expect(await store.exportManifest()).toEqual(parseManifest({}));
    } finally {
      await store.close();
    }
  });

  test('a foreign key the proof does not know of is checked by SQLite', async () => {
    const file = newFile();
    const store = await opened(file);
    try {
      await store.write(inventory(), 'REPLACE');
      const raw = new Database(file);
      raw.exec(`CREATE TABLE reviews (flow_key TEXT NOT NULL REFERENCES flows(key) DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO reviews VALUES ('share-umeng');`);
      raw.close();
      const keep = inventory();
      const error = await rejection(store.write({ ...keep, flows: keep.flows.filter((f) => f.key !== 'share-umeng') }, 'REPLACE'), ValidationError);
      expect(mentions(error.problems, 'flows')).toBe(true);
      expect((await store.exportManifest()).flows.map((f) => f.key)).toContain('share-umeng');
    } finally {
      await store.close();
    }
  });
});

describe('CHECK constraints of bulk writes', () => {
  const invalid: Array<[string, (m: Manifest) => unknown]> = [
    ['flow kind', (m) => ({ ...m, flows: m.flows.map((f, i) => (i === 0 ? { ...f, kind: 'SMUGGLING' } : f)) })],
    ['consent', (m) => ({ ...m, flows: m.flows.map((f, i) => (i === 0 ? { ...f, consent: 'MAYBE' } : f)) })],
    ['party kind', (m) => ({ ...m, parties: m.parties.map((p, i) => (i === 0 ? { ...p, kind: 'FRIEND' } : p)) })],
    ['function type', (m) => ({ ...m, purposes: m.purposes.map((p, i) => (i === 0 ? { ...p, functionType: 'OPTIONAL' } : p)) })],
    ['sensitive class of a field', (m) => ({ ...m, fields: m.fields.map((f, i) => (i === 0 ? { ...f, sensitive: true, sensitiveClass: 'GOSSIP' } : f)) })],
    ['sensitive class of a category', (m) => ({ ...m, categories: m.categories.map((c, i) => (i === 0 ? { ...c, sensitive: true, sensitiveClass: 'GOSSIP' } : c)) })],
  ];

  test.each(invalid)('an invalid %s still fails a REPLACE, which keeps the old inventory', async (_, spoil) => {
    const store = await opened();
    try {
      await store.write(inventory(), 'REPLACE');
      const before = await store.exportManifest();
      expect(await failure(store.write(unchecked(spoil(inventory())), 'REPLACE'))).toMatch(/CHECK constraint failed/);
      expect(await store.exportManifest()).toEqual(before);
    } finally {
      await store.close();
    }
  });

  test('a database whose CHECKs differ from the vocabularies (made by another version) keeps its own', async () => {
    const file = newFile();
    const raw = new Database(file);
    // As if made when flows could not yet be TRANSFERs.
    for (const m of MIGRATIONS) raw.exec(m.version === 1 ? m.sql.replace("'PROVISION', 'TRANSFER', ", "'PROVISION', ") : m.sql);
    raw.pragma(`user_version = ${MIGRATIONS[MIGRATIONS.length - 1].version}`);
    raw.close();
    const store = await opened(file);
    try {
      const m = inventory();
      const transfer = { ...m, flows: m.flows.map((f, i) => (i === 0 ? { ...f, kind: 'TRANSFER' as const } : f)) };
      expect(await failure(store.write(transfer, 'REPLACE'))).toMatch(/CHECK constraint failed/);
      await store.write(m, 'REPLACE');
      expect(await store.exportManifest()).toEqual(ordered(m));
    } finally {
      await store.close();
    }
  });

  test('are on again after a bulk write, whether it committed or failed', async () => {
    const store = await opened();
    try {
      await store.write(inventory(), 'REPLACE');
      await expect(store.write(unchecked({ ...inventory(), flows: [], fields: [{ key: 'x', name: 'X', category: 'no-such', sources: [] }] }), 'REPLACE')).rejects.toThrow(ValidationError);
      const [flow] = inventory().flows;
      expect(await failure(store.write(unchecked({ ...parseManifest({}), flows: [{ ...flow, kind: 'SMUGGLING' }] }), 'MERGE'))).toMatch(/CHECK constraint failed/);
    } finally {
      await store.close();
    }
  });
});
