#!/usr/bin/env node
/**
 * The command line: `fieldtrail serve | import FILE [--replace] | export [--format yaml|json] | graph FIELD_KEY`.
 * Flags override the environment (see CONFIG_TABLE); errors print one clear message, no stack.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config';
import { ValidationError, ReferencedError, NotFoundError } from './domain/problems';
import { startServer } from './server';
import { InventoryReader } from './services/inventory-reader';
import { InventoryService } from './services/inventory-service';
import { renderFieldLineage } from './services/lineage-graph-export';
import { readManifestFile, serializeManifest, type ManifestFormat } from './services/manifest-files';
import { seedIfEmpty } from './services/seeds';
import { isRole } from './domain/access';
import { AccessControl, assertSafeBinding, UnsafeBindingError } from './services/access/access-control';
import { newApiKey } from './services/access/api-keys';
import { OidcVerifier } from './services/access/oidc';
import { copyInventory } from './services/copy';
import { COMPLIANCE_CLI_OPTIONS, COMPLIANCE_USAGE, runComplianceCommand } from './services/compliance/cli-commands';
import { StoreUnavailableError } from './store/neo4j/connection';
import { openStore } from './store/open-store';
import { SqliteStore } from './store/sqlite/sqlite-store';

const USAGE = `Usage: fieldtrail <command> [options]

Commands:
  serve                      serve GraphQL at http://HOST:PORT/graphql (seeds an empty database first)
  import FILE [--replace]    import a manifest (YAML or JSON); MERGE by default, --replace empties first
  export [--format yaml|json] [--out FILE]
                             write the whole inventory as a manifest (stdout by default)
  graph FIELD_KEY [--format mermaid|dot] [--direction downstream|upstream] [--depth N]
        [--from PARTY] [--lang zh|en] [--collapse N] [--out FILE]
                             a field's lineage as a Mermaid or Graphviz DOT diagram (stdout by default)
  keys create NAME --role viewer|editor|admin
                             create an API key; the secret is printed once and stored only hashed
  keys list                  list API keys (ids, names, roles, created, revoked; never secrets)
  keys revoke ID             revoke an API key (servers stop accepting it within 30 s)
  backup FILE                online backup of the embedded database (safe while serving)
  restore FILE               replace the embedded database with a backup (checked first)
  migrate                    bring the configured store's schema up to date (SQLite migrations,
                             Neo4j constraints and indexes); idempotent
  copy --from STORE --to STORE
                             copy a whole inventory between stores and verify it by comparing exports;
                             STORE is sqlite:PATH or a Neo4j URI (neo4j://, neo4j+s://, bolt://)
${COMPLIANCE_USAGE}
Options (override the environment):
  --db PATH        FIELDTRAIL_DB     embedded database file (default ./data/fieldtrail.db)
  --store KIND     FIELDTRAIL_STORE  sqlite (default) or neo4j
  --port N         PORT              default 4000
  --host ADDR      HOST              default 127.0.0.1
  --no-seed        serve: do not load the bundled 进圈 inventory into an empty database
  -h, --help       show this help
`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...COMPLIANCE_CLI_OPTIONS,
      db: { type: 'string' },
      store: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      replace: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      direction: { type: 'string' },
      depth: { type: 'string' },
      from: { type: 'string' },
      lang: { type: 'string' },
      to: { type: 'string' },
      role: { type: 'string' },
      collapse: { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig(process.env, { db: values.db, store: values.store, port: values.port, host: values.host });

  switch (command) {
    case 'serve':
      return serve(config, !values['no-seed']);
    case 'keys':
      return keys(config, rest, values.role);
    case 'backup': {
      if (rest.length !== 1) throw new UsageError('backup takes exactly one FILE (a new file)');
      const store = await openStore(config);
      try {
        if (!(store instanceof SqliteStore)) {
          throw new UsageError('backup copies the embedded database; for Neo4j use neo4j-admin database dump or Aura snapshots (`fieldtrail export` gives a logical copy)');
        }
        await store.backupTo(rest[0]);
      } finally {
        await store.close();
      }
      console.log(`backed up ${config.dbPath} to ${rest[0]}`);
      return 0;
    }
    case 'restore': {
      if (rest.length !== 1) throw new UsageError('restore takes exactly one FILE (made by fieldtrail backup)');
      if (config.store !== 'sqlite') throw new UsageError('restore writes the embedded database; for Neo4j use neo4j-admin database load');
      await SqliteStore.restore(rest[0], config.dbPath);
      console.log(`restored ${config.dbPath} from ${rest[0]}`);
      return 0;
    }
    case 'migrate': {
      const store = await openStore(config);
      console.log(`fieldtrail: ${store.location} is up to date`);
      await store.close();
      return 0;
    }
    case 'copy': {
      if (!values.from || !values.to) throw new UsageError('copy needs --from STORE and --to STORE');
      const summary = await copyInventory(values.from, values.to, process.env);
      console.log(`copied ${summary.nodes} nodes from ${summary.from} to ${summary.to}; the exports are identical`);
      return 0;
    }
    case 'import': {
      if (rest.length !== 1) throw new UsageError('import takes exactly one FILE');
      const store = await openStore(config);
      try {
        const summary = await new InventoryService(store).importManifest(readManifestFile(rest[0]), values.replace ? 'REPLACE' : 'MERGE', { actor: cliActor() });
        const counts = Object.entries(summary.written).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t}`).join(', ');
        console.log(`imported ${rest[0]} (${summary.mode}) into ${store.location}: ${counts || 'nothing'}${summary.removed ? `; removed ${summary.removed} nodes first` : ''}`);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'export': {
      const format = (values.format ?? (values.out && /\.json$/i.test(values.out) ? 'json' : 'yaml')) as ManifestFormat;
      if (format !== 'yaml' && format !== 'json') throw new UsageError(`--format must be yaml or json, got "${format}"`);
      const store = await openStore(config);
      try {
        const text = serializeManifest(await new InventoryService(store).exportManifest(), format);
        if (values.out) writeFileSync(values.out, text);
        else process.stdout.write(text);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'graph': {
      if (rest.length !== 1) throw new UsageError('graph takes exactly one FIELD_KEY');
      const format = (values.format ?? 'mermaid').toUpperCase();
      if (format !== 'MERMAID' && format !== 'DOT') throw new UsageError(`--format must be mermaid or dot, got "${values.format}"`);
      const direction = (values.direction ?? 'downstream').toUpperCase();
      if (direction !== 'DOWNSTREAM' && direction !== 'UPSTREAM') throw new UsageError(`--direction must be downstream or upstream, got "${values.direction}"`);
      const language = (values.lang ?? 'zh').toUpperCase();
      if (language !== 'ZH' && language !== 'EN') throw new UsageError(`--lang must be zh or en, got "${values.lang}"`);
      const wholeNumber = (flag: string, text: string | undefined, fallback: number) => {
        if (text === undefined) return fallback;
        if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
        return Number(text);
      };
      const maxDepth = wholeNumber('depth', values.depth, 5);
      const collapseAbove = wholeNumber('collapse', values.collapse, 0);
      const store = await openStore(config);
      try {
        const reader = new InventoryReader(store);
        const field = await reader.node('field', rest[0]);
        if (!field) throw new NotFoundError('personal field', rest[0]);
        const text = await renderFieldLineage(reader, field, { format, language, direction, maxDepth, fromPartyKey: values.from ?? null, collapseAbove });
        if (values.out) writeFileSync(values.out, text);
        else process.stdout.write(text);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'check':
    case 'report':
    case 'snapshot':
    case 'diff': {
      const store = await openStore(config);
      try {
        return await runComplianceCommand(command, rest, values, store);
      } finally {
        await store.close();
      }
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** `keys create|list|revoke`: API keys live in the configured store, secrets only as hashes. */
async function keys(config: Config, args: string[], role: string | undefined): Promise<number> {
  const [action, arg] = args;
  const store = await openStore(config);
  try {
    switch (action) {
      case 'create': {
        if (!arg) throw new UsageError('keys create needs a NAME (who or what will use the key)');
        if (!isRole(role)) throw new UsageError('keys create needs --role viewer, editor or admin');
        const { secret, record } = await newApiKey(arg, role);
        await store.saveApiKey(record);
        console.error(`created ${role} key ${record.id} "${arg}". The secret is shown once; store it now:`);
        console.log(secret);
        return 0;
      }
      case 'list': {
        const all = await store.listApiKeys();
        if (all.length === 0) console.log('no API keys');
        for (const k of all) console.log(`${k.id}  ${k.role.padEnd(6)}  ${k.createdAt}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.name}`);
        return 0;
      }
      case 'revoke': {
        if (!arg) throw new UsageError('keys revoke needs the key ID (see `fieldtrail keys list`)');
        if (!(await store.revokeApiKey(arg, new Date().toISOString()))) {
          console.error(`fieldtrail: no active API key "${arg}"`);
          return 1;
        }
        console.log(`revoked ${arg}`);
        return 0;
      }
      default:
        throw new UsageError('keys takes create, list or revoke');
    }
  } finally {
    await store.close();
  }
}

