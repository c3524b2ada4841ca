/**
 * Decides who is behind a request: an API key, an OIDC token, or (on loopback only) an anonymous
 * reader. Secure by default: no credentials from another machine means no access at all.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Actor, Role } from '../../domain/access';
import type { ApiKeyStore } from '../../store/inventory-store';
import { apiKeyId, secretMatches } from './api-keys';
import type { OidcVerifier } from './oidc';

export class AccessDenied extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
    this.name = 'AccessDenied';
  }
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.')) || plain === 'localhost';
}

/** Verified credentials are remembered briefly: scrypt is deliberately slow, requests are many. */
const CACHE_MS = 30_000;
const CACHE_MAX = 1000;

export class AccessControl {
  private readonly cache = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly keys: ApiKeyStore | null,
    private readonly oidc: OidcVerifier | null,
    /** Anonymous read-only access for loopback clients (on by default; off demands credentials everywhere). */
    private readonly anonymousLoopback = true,
  ) {}

  get oidcEnabled(): boolean {
    return this.oidc !== null;
  }

  /** The actor for a request's Authorization header and peer address; AccessDenied otherwise. */
  async actorFor(authorization: string | undefined, remoteAddress: string | undefined): Promise<Actor> {
    if (!authorization) {
      if (this.anonymousLoopback && isLoopback(remoteAddress)) return { id: 'anonymous@loopback', role: 'viewer', via: 'anonymous' };
      throw new AccessDenied(401, 'UNAUTHENTICATED', 'authentication required: send "Authorization: Bearer <API key or SSO token>"');
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw new AccessDenied(401, 'UNAUTHENTICATED', 'the Authorization header must be "Bearer <API key or SSO token>"');
    const token = m[1];
    const cacheKey = createHash('sha256').update(token).digest('hex');
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.actor;

    const actor = await this.verify(token);
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(cacheKey, { actor, until: Date.now() + CACHE_MS });
    return actor;
  }

  /** Forget cached verifications (after a key is revoked in this process). */
  forgetCredentials(): void {
    this.cache.clear();
  }

  private async verify(token: string): Promise<Actor> {
    const id = apiKeyId(token);
    if (id && this.keys) {
      const record = await this.keys.findApiKey(id);
      if (record && !record.revokedAt && (await secretMatches(token, record))) {
        return { id: `key:${record.id}`, role: record.role, via: 'api-key' };
      }
      throw new AccessDenied(401, 'UNAUTHENTICATED', 'invalid or revoked API key');
    }
    if (this.oidc) {
      const verified = await this.oidc.verify(token);
      if (verified) return { id: `oidc:${verified.subject}`, role: verified.role, via: 'oidc' };
      throw new AccessDenied(401, 'UNAUTHENTICATED', 'invalid or expired token, or it grants no FieldTrail role');
    }
    throw new AccessDenied(401, 'UNAUTHENTICATED', 'invalid API key');
  }
}

/** Refuses to expose the inventory beyond this machine when nothing could authenticate anyone. */
export async function assertSafeBinding(host: string, keys: ApiKeyStore | null, oidcEnabled: boolean): Promise<void> {
  if (isLoopback(host) || host === 'localhost') return;
  const activeKeys = keys ? (await keys.listApiKeys()).filter((k) => !k.revokedAt) : [];
  if (activeKeys.length === 0 && !oidcEnabled) {
    throw new UnsafeBindingError(
      `refusing to listen on ${host}: no API keys or OIDC issuer are configured, so only loopback clients could be served safely. ` +
        'Create a key with `fieldtrail keys create NAME --role viewer|editor|admin`, or set FIELDTRAIL_OIDC_ISSUER and FIELDTRAIL_OIDC_JWKS_URL, or bind to 127.0.0.1.',
    );
  }
}

export class UnsafeBindingError extends Error {
  override name = 'UnsafeBindingError';
}

export type { Role };
