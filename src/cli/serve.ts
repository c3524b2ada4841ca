/** `serve`: the server's way in. Opens the store, seeds it, refuses unsafe bindings, serves until a signal. */
import { openStore } from '../composition';
import type { Config } from '../config';
import { startServer } from '../server';
import { AccessControl, assertSafeBinding } from '../services/access/access-control';
import { OidcVerifier } from '../services/access/oidc';
import { seedIfEmpty } from '../services/seeds';

export const SERVE_USAGE = `  serve                      serve GraphQL at http://HOST:PORT/graphql (seeds an empty database first)
`;

export async function serve(config: Config, seed: boolean): Promise<number> {
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
  const server = await startServer(store, { port: config.port, host: config.host, access: new AccessControl(store, oidc, config.anonymousLoopback, { limits: config.credentialLimits }), responseCacheMb: config.responseCacheMb, allowedHosts: config.allowedHosts, ...config.requestLimits });
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
