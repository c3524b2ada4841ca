/**
 * Opening a Neo4j store from configuration, with start-up errors a person can act on
 * (unreachable server, wrong credentials, unknown database) instead of a stack trace.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { StoreUnavailableError } from '../errors';
import { Neo4jStore } from './neo4j-store';
import type { Neo4jConnection } from './transactions';

export interface Neo4jSettings {
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  maxConnectionPoolSize?: number;
  /** Statement and transaction sizes (tests use small ones to exercise batching). */
  batchSize?: number;
  stagingBatchSize?: number;
}

/** The URI without credentials, for logs. */
export function describeNeo4j(settings: Neo4jSettings): string {
  try {
    const url = new URL(settings.uri ?? '');
    url.username = '';
    url.password = '';
    return `neo4j:${url.toString().replace(/\/$/, '')}${settings.database ? `/${settings.database}` : ''}`;
  } catch {
    return 'neo4j:(invalid uri)';
  }
}

export async function openNeo4jStore(settings: Neo4jSettings): Promise<Neo4jStore> {
  if (!settings.uri) {
    throw new StoreUnavailableError('FIELDTRAIL_STORE=neo4j needs NEO4J_URI (e.g. neo4j://localhost:7687, or neo4j+s://xxxx.databases.neo4j.io for Aura)');
  }
  const where = describeNeo4j(settings);
  let driver: Driver;
  try {
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user ?? 'neo4j', settings.password ?? ''), {
      // Counts and ordinals are small: plain numbers, not driver Integers.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: settings.maxConnectionPoolSize ?? 100,
      connectionAcquisitionTimeout: 30_000,
      userAgent: 'fieldtrail',
    });
  } catch (err) {
    throw new StoreUnavailableError(`cannot use NEO4J_URI for ${where}: ${(err as Error).message}`);
  }
  try {
    await driver.verifyConnectivity({ database: settings.database });
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw new StoreUnavailableError(explain(err, where, settings));
  }
  const store = new Neo4jStore(driver as unknown as Neo4jConnection, { database: settings.database, location: where, batchSize: settings.batchSize, stagingBatchSize: settings.stagingBatchSize });
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw new StoreUnavailableError(explain(err, where, settings));
  }
  return store;
}

function explain(err: unknown, where: string, settings: Neo4jSettings): string {
  const code = (err as { code?: string }).code ?? '';
  const message = (err as Error).message ?? String(err);
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return `Neo4j at ${where} rejected the credentials for user "${settings.user ?? 'neo4j'}" (check NEO4J_USER and NEO4J_PASSWORD)`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return `Neo4j at ${where} has no database "${settings.database}" (check NEO4J_DATABASE)`;
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/.test(message)) {
    return `cannot reach Neo4j at ${where}: ${message.split('\n')[0]} (is the server running, and is NEO4J_URI right?)`;
  }
  return `Neo4j at ${where} failed: ${message.split('\n')[0]}`;
}
