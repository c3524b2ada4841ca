/** `keys create|list|revoke`: API keys live in the configured store, secrets only as hashes. */
import type { Config } from '../config';
import { isRole } from '../domain/access';
import { newApiKey } from '../services/access/api-keys';
import { cliActor, UsageError, withStore } from './common';

export const KEYS_USAGE = `  keys create NAME --role viewer|editor|admin
                             create an API key; the secret is printed once and stored only hashed
  keys list                  list API keys (ids, names, roles, created, revoked; never secrets)
  keys revoke ID             revoke an API key (running servers refuse it within
                             FIELDTRAIL_KEY_REVOCATION_SECONDS, default 5 s)
`;

export async function keys(config: Config, args: string[], role: string | undefined): Promise<number> {
  const [action, arg] = args;
  return withStore(config, async (store) => {
    switch (action) {
      case 'create': {
        if (!arg) throw new UsageError('keys create needs a NAME (who or what will use the key)');
        if (!isRole(role)) throw new UsageError('keys create needs --role viewer, editor or admin');
        const { secret, record } = await newApiKey(arg, role);
        await store.saveApiKey(record, { actor: cliActor() });
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
        if (!(await store.revokeApiKey(arg, new Date().toISOString(), { actor: cliActor() }))) {
          console.error(`fieldtrail: no active API key "${arg}"`);
          return 1;
        }
        console.log(`revoked ${arg}`);
        return 0;
      }
      default:
        throw new UsageError('keys takes create, list or revoke');
    }
  });
}
