/**
 * What keeps the embedded inventory whole: the check every write runs before commit (dangling
 * references, category cycles), each violation described as a Problem on the manifest's paths,
 * and the referrers that block a delete.
 */
import { ValidationError, type Problem } from '../../domain/problems';
import type { NodeType } from '../../domain/vocabulary';
import type { Row } from './rows';
import { FLOW_LISTS, REFERRERS, SQL } from './sql';
import type { StatementCache } from './statement-cache';

/** Who references a node, as `type:key` (citations as the citing node), sorted. */
export function referrers(q: StatementCache, type: NodeType, key: string): string[] {
  const out: string[] = [];
  for (const [label, sql] of REFERRERS[type] ?? []) {
    const params = sql.split('?').length - 1;
    for (const row of q.db.prepare(sql).raw().all(...Array(params).fill(key)) as unknown[][]) {
      out.push(label === 'clause citation' ? String(row[0]) : `${label}:${String(row[0])}`);
    }
  }
  return [...new Set(out)].sort();
}

/**
 * The last line of defence before commit: references left dangling (a MERGE that drops a cited
 * clause, say) and category cycles become a ValidationError, and the transaction rolls back.
 * `foreignKeysProven`: a fresh write proved all its references (FreshReferences), so the full
 * foreign_key_check, which would search a b-tree for each of them, is not needed.
 */
export function assertConsistent(q: StatementCache, foreignKeysProven = false): void {
  const problems: Problem[] = [];
  if (!foreignKeysProven) problems.push(...foreignKeyViolations(q));
  for (const c of q.all(SQL.categoryCycles)) problems.push({ path: `category:${c.start}`, message: `category "${c.start}" would be its own ancestor` });
  if (problems.length > 0) throw new ValidationError(dedupe(problems), 'the write would leave the inventory inconsistent');
}

/** foreign_key_check, each violation described. */
function foreignKeyViolations(q: StatementCache): Problem[] {
  const problems: Problem[] = [];
  const withoutRowid = new Set<string>();
  for (const v of q.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string; fkid: number }>) {
    if (v.rowid != null) {
      const row = q.db.prepare(`SELECT * FROM ${v.table} WHERE rowid = ?`).get(v.rowid) as Row | undefined;
      problems.push(describeViolation(v.table, row, v.parent));
    } else if (!withoutRowid.has(`${v.table}\u0000${v.fkid}`)) {
      // A WITHOUT ROWID table has no rowid to name the row by: find the offending rows by the key itself.
      withoutRowid.add(`${v.table}\u0000${v.fkid}`);
      for (const row of danglingRows(q, v.table, v.fkid)) problems.push(describeViolation(v.table, row, v.parent));
    }
  }
  return problems;
}

/** Rows of `table` whose foreign key `fkid` finds no parent row. */
function danglingRows(q: StatementCache, table: string, fkid: number): Row[] {
  const fk = q.db.prepare(SQL.foreignKeyColumns).all(table, fkid) as Array<{ child: string; parent: string; key: string }>;
  const present = fk.map((c) => `c."${c.child}" IS NOT NULL`).join(' AND ');
  const match = fk.map((c) => `p."${c.key}" = c."${c.child}"`).join(' AND ');
  return q.db.prepare(`SELECT c.* FROM "${table}" c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM "${fk[0].parent}" p WHERE ${match})`).all() as Row[];
}

function describeViolation(table: string, row: Row | undefined, parent: string): Problem {
  if (!row) return { path: table, message: `a row references a missing ${parent} entry` };
  switch (table) {
    case 'sources':
      return { path: `${row.node_type}:${row.node_key}.sources`, message: `cites clause "${row.ref}" of document "${row.document_key}", which does not exist` };
    case 'clauses':
      return { path: `document:${row.document_key}`, message: 'clauses of a document that does not exist' };
    case 'categories':
      return { path: `category:${row.key}.parent`, message: `unknown category "${row.parent_key}"` };
    case 'fields':
      return { path: `field:${row.key}.category`, message: `unknown category "${row.category_key}"` };
    case 'flows':
      return { path: `flow:${row.key}`, message: `references a party that does not exist (from "${row.from_key}", to "${row.to_key}")` };
    default: {
      const list = FLOW_LISTS.find((l) => l.table === table);
      if (list) return { path: `flow:${row.flow_key}.${list.prop}`, message: `unknown ${list.target} "${row[list.column]}"` };
      return { path: table, message: `references a missing ${parent} entry` };
    }
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
