/**
 * A real FieldTrail server for tests: a real store (embedded SQLite by default, or the project's
 * Neo4j), a real HTTP server on a loopback port, and real GraphQL documents (typed by codegen)
 * sent over fetch.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { ROLES, type Role } from '../../src/domain/access';
import { startServer, type RunningServer } from '../../src/server';
import { AccessControl } from '../../src/services/access/access-control';
import { newApiKey } from '../../src/services/access/api-keys';
import { InventoryService } from '../../src/services/inventory-service';
import { seedIfEmpty } from '../../src/services/seeds';
import type { InventoryStore } from '../../src/store/inventory-store';
import { openTestStore, type StoreKind } from './stores';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

/** Who a test request is sent as: a real API key of that role, or no credentials at all. */
export type SendAs = Role | 'anonymous';

export interface TestApp {
  store: InventoryStore;
  server: RunningServer;
  /** Real API keys created in the store for this app, one per role. */
  tokens: Record<Role, string>;
  /** Sends a document (as an editor unless told otherwise); never throws on GraphQL errors. */
  send<T, V>(doc: TypedDocumentNode<T, V>, variables?: V, as?: SendAs): Promise<GraphQLResponse<T>>;
  /** Sends a document and fails the test on any error. */
  query<T, V>(doc: TypedDocumentNode<T, V>, variables?: V, as?: SendAs): Promise<T>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** 'jinquan': the bundled seeds; a manifest: that; nothing: empty. */
  seed?: 'jinquan' | unknown;
  /** Wrap the store (e.g. to count calls) before the server sees it. */
  wrap?: (store: InventoryStore) => InventoryStore;
  /** Which adapter serves: a fresh in-memory SQLite (default) or the emptied test Neo4j. */
  store?: StoreKind;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const real = await openTestStore(options.store ?? 'sqlite');
  const tokens = {} as Record<Role, string>;
  let store: InventoryStore;
  let server: RunningServer;
  try {
    if (options.seed === 'jinquan') await seedIfEmpty(real);
    else if (options.seed) await new InventoryService(real).importManifest(options.seed, 'REPLACE');
    for (const role of ROLES) {
      const { secret, record } = await newApiKey(`test ${role}`, role);
      await real.saveApiKey(record);
      tokens[role] = secret;
    }
    store = options.wrap ? options.wrap(real) : real;
    server = await startServer(store, { port: 0, host: '127.0.0.1', access: new AccessControl(real, null), logError: () => undefined });
  } catch (err) {
    // A failed start must still release (and, for Neo4j, empty) the store.
    await real.close();
    throw err;
  }

  async function send<T, V>(doc: TypedDocumentNode<T, V>, variables?: V, as: SendAs = 'editor'): Promise<GraphQLResponse<T>> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(as === 'anonymous' ? {} : { authorization: `Bearer ${tokens[as]}` }) },
      body: JSON.stringify({ query: print(doc), variables }),
    });
    const body = (await res.json()) as { data?: T | null; errors?: GraphQLFormattedError[] };
    return { status: res.status, ...body };
  }

  return {
    store,
    server,
    tokens,
    send,
    async query(doc, variables, as) {
      const res = await send(doc, variables, as);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data!;
    },
    async stop() {
      try {
        await server.stop();
      } finally {
        await real.close();
      }
    },
  };
}
