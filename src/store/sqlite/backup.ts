/**
 * Backups of the embedded store through SQLite's backup API: online (others keep reading and
 * writing while it copies) and consistent; a restore checks the backup before it copies.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ValidationError, type Problem } from '../../domain/problems';
import { MIGRATIONS } from './migrations';

/** An online backup into a new file; an existing file is never overwritten. */
export async function backupTo(db: Database.Database, path: string): Promise<void> {
  if (existsSync(path)) throw new ValidationError([{ path: 'FILE', message: `${path} already exists; choose a new file` }], 'cannot back up');
  await db.backup(path);
}

/**
 * Restores a backup over the database at `targetPath`, through SQLite's backup API (it locks
 * the target while copying). The backup is checked first: a damaged or newer file is refused.
 */
export async function restoreBackup(backupPath: string, targetPath: string): Promise<void> {
  if (!existsSync(backupPath)) throw new ValidationError([{ path: 'FILE', message: `${backupPath} does not exist` }], 'cannot restore');
  let source: Database.Database;
  try {
    source = new Database(backupPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new ValidationError([{ path: 'FILE', message: `${backupPath} is not a SQLite database: ${(err as Error).message}` }], 'cannot restore');
  }
  try {
    const problems: Problem[] = [];
    let check = 'not a database';
    try {
      check = source.pragma('integrity_check', { simple: true }) as string;
    } catch (err) {
      check = (err as Error).message;
    }
    if (check !== 'ok') problems.push({ path: 'FILE', message: `${backupPath} fails integrity_check: ${check}` });
    const version = problems.length ? 0 : (source.pragma('user_version', { simple: true }) as number);
    const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
    if (!problems.length && (version < 1 || version > latest)) problems.push({ path: 'FILE', message: `${backupPath} has schema version ${version}; this FieldTrail reads 1 to ${latest}` });
    if (problems.length) throw new ValidationError(problems, 'cannot restore');
    mkdirSync(dirname(targetPath), { recursive: true });
    await source.backup(targetPath);
  } finally {
    source.close();
  }
}
