/**
 * A recording stand-in for neo4j-driver (the external boundary, not our store): it records the
 * Cypher and parameters the real Neo4j adapter sends and answers with rows the test supplies,
 * keyed by the statement's catalog name. Unanswered statements return no rows.
 */
import { allStatements } from '../../src/store/neo4j/cypher';
import type { Neo4jConnection, QueryRunner } from '../../src/store/neo4j/neo4j-store';

export interface SentStatement {
  name: string;
  mode: 'READ' | 'WRITE';
  /** Which transaction it ran in (1, 2, …), to count round trips and transactions. */
  transaction: number;
  query: string;
  params: Record<string, unknown>;
}

export type Responder = (name: string, params: Record<string, unknown>) => Array<Record<string, unknown>> | undefined;

const NAME_OF = new Map(allStatements().map((s) => [s.text, s.name]));

export class RecordingNeo4j implements Neo4jConnection {
  readonly sent: SentStatement[] = [];
  private transactions = 0;

  constructor(private readonly respond: Responder = () => undefined) {}

  session(config: { database?: string; defaultAccessMode?: 'READ' | 'WRITE' }) {
    const run = (mode: 'READ' | 'WRITE') => async <T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> => {
      const transaction = ++this.transactions;
      const tx: QueryRunner = {
        run: async (query, params = {}) => {
          const name = NAME_OF.get(query) ?? '(not in the catalog)';
          this.sent.push({ name, mode, transaction, query, params });
          const rows = this.respond(name, params) ?? [];
          return { records: rows.map((r) => ({ toObject: () => r })) };
        },
      };
      return work(tx);
    };
    void config;
    return { executeRead: run('READ'), executeWrite: run('WRITE'), close: async () => undefined };
  }

  async close(): Promise<void> {}

  /** Statement names in the order sent. */
  names(): string[] {
    return this.sent.map((s) => s.name);
  }

  clear(): void {
    this.sent.length = 0;
  }
}
