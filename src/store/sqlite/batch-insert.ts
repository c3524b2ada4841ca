/**
 * Multi-row INSERTs for big writes: rows are buffered and sent a hundred at a time as one
 * statement, which costs SQLite (and the binding layer) far less than a statement per row.
 * Call flush() before anything reads the table or depends on the rows being there.
 */
import type Database from 'better-sqlite3';

const ROWS_PER_STATEMENT = 100;

export class BatchInsert {
  /** Values of the rows not sent yet, filled up to `filled`. */
  private readonly pending: unknown[];
  private filled = 0;
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
    this.pending = new Array<unknown>(this.perStatement);
    this.fullSql = this.sql(ROWS_PER_STATEMENT);
  }

  add(...values: unknown[]): void {
    if (values.length !== this.columns) throw new Error(`${this.head}: expected ${this.columns} values, got ${values.length}`);
    for (let i = 0; i < values.length; i++) this.pending[this.filled++] = values[i];
    if (this.filled === this.perStatement) this.sendFull();
  }

  /** add() for a row of three values, without an array per row: flow lists have millions. */
  add3(a: unknown, b: unknown, c: unknown): void {
    if (this.columns !== 3) throw new Error(`${this.head}: expected ${this.columns} values, got 3`);
    const p = this.pending;
    p[this.filled] = a;
    p[this.filled + 1] = b;
    p[this.filled + 2] = c;
    if ((this.filled += 3) === this.perStatement) this.sendFull();
  }

  flush(): void {
    if (this.filled > 0) {
      const values = this.pending.slice(0, this.filled);
      this.filled = 0;
      this.prepare(this.sql(values.length / this.columns)).run(...values);
    }
  }

  private sql(rows: number): string {
    const row = `(${Array(this.columns).fill('?').join(', ')})`;
    return `${this.head} VALUES ${Array(rows).fill(row).join(', ')}${this.tail ? ` ${this.tail}` : ''}`;
  }

  /** Values go as arguments, not as one array: better-sqlite3 binds those a quarter faster. */
  private sendFull(): void {
    this.filled = 0;
    this.prepare(this.fullSql).run(...this.pending);
  }
}
