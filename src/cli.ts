#!/usr/bin/env node
/**
 * The command line: `fieldtrail serve | import FILE [--replace] | export [--format yaml|json]`.
 * Flags override the environment (see CONFIG_TABLE); errors print one clear message, no stack.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config';
import { ValidationError, ReferencedError, NotFoundError } from './domain/problems';
import { startServer } from './server';
import { InventoryService } from './services/inventory-service';
import { readManifestFile, serializeManifest, type ManifestFormat } from './services/manifest-files';
import { seedIfEmpty } from './services/seeds';
import { copyInventory } from './services/copy';
import { StoreUnavailableError } from './store/neo4j/connection';
import { openStore } from './store/open-store';

const USAGE = `Usage: fieldtrail <command> [options]

Commands:
  serve                      serve GraphQL at http://HOST:PORT/graphql (seeds an empty database first)
  import FILE [--replace]    import a manifest (YAML or JSON); MERGE by default, --replace empties first
  export [--format yaml|json] [--out FILE]
                             write the whole inventory as a manifest (stdout by default)
  migrate                    bring the configured store's schema up to date (SQLite migrations,
                             Neo4j constraints and indexes); idempotent
  copy --from STORE --to STORE
                             copy a whole inventory between stores and verify it by comparing exports;
                             STORE is sqlite:PATH or a Neo4j URI (neo4j://, neo4j+s://, bolt://)

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
      db: { type: 'string' },
      store: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      replace: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
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
        const summary = await new InventoryService(store).importManifest(readManifestFile(rest[0]), values.replace ? 'REPLACE' : 'MERGE');
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
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function serve(config: Config, seed: boolean): Promise<number> {
  const store = await openStore(config);
  if (seed) {
    const seeded = await seedIfEmpty(store);
    if (seeded.length) console.log(`fieldtrail: seeded the empty database from ${seeded.length} file(s) in seeds/`);
  }
  const server = await startServer(store, { port: config.port, host: config.host });
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

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError || (err as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
        console.error(`fieldtrail: ${(err as Error).message}\n\n${USAGE}`);
        process.exitCode = 2;
      } else if (err instanceof StoreUnavailableError) {
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
