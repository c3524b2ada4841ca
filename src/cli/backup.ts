/** `backup` and `restore`: file-level copies of the embedded database. */
import { restoreEmbeddedDatabase } from '../composition';
import type { Config } from '../config';
import { cliActor, UsageError, withStore } from './common';

export const BACKUP_USAGE = `  backup FILE                online backup of the embedded database (safe while serving)
  restore FILE               replace the embedded database with a backup (checked first); the
                             restored audit log gets a RESTORE entry saying what was restored and dropped
`;

export async function backup(config: Config, args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('backup takes exactly one FILE (a new file)');
  await withStore(config, async (store) => {
    // The port's optional capability, not the adapter's class: a store that cannot copy its files says so.
    if (!store.backupTo) {
      throw new UsageError('backup copies the embedded database; for Neo4j use neo4j-admin database dump or Aura snapshots (`fieldtrail export` gives a logical copy)');
    }
    await store.backupTo(args[0]);
  });
  console.log(`backed up ${config.dbPath} to ${args[0]}`);
  return 0;
}

export async function restore(config: Config, args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('restore takes exactly one FILE (made by fieldtrail backup)');
  if (config.store !== 'sqlite') throw new UsageError('restore writes the embedded database; for Neo4j use neo4j-admin database load');
  const { entry, restoredEntries, droppedEntries } = await restoreEmbeddedDatabase(args[0], config.dbPath, { actor: cliActor() });
  console.log(`restored ${config.dbPath} from ${args[0]}`);
  console.log(
    `audit log: ${restoredEntries} entries restored, ${droppedEntries} entries of the replaced log dropped; RESTORE recorded as entry ${entry.id}`,
  );
  return 0;
}
