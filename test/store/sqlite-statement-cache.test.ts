/**
 * StatementCache.orderedPairs: list reads without ORDER BY (SQLite skips a sort) still give each
 * key's values in ordinal order, whatever order the rows come in.
 */
import Database from 'better-sqlite3';
import { StatementCache } from '../../src/store/sqlite/statement-cache';

test('orderedPairs puts each key’s values in ordinal order, also when rows come out of order', () => {
  const db = new Database(':memory:');
  // A rowid table filled out of order: a scan returns rows in insertion order, not ordinal order.
  db.exec('CREATE TABLE lists (k TEXT, v TEXT, ordinal INTEGER)');
  const insert = db.prepare('INSERT INTO lists VALUES (?, ?, ?)');
  for (const [k, v, o] of [['b', 'b2', 2], ['a', 'a1', 1], ['b', 'b0', 0], ['a', 'a0', 0], ['b', 'b1', 1], ['c', 'c0', 0]] as const) insert.run(k, v, o);
  const q = new StatementCache(db);
  const pairs = q.orderedPairs('SELECT k, v, ordinal FROM lists');
  expect(Object.fromEntries(pairs)).toEqual({ a: ['a0', 'a1'], b: ['b0', 'b1', 'b2'], c: ['c0'] });
  expect(Object.fromEntries(q.orderedPairs('SELECT k, v, ordinal FROM lists ORDER BY k, ordinal'))).toEqual(Object.fromEntries(pairs));
  db.close();
});
