/** `audit verify`: walks the whole audit log and checks its hash chain, on either store. */
import type { Config } from '../config';
import { AuditLog } from '../services/audit-log';
import { UsageError, withStore } from './common';

export const AUDIT_USAGE = `  audit verify [--expect-hash HASH]
                             check the audit log's hash chain from the first entry to the last;
                             exit 1 naming the first entry that was changed, removed or forged, or
                             when no entry has HASH (a last hash printed by an earlier verify)
`;

/** Options this command adds to the CLI's parser. */
export const AUDIT_CLI_OPTIONS = {
  'expect-hash': { type: 'string' },
} as const;

export async function audit(config: Config, args: string[], expectHash: string | undefined): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'verify') throw new UsageError(action ? `audit takes verify, got "${action}"` : 'audit takes verify');
  if (rest.length) throw new UsageError(`audit verify takes no arguments, got "${rest.join(' ')}"`);
  if (expectHash !== undefined && !/^[0-9a-f]{64}$/.test(expectHash)) {
    throw new UsageError(`--expect-hash takes a SHA-256 hash (64 hex digits) printed by audit verify, got "${expectHash}"`);
  }
  const report = await withStore(config, (store) => new AuditLog(store).verify(expectHash));
  const { broken } = report;
  if (!broken && report.expectedHashFound === false) {
    console.error(
      `fieldtrail: the chain of ${report.entries} entries is intact but holds no entry with hash ${expectHash}: ` +
        'entries were cut off after it, or the log was rewritten with its hashes recomputed',
    );
    return 1;
  }
  if (!broken) {
    console.log(`${report.entries} entries, chain intact, last hash ${report.lastHash}${report.lastId ? ` (entry ${report.lastId})` : ''}`);
    return 0;
  }
  const intact = `${report.entries} entries before it are intact${report.lastId ? ` (last: entry ${report.lastId}, hash ${report.lastHash})` : ''}`;
  if (broken.field === 'previousHash') {
    console.error(
      `fieldtrail: audit log broken at entry ${broken.id}: it links to ${broken.found ?? '(no hash)'}, expected ${broken.expected}, the hash of the entry before it ` +
        `(an entry before it was removed, or this one was inserted); ${intact}`,
    );
  } else {
    console.error(
      `fieldtrail: audit log broken at entry ${broken.id}: its hash is ${broken.found ?? '(none)'}, expected ${broken.expected} from its content ` +
        `(it was changed after it was written, or written outside FieldTrail); ${intact}`,
    );
  }
  return 1;
}
