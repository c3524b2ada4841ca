/**
 * Configuration: environment variables, overridden by command-line flags.
 * Bad values fail start-up with a message naming the variable or flag.
 */
export type StoreKind = 'sqlite' | 'neo4j';

export interface Config {
  port: number;
  host: string;
  store: StoreKind;
  /** SQLite file (or `:memory:`). */
  dbPath: string;
  neo4j: { uri?: string; user?: string; password?: string; database?: string };
}

/** Documented in README: name, default, meaning. */
export const CONFIG_TABLE: Array<{ env: string; flag: string; default: string; meaning: string }> = [
  { env: 'PORT', flag: '--port', default: '4000', meaning: 'TCP port the server listens on' },
  { env: 'HOST', flag: '--host', default: '127.0.0.1', meaning: 'address the server binds to' },
  { env: 'FIELDTRAIL_DB', flag: '--db', default: './data/fieldtrail.db', meaning: 'embedded database file (`:memory:` for a throw-away one)' },
  { env: 'FIELDTRAIL_STORE', flag: '--store', default: 'sqlite', meaning: 'store adapter: `sqlite` (embedded) or `neo4j`' },
];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv, flags: Record<string, string | undefined> = {}): Config {
  const pick = (flag: string, name: string, fallback: string) => flags[flag] ?? env[name] ?? fallback;
  const portText = pick('port', 'PORT', '4000');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new ConfigError(`${flags.port !== undefined ? '--port' : 'PORT'} must be a port number from 0 to 65535, got "${portText}"`);
  }
  const store = pick('store', 'FIELDTRAIL_STORE', 'sqlite');
  if (store !== 'sqlite' && store !== 'neo4j') {
    throw new ConfigError(`${flags.store !== undefined ? '--store' : 'FIELDTRAIL_STORE'} must be "sqlite" or "neo4j", got "${store}"`);
  }
  const host = pick('host', 'HOST', '127.0.0.1');
  if (!host.trim()) throw new ConfigError('HOST must not be empty');
  const dbPath = pick('db', 'FIELDTRAIL_DB', './data/fieldtrail.db');
  if (!dbPath.trim()) throw new ConfigError('FIELDTRAIL_DB must not be empty');
  return {
    port,
    host,
    store,
    dbPath,
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
    },
  };
}