async function serve(config: Config, seed: boolean): Promise<number> {
  const store = await openStore(config);
  if (seed) {
    const seeded = await seedIfEmpty(store);
    if (seeded.length) console.log(`fieldtrail: seeded the empty database from ${seeded.length} file(s) in seeds/`);
  }
  const oidc = config.oidc ? new OidcVerifier(config.oidc) : null;
  try {
    await assertSafeBinding(config.host, store, oidc !== null);
  } catch (err) {
    await store.close();
    throw err;
  }
  const server = await startServer(store, { port: config.port, host: config.host, access: new AccessControl(store, oidc, config.anonymousLoopback), responseCacheMb: config.responseCacheMb });
  console.log(`fieldtrail: listening on ${server.url} (store: ${store.location})`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      console.log(`fieldtrail: ${signal} received, finishing in-flight requests`);
      server.stop().then(() => store.close()).then(resolve, resolve);
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  return 0;
}

class UsageError extends Error {}

/** The audit log names CLI changes after the operating-system user who ran them. */
function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError || (err as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
        console.error(`fieldtrail: ${(err as Error).message}\n\n${USAGE}`);
        process.exitCode = 2;
      } else if (err instanceof StoreUnavailableError || err instanceof UnsafeBindingError) {
        console.error(`fieldtrail: ${err.message}`);
        process.exitCode = 1;
      } else if (err instanceof ConfigError || err instanceof ValidationError || err instanceof ReferencedError || err instanceof NotFoundError) {
        console.error(`fieldtrail: ${(err as Error).message}`);
        process.exitCode = err instanceof ConfigError ? 2 : 1;
      } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        console.error(`fieldtrail: ${(err as Error).message}: another process is using that port (set PORT or --port)`);
        process.exitCode = 1;
      } else {
        console.error(`fieldtrail: ${(err as Error)?.message ?? String(err)}`);
        process.exitCode = 1;
      }
    },
  );
}
