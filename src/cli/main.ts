/**
 * The command line: parses flags, dispatches to one command group per file, and turns errors into
 * one clear message and an exit code (2: usage or configuration, 1: anything else), no stack.
 * Flags override the environment (see CONFIG_TABLE).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { NotFoundError, ReferencedError, ValidationError } from '../domain/problems';
import { UnsafeBindingError } from '../services/access/access-control';
import { StoreUnavailableError } from '../store/errors';
import { audit, AUDIT_CLI_OPTIONS, AUDIT_USAGE } from './audit';
import { backup, BACKUP_USAGE, restore } from './backup';
import { UsageError, withStore } from './common';
import { COMPLIANCE_CLI_OPTIONS, COMPLIANCE_USAGE, runComplianceCommand } from './compliance';
import { graph, GRAPH_USAGE } from './graph';
import { exportManifest, importManifest, INVENTORY_USAGE } from './inventory';
import { keys, KEYS_USAGE } from './keys';
import { serve, SERVE_USAGE } from './serve';
import { copy, migrate, STORES_USAGE } from './stores';

const USAGE = `Usage: fieldtrail <command> [options]

Commands:
${SERVE_USAGE}${INVENTORY_USAGE}${GRAPH_USAGE}${KEYS_USAGE}${BACKUP_USAGE}${AUDIT_USAGE}${STORES_USAGE}${COMPLIANCE_USAGE}
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
      ...AUDIT_CLI_OPTIONS,
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
    case 'backup':
      return backup(config, rest);
    case 'restore':
      return restore(config, rest);
    case 'audit':
      return audit(config, rest, values['expect-hash']);
    case 'migrate':
      return migrate(config);
    case 'copy':
      return copy(values.from, values.to);
    case 'import':
      return importManifest(config, rest, values.replace);
    case 'export':
      return exportManifest(config, values);
    case 'graph':
      return graph(config, rest, values);
    case 'check':
    case 'report':
    case 'snapshot':
    case 'diff':
      return withStore(config, (store) => runComplianceCommand(command, rest, values, store));
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Prints what went wrong, for a person (no stack), and returns the exit code to end with. */
export function reportFailure(err: unknown): number {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
    console.error(`fieldtrail: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (err instanceof StoreUnavailableError || err instanceof UnsafeBindingError) {
    console.error(`fieldtrail: ${err.message}`);
    return 1;
  }
  if (err instanceof ConfigError || err instanceof ValidationError || err instanceof ReferencedError || err instanceof NotFoundError) {
    console.error(`fieldtrail: ${(err as Error).message}`);
    return err instanceof ConfigError ? 2 : 1;
  }
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`fieldtrail: ${(err as Error).message}: another process is using that port (set PORT or --port)`);
    return 1;
  }
  console.error(`fieldtrail: ${(err as Error)?.message ?? String(err)}`);
  return 1;
}
