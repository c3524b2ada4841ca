/**
 * Backups of the embedded store through SQLite's backup API: online (others keep reading and
 * writing while it copies) and consistent; a restore checks the backup before it copies.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ValidationError, type Problem } from '../../domain/problems';
import { auditLogSummary, type AuditLogSummary } from './change-log';
import { MIGRATIONS } from './migrations';

/** What a restore did to the audit log, read before it copies: for the RESTORE entry it leaves. */
export interface RestoredLogs {
  /** The log the backup brings (its hashes, if it predates them, are computed when it is opened). */
  restored: AuditLogSummary;
  /** The log of the database replaced; null where there was none (no file, or no audit log in it). */
  replaced: AuditLogSummary | null;
  /** Entries of the replaced log after the restored log's last entry: what the restore took out of the log. */
  dropped: number;
}

/** An online backup into a new file; an existing file is never overwritten. */
export async function backupTo(db: Database.Database, path: string): Promise<void> {
  if (existsSync(path)) throw new ValidationError([{ path: 'FILE', message: `${path} already exists; choose a new file` }], 'cannot back up');
  await db.backup(path);
}

/**
 * Restores a backup over the database at `targetPath`, through SQLite's backup API (it locks
 * the target while copying). The backup is checked first: a damaged or newer file is refused.
 */
export async function restoreBackup(backupPath: string, targetPath: string): Promise<RestoredLogs> {
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
    const restored = hasAuditLog(source) ? auditLogSummary(source) : { entries: 0, lastId: null, lastHash: null };
    const { replaced, dropped } = replacedLog(targetPath, Number(restored.lastId ?? 0));
    mkdirSync(dirname(targetPath), { recursive: true });
    await source.backup(targetPath);
    return { restored, replaced, dropped };
  } finally {
    source.close();
  }
}

function hasAuditLog(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !== undefined;
}

/** The audit log a restore is about to replace, and how many of its entries come after `restoredLastId`. */
function replacedLog(targetPath: string, restoredLastId: number): { replaced: AuditLogSummary | null; dropped: number } {
  if (!existsSync(targetPath)) return { replaced: null, dropped: 0 };
  let target: Database.Database | null = null;
  try {
    target = new Database(targetPath, { readonly: true, fileMustExist: true });
    if (!hasAuditLog(target)) return { replaced: null, dropped: 0 };
    const { n } = target.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE id > ?').get(restoredLastId) as { n: number };
    return { replaced: auditLogSummary(target), dropped: n };
  } catch {
    // A file that is no database (or a damaged one) has no log to account for; the restore replaces it.
    return { replaced: null, dropped: 0 };
  } finally {
    target?.close();
  }
}
