/**
 * The audit log from the command line, as a user (or an intruder with the file) meets it: key
 * management and snapshots are audited by the OS user who ran them, a restore leaves an entry
 * saying what it restored and dropped, and `fieldtrail audit verify` names the first entry that
 * was forged, removed or edited behind FieldTrail's back with raw SQL on the file.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { COMPILED_CLI, ROOT } from '../support/compiled';
import { syntheticInventory } from '../support/synthetic';

const dir = mkdtempSync(join(tmpdir(), 'fieldtrail-audit-cli-'));
const ACTOR = `cli:${userInfo().username}`;

function run(args: string[]) {
  const res = spawnSync(process.execPath, [COMPILED_CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FIELDTRAIL_DB: join(dir, 'default.db') }, timeout: 60_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

interface Row {
  id: number;
  actor: string;
  operation: string;
  entity_type: string;
  entity_key: string;
  before: string | null;
  after: string | null;
  previous_hash: string | null;
  hash: string | null;
}

function rows(db: string): Row[] {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
  } finally {
    raw.close();
  }
}

/** Raw SQL on the file, as someone with write access to it (not through FieldTrail). */
function tamper(db: string, sql: string): void {
  const raw = new Database(db);
  try {
    raw.exec(sql);
  } finally {
    raw.close();
  }
}

let files = 0;
/** A database with a few audited changes (an import, three purposes merged one by one, a key), made once by the CLI. */
let template: string;
beforeAll(() => {
  template = join(dir, 'template.db');
  writeFileSync(join(dir, 'inventory.json'), JSON.stringify(syntheticInventory(5)));
  expect(run(['import', join(dir, 'inventory.json'), '--db', template]).code).toBe(0);
  for (const key of ['p1', 'p2', 'p3']) {
    writeFileSync(join(dir, `${key}.yaml`), `purposes:\n  - key: ${key}\n    name: ${key}\n    functionType: BASIC\n`);
    expect(run(['import', join(dir, `${key}.yaml`), '--db', template]).code).toBe(0);
  }
  expect(run(['keys', 'create', 'ci-importer', '--role', 'editor', '--db', template]).code).toBe(0);
});

/** A copy of the template (the CLI closed it, so the file holds everything: no WAL left beside it). */
function auditedDatabase(): string {
  const db = join(dir, `audited-${++files}.db`);
  copyFileSync(template, db);
  return db;
}

describe('audited on the command line', () => {
  it('records keys create and keys revoke with the OS user, never the key hash', () => {
    const db = auditedDatabase();
    const created = run(['keys', 'create', 'ci-importer', '--role', 'editor', '--db', db]);
    expect(created.code).toBe(0);
    const id = /created editor key ([0-9a-f]{12})/.exec(created.stderr)![1];
    expect(run(['keys', 'revoke', id, '--db', db]).code).toBe(0);
    expect(run(['keys', 'revoke', id, '--db', db]).code).toBe(1); // already revoked: nothing recorded

    const log = rows(db);
    const keyEntries = log.filter((r) => r.entity_type === 'api-key' && r.entity_key === id);
    expect(keyEntries.map((r) => [r.operation, r.actor, r.entity_key])).toEqual([
      ['API_KEY_CREATE', ACTOR, id],
      ['API_KEY_REVOKE', ACTOR, id],
    ]);
    expect(JSON.parse(keyEntries[0].after!)).toMatchObject({ name: 'ci-importer', role: 'editor' });
    expect(JSON.parse(keyEntries[1].after!)).toMatchObject({ name: 'ci-importer', revokedAt: expect.any(String) });
    expect(JSON.stringify(keyEntries)).not.toContain('scrypt');
  });

  it('records a snapshot with the OS user', () => {
    const db = auditedDatabase();
    expect(run(['snapshot', '--label', 'v1', '--db', db]).code).toBe(0);
    const last = rows(db).pop()!;
    expect(last).toMatchObject({ operation: 'SNAPSHOT', entity_type: 'snapshot', entity_key: 'v1', actor: ACTOR });
  });
});

