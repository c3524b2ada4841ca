/**
 * Multi-row INSERTs for big writes: rows are buffered and sent a hundred at a time as one
 * statement, which costs SQLite (and the binding layer) far less than a statement per row.
 * Call flush() before anything reads the table or depends on the rows being there.
 */
import type Database from 'better-sqlite3';

const ROWS_PER_STATEMENT = 100;

export class BatchInsert {
  private readonly pending: unknown[] = [];
  private readonly perStatement: number;
  private readonly fullSql: string;

  /**
   * @param head  `INSERT INTO table (a, b, c)`
   * @param columns  how many values each row has
   * @param tail  what follows the VALUES list (an ON CONFLICT clause), if anything
   * @param prepare  a statement cache (statements for full batches are reused)
   */
  constructor(
    private readonly head: string,
    private readonly columns: number,
    private readonly tail: string,
    private readonly prepare: (sql: string) => Database.Statement,
  ) {
    this.perStatement = ROWS_PER_STATEMENT * columns;
    this.fullSql = this.sql(ROWS_PER_STATEMENT);
  }

  add(...values: unknown[]): void {
    if (values.length !== this.columns) throw new Error(`${this.head}: expected ${this.columns} values, got ${values.length}`);
    for (const v of values) this.pending.push(v);
    if (this.pending.length >= this.perStatement) this.send(this.fullSql);
  }

  flush(): void {
    if (this.pending.length > 0) this.send(this.sql(this.pending.length / this.columns));
  }

  private sql(rows: number): string {
    const row = `(${Array(this.columns).fill('?').join(', ')})`;
    return `${this.head} VALUES ${Array(rows).fill(row).join(', ')}${this.tail ? ` ${this.tail}` : ''}`;
  }

  private send(sql: string): void {
    this.prepare(sql).run(this.pending);
    this.pending.length = 0;
  }
}
