/**
 * A connection and its prepared statements, shared by the modules of the embedded store:
 * preparing costs more than most reads here, so a statement sent again is prepared once.
 */
import type Database from 'better-sqlite3';
import type { Row } from './rows';

export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();
  /** Statements that return rows as arrays (see pairs()). */
  private readonly rawCache = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) this.cache.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** A cached statement that returns rows as arrays rather than objects. */
  raw(sql: string): Database.Statement {
    let st = this.rawCache.get(sql);
    if (!st) this.rawCache.set(sql, (st = this.db.prepare(sql).raw()));
    return st;
  }

  /** Runs a query through the statement cache. */
  all(sql: string, ...params: unknown[]): Row[] {
    return this.prepared(sql).all(...params) as Row[];
  }

  /** Runs `SELECT k, v …` (raw rows: no object per row) into k → [v, …] in row order. */
  pairs(sql: string, ...params: unknown[]): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const [k, v] of this.raw(sql).all(...params) as Array<[string, string]>) {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    }
    return m;
  }

  /**
   * Runs `SELECT k, v, ordinal …` into k → [v, …] in ordinal order, whatever order the rows come
   * in (rows in order, the usual case, are never sorted).
   */
  orderedPairs(sql: string, ...params: unknown[]): Map<string, string[]> {
    const m = new Map<string, Array<[number, string]>>();
    let inOrder = true;
    for (const [k, v, ordinal] of this.raw(sql).all(...params) as Array<[string, string, number]>) {
      const list = m.get(k);
      if (!list) m.set(k, [[ordinal, v]]);
      else {
        if (list[list.length - 1][0] > ordinal) inOrder = false;
        list.push([ordinal, v]);
      }
    }
    const out = new Map<string, string[]>();
    for (const [k, list] of m) {
      if (!inOrder) list.sort((a, b) => a[0] - b[0]);
      out.set(k, list.map((e) => e[1]));
    }
    return out;
  }
}
