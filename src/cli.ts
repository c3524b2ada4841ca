#!/usr/bin/env node
/**
 * The `fieldtrail` executable (package.json bin → dist/src/cli.js). Kept tiny so that path stays
 * put; the command line itself is src/cli/, one file per command group.
 */
// First: decides graphql-js's mode before anything loads it.
import './cli/production-mode';
import 'reflect-metadata';
import { main, reportFailure } from './cli/main';

export { main };

if (require.main === module) {
  // `fieldtrail export | head -1`: the reader went away; that ends the command, quietly and
  // successfully, as it does for other Unix tools (no stack trace, nothing half-reported).
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.exitCode = reportFailure(err);
    },
  );
}
