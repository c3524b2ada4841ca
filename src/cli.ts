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
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.exitCode = reportFailure(err);
    },
  );
}
