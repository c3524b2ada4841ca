/**
 * Errors any store may raise, named at the port so callers (the CLI's exit codes) need not know
 * which adapter is behind it.
 */

/** The store cannot be reached or opened (no URI, unreachable server, bad credentials). */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
