/**
 * A recording stand-in for neo4j-driver (the external boundary, not our store): it records the
 * Cypher and parameters the real Neo4j adapter sends and answers with rows the test supplies,
 * keyed by the statement's catalog name. Unanswered statements return no rows.
 *
 * It enforces Bolt's parameter types as a server would see them: neo4j-driver sends a JS number
 * as a FLOAT, which Cypher refuses for LIMIT and list indexes, so any JS number among the
 * parameters fails the statement here (the adapter must send neo4j Integers). Recorded
 * parameters show those Integers as plain numbers, for readable assertions.
 */
import { isInt, type BookmarkManager, type Integer } from 'neo4j-driver';
import { allStatements, readShapes } from '../../src/store/neo4j/cypher-reads';
import type { Neo4jConnection, QueryRunner, SessionConfig } from '../../src/store/neo4j/transactions';

export interface SentStatement {
  name: string;
  mode: 'READ' | 'WRITE';
  /** Which transaction it ran in (1, 2, …), to count round trips and transactions. */
  transaction: number;
  query: string;
  params: Record<string, unknown>;
  /** The session's bookmark manager (one per store: reads see earlier writes on a cluster). */
  bookmarkManager?: BookmarkManager;
}

export type Responder = (name: string, params: Record<string, unknown>) => Array<Record<string, unknown>> | undefined;

const NAME_OF = new Map([
  ...allStatements().map((s) => [s.text, s.name] as const),
  ...readShapes('all').map((s) => [s.statement.cypher, s.name] as const),
]);

/** Throws where Bolt would send a float; returns the parameters with Integers as numbers. */
export function checkBoltTypes(value: unknown, path = 'params'): unknown {
  if (typeof value === 'number') {
    throw new TypeError(`${path} is a JS number (${value}): Bolt sends it as a FLOAT, and Cypher needs an INTEGER for LIMIT, list indexes and keys; send neo4j.int(${value})`);
  }
  if (isInt(value)) return (value as Integer).toNumber();
  if (Array.isArray(value)) return value.map((v, i) => checkBoltTypes(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, checkBoltTypes(v, `${path}.${k}`)]));
  }
  return value;
}

export class RecordingNeo4j implements Neo4jConnection {
  readonly sent: SentStatement[] = [];
  private transactions = 0;

  constructor(private readonly respond: Responder = () => undefined) {}

  session(config: SessionConfig) {
    const run = (mode: 'READ' | 'WRITE') => async <T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> => {
      const transaction = ++this.transactions;
      const tx: QueryRunner = {
        run: async (query, raw = {}) => {
          const name = NAME_OF.get(query) ?? '(not in the catalog)';
          const params = checkBoltTypes(raw) as Record<string, unknown>;
          this.sent.push({ name, mode, transaction, query, params, bookmarkManager: config.bookmarkManager });
          const rows = this.respond(name, params) ?? [];
          return { records: rows.map((r) => ({ toObject: () => r })) };
        },
      };
      return work(tx);
    };
    return { executeRead: run('READ'), executeWrite: run('WRITE'), close: async () => undefined };
  }

  async close(): Promise<void> {}

  /** Statement names in the order sent. */
  names(): string[] {
    return this.sent.map((s) => s.name);
  }

  /** Forgets what was sent, and numbers transactions from 1 again. */
  clear(): void {
    this.sent.length = 0;
    this.transactions = 0;
  }
}
