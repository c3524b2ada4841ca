/**
 * Transactions on Neo4j for the adapter: sessions that share one bookmark manager, read and
 * write transaction functions, the inventory write lock, and parameters sent as Bolt types.
 */
import neo4j, { type BookmarkManager } from 'neo4j-driver';
import { ConflictError } from '../../domain/problems';
import type { Page } from '../inventory-store';
import { CYPHER } from './cypher';
import type { PagedStatements } from './cypher-reads';
import { nodeTypeOfLabel } from './graph-model';

/** The part of neo4j-driver's API the adapter uses (a real Driver satisfies it). */
export interface QueryRunner {
  run(query: string, parameters?: Record<string, unknown>): Promise<{ records: Array<{ toObject(): Record<string, unknown> }> }>;
}
export interface Neo4jSession {
  executeRead<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  executeWrite<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
export interface SessionConfig {
  database?: string;
  defaultAccessMode?: 'READ' | 'WRITE';
  /** Shared by every session of a store: causal consistency across them. */
  bookmarkManager?: BookmarkManager;
}
export interface Neo4jConnection {
  session(config: SessionConfig): Neo4jSession;
  close(): Promise<void>;
}

export type Row = Record<string, unknown>;

export class Neo4jTransactions {
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(
    private readonly connection: Neo4jConnection,
    private readonly database: string | undefined,
  ) {}

  private session(mode: 'READ' | 'WRITE'): Neo4jSession {
    return this.connection.session({ database: this.database, defaultAccessMode: mode, bookmarkManager: this.bookmarks });
  }

  async readTx<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  async writeTx<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw asConflict(err);
    } finally {
      await session.close();
    }
  }

  /** A write transaction holding the inventory lock; `work` gets the active version. */
  async writeLocked<T>(work: (tx: QueryRunner, v: number) => Promise<T>): Promise<T> {
    return this.writeTx(async (tx) => {
      await run(tx, CYPHER.lockInventory, { now: new Date().toISOString() });
      const [control] = rowsOf(await run(tx, CYPHER.readControl));
      if (!control) throw new Error('the Neo4j database has no FieldTrail control node; run `fieldtrail migrate`');
      return work(tx, control.v as number);
    });
  }

  async readRows(query: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.readTx(async (tx) => rowsOf(await run(tx, query, params)));
  }

  /** A page and its count in one read transaction. */
  async readPage<T>(statements: PagedStatements, first: number, toNode: (r: Row) => T): Promise<Page<T>> {
    return this.readTx(async (tx) => {
      const rows = rowsOf(await run(tx, statements.page.cypher, statements.page.params));
      const total = rowsOf(await run(tx, statements.count.cypher, statements.count.params))[0]?.total as number;
      const nodes = rows.map(toNode);
      return { nodes: nodes.slice(0, first), totalCount: total ?? 0, hasNextPage: nodes.length > first };
    });
  }
}

/**
 * Runs a statement with its parameters as Bolt types: neo4j-driver sends every JS number as a
 * float, and Cypher refuses floats where it needs integers (LIMIT, list indexes) and stores them
 * as floats elsewhere. Every integer the adapter sends is one (versions, limits, ordinals).
 */
export function run(tx: QueryRunner, query: string, params: Record<string, unknown> = {}) {
  return tx.run(query, boltParams(params) as Record<string, unknown>);
}

export function boltParams(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`the Neo4j adapter sends only integers, got ${value}`);
    return neo4j.int(value);
  }
  if (Array.isArray(value)) return value.map(boltParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = boltParams(v);
    return out;
  }
  return value;
}

/** A uniqueness constraint hit by a concurrent writer is a conflict (retry), not an internal error. */
function asConflict(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') return err;
  const message = String((err as Error).message);
  const label = /label `(\w+)`/.exec(message)?.[1] ?? '';
  const key = /`(?:key|label|id|citation)` = '([^']*)'/.exec(message)?.[1] ?? '';
  const type = nodeTypeOfLabel(label) ?? (label || 'node');
  return new ConflictError(type, key, 0, null, `${type} "${key}" was written by someone else at the same moment; reload and retry`);
}

export function rowsOf(result: { records: Array<{ toObject(): Record<string, unknown> }> }): Row[] {
  return result.records.map((r) => r.toObject());
}
