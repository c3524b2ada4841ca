/** What every command group shares: the usage error, the audit actor, and a store opened for one command. */
import { userInfo } from 'node:os';
import { openStore } from '../composition';
import type { Config } from '../config';
import type { InventoryStore } from '../store/inventory-store';

/** A bad command, argument or option value: reported with the usage text, exit 2. */
export class UsageError extends Error {}

/** The audit log names CLI changes after the operating-system user who ran them. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/**
 * Opens the configured store for one command and closes it afterwards, whatever happens. Only
 * commands that write an inventory (`import`) may create a missing SQLite file: a read (`check`
 * in a CI gate, `export`, a report) on a mistyped path fails, naming it, instead of finding nothing.
 */
export async function withStore<T>(config: Config, use: (store: InventoryStore) => Promise<T>, options: { mayCreate?: boolean } = {}): Promise<T> {
  const store = await openStore(config, { mustExist: !options.mayCreate });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