describe('restore', () => {
  it('appends a RESTORE entry naming the backup, what it restored and what it dropped, linked to the restored log', () => {
    const db = auditedDatabase();
    const backup = join(dir, `backup-${files}.db`);
    expect(run(['backup', backup, '--db', db]).code).toBe(0);
    const atBackup = rows(backup);
    // Two more changes after the backup: the restore takes them out of the log.
    for (const key of ['late-1', 'late-2']) {
      writeFileSync(join(dir, `${key}.yaml`), `purposes:\n  - key: ${key}\n    name: ${key}\n    functionType: BASIC\n`);
      expect(run(['import', join(dir, `${key}.yaml`), '--db', db]).code).toBe(0);
    }
    const replaced = rows(db);

    const res = run(['restore', backup, '--db', db]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`${atBackup.length} entries restored, 2 entries of the replaced log dropped`);

    const log = rows(db);
    expect(log).toHaveLength(atBackup.length + 1);
    const entry = log[log.length - 1];
    expect(entry).toMatchObject({ operation: 'RESTORE', entity_type: 'inventory', actor: ACTOR, previous_hash: atBackup[atBackup.length - 1].hash });
    expect(JSON.parse(entry.after!)).toEqual({
      backup,
      log: { entries: atBackup.length, lastId: String(atBackup[atBackup.length - 1].id), lastHash: atBackup[atBackup.length - 1].hash },
      droppedEntries: 2,
    });
    expect(JSON.parse(entry.before!)).toEqual({
      log: { entries: replaced.length, lastId: String(replaced[replaced.length - 1].id), lastHash: replaced[replaced.length - 1].hash },
    });
    const verified = run(['audit', 'verify', '--db', db]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`${log.length} entries, chain intact, last hash ${entry.hash}`);
  });
});

describe('audit verify', () => {
  it('reports an intact chain with its length and last hash', () => {
    const db = auditedDatabase();
    const log = rows(db);
    const res = run(['audit', 'verify', '--db', db]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toBe(`${log.length} entries, chain intact, last hash ${log[log.length - 1].hash} (entry ${log[log.length - 1].id})`);
  });

  it('names a forged entry INSERTed with raw SQL', () => {
    const db = auditedDatabase();
    tamper(db, `INSERT INTO audit_log (at, actor, operation, entity_type, entity_key, before, after)
      VALUES ('2026-12-06T10:00:00.000Z', 'key:aaaaaaaaaaaa', 'DELETE', 'purpose', 'p9', '{"key":"p9"}', NULL)`);
    const forged = rows(db).pop()!;
    const res = run(['audit', 'verify', '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`audit log broken at entry ${forged.id}:`);
    expect(res.stderr).toContain(`${forged.id - 1} entries before it are intact`);
  });

  it('names a forged entry that copies the link of the entry before it but cannot give the right hash', () => {
    const db = auditedDatabase();
    const last = rows(db).pop()!;
    tamper(db, `INSERT INTO audit_log (at, actor, operation, entity_type, entity_key, before, after, previous_hash, hash)
      VALUES ('2026-12-06T10:00:00.000Z', 'cli:root', 'DELETE', 'purpose', 'p9', NULL, NULL, '${last.hash}', '${'f'.repeat(64)}')`);
    const res = run(['audit', 'verify', '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`audit log broken at entry ${last.id + 1}: its hash is ${'f'.repeat(64)}`);
  });

  it('names the entry after one deleted once the append-only trigger was dropped', () => {
    const db = auditedDatabase();
    const log = rows(db);
    const victim = log[2];
    tamper(db, `DROP TRIGGER audit_log_append_only_delete; DELETE FROM audit_log WHERE id = ${victim.id};`);
    const res = run(['audit', 'verify', '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`audit log broken at entry ${log[3].id}: it links to ${log[3].previous_hash}, expected ${log[1].hash}`);
  });

  it('names an entry edited once the append-only trigger was dropped', () => {
    const db = auditedDatabase();
    const log = rows(db);
    const victim = log[1];
    tamper(db, `DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET actor = 'cli:someone-else' WHERE id = ${victim.id};`);
    const res = run(['audit', 'verify', '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`audit log broken at entry ${victim.id}: its hash is ${victim.hash}, expected `);
    expect(res.stderr).toContain('it was changed after it was written');
  });

  it('with --expect-hash, names a log cut short after a hash kept from an earlier verify', () => {
    const db = auditedDatabase();
    const log = rows(db);
    const kept = log[log.length - 1].hash!;
    expect(run(['audit', 'verify', '--expect-hash', kept, '--db', db]).code).toBe(0);
    // The newest entries deleted: what is left is still a whole chain, but no longer holds the kept hash.
    tamper(db, `DROP TRIGGER audit_log_append_only_delete; DELETE FROM audit_log WHERE id >= ${log[log.length - 2].id};`);
    expect(run(['audit', 'verify', '--db', db]).code).toBe(0);
    const res = run(['audit', 'verify', '--expect-hash', kept, '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`the chain of ${log.length - 2} entries is intact but holds no entry with hash ${kept}`);
    expect(run(['audit', 'verify', '--expect-hash', log[0].hash!, '--db', db]).code).toBe(0);
    expect(run(['audit', 'verify', '--expect-hash', 'abc', '--db', db]).stderr).toContain('--expect-hash takes a SHA-256 hash');
  });

  it('takes no other action or argument', () => {
    const db = auditedDatabase();
    expect(run(['audit', '--db', db]).code).toBe(2);
    expect(run(['audit', 'check', '--db', db]).stderr).toContain('audit takes verify, got "check"');
    expect(run(['audit', 'verify', 'extra', '--db', db]).code).toBe(2);
  });
});
