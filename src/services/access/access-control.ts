/**
 * Decides who is behind a request: an API key, an OIDC token, or (on loopback only) an anonymous
 * reader. Secure by default: no credentials from another machine means no access at all.
 *
 * Credential checks cannot be used to wear the server down: a presented credential is checked once
 * however many requests carry it at the same time, a refused one is remembered briefly, failures
 * are budgeted per key id and per client address, and scrypt runs a bounded number at a time.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isIP } from 'node:net';
import { DEFAULT_CREDENTIAL_LIMITS, type Actor, type CredentialLimits, type Role } from '../../domain/access';
import type { ApiKeyStore } from '../../store/inventory-store';
import { apiKeyId, decoyRecord, secretMatches } from './api-keys';
import { clientOf, FailureBudget, VerificationBusy, VerificationSlots } from './attempt-limits';
import type { OidcVerifier } from './oidc';

export type AccessDeniedCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'TOO_MANY_ATTEMPTS' | 'AUTHENTICATION_BUSY';

export class AccessDenied extends Error {
  constructor(
    readonly status: 401 | 403 | 429 | 503,
    readonly code: AccessDeniedCode,
    message: string,
    /** For 429 and 503: when the client may try again (the Retry-After header). */
    readonly retryAfterSeconds?: number,
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

/** A verified API key's scrypt result is kept this long; whether the key was revoked is re-read separately (keyRecheckMs). */
const VERIFIED_KEY_MS = 10 * 60_000;
/** A verified SSO token is kept this long, and never past its `exp`. */
const VERIFIED_TOKEN_MS = 30_000;
const VERIFIED_MAX = 1000;
/** A refused credential is answered from memory this long, without scrypt or signature checks. */
const REFUSED_MS = 60_000;
const REFUSED_MAX = 10_000;
/** An address that signed in with a key is exempt from that key id's failure budget this long. */
const TRUSTED_MS = 24 * 60 * 60_000;
const TRUSTED_MAX = 10_000;

interface Verified {
  actor: Actor;
  until: number;
  /** For API keys: the record's id and hash the secret matched, and when the record was last read. */
  key?: { id: string; hash: string; checkedAt: number };
}

type Outcome = Verified | { refused: string; remember: boolean };

const UNKNOWN_KEY = 'invalid or revoked API key';

export interface AccessControlOptions {
  limits?: Partial<CredentialLimits>;
  /** scrypt computations at once (default: half the cores, at least 2). */
  verificationSlots?: number;
  /** Checks that may wait for a slot before new ones are answered AUTHENTICATION_BUSY (default 256). */
  maxWaitingChecks?: number;
}

export class AccessControl {
  private readonly verified = new Map<string, Verified>();
  private readonly refused = new Map<string, { until: number; message: string }>();
  private readonly inFlight = new Map<string, Promise<Outcome>>();
  /** `<key id> <client>` → until when that client is exempt from the key id's failure budget. */
  private readonly trusted = new Map<string, number>();
  private readonly perKeyId: FailureBudget;
  private readonly perClient: FailureBudget;
  private readonly slots: VerificationSlots;
  readonly limits: CredentialLimits;

  constructor(
    private readonly keys: ApiKeyStore | null,
    private readonly oidc: OidcVerifier | null,
    /** Anonymous read-only access for loopback clients (on by default; off demands credentials everywhere). */
    private readonly anonymousLoopback = true,
    options: AccessControlOptions = {},
  ) {
    this.limits = { ...DEFAULT_CREDENTIAL_LIMITS, ...options.limits };
    this.perKeyId = new FailureBudget(this.limits.failuresPerKeyId);
    this.perClient = new FailureBudget(this.limits.failuresPerAddress);
    this.slots = new VerificationSlots(options.verificationSlots ?? Math.max(2, Math.floor(availableParallelism() / 2)), options.maxWaitingChecks);
  }

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
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const now = Date.now();

    // A credential already proven costs no scrypt, so no budget applies to it.
    const known = this.verified.get(tokenHash);
    if (known && known.until > now) {
      if (!known.key || now - known.key.checkedAt < this.limits.keyRecheckMs) return known.actor;
      return this.settle(tokenHash, () => this.recheckKey(known));
    }
    if (known) this.verified.delete(tokenHash);

    // Everything from here to taking from the budgets runs without awaiting, so requests arriving
    // together see each other's attempts.
    const client = clientOf(remoteAddress);
    const keyId = apiKeyId(token);
    const keyIdBudget = keyId && !this.isTrusted(keyId, client, now) ? keyId : null;
    const clientWait = this.perClient.retryAfterSeconds(client, now);
    const keyIdWait = keyIdBudget ? this.perKeyId.retryAfterSeconds(keyIdBudget, now) : 0;
    if (clientWait > 0 || keyIdWait > 0) {
      const wait = Math.max(clientWait, keyIdWait);
      const from = clientWait > 0 ? 'from this address' : `with key id ${keyId}`;
      throw new AccessDenied(429, 'TOO_MANY_ATTEMPTS', `too many failed sign-in attempts ${from}; try again in ${wait} s`, wait);
    }
    const refusal = this.refused.get(tokenHash);
    if (refusal && refusal.until > now) throw new AccessDenied(401, 'UNAUTHENTICATED', refusal.message);
    if (refusal) this.refused.delete(tokenHash);

    // The same credential is being checked for another request: share that check's answer.
    if (this.inFlight.has(tokenHash)) return this.settle(tokenHash);

    const suspect = this.perClient.hasFailed(client, now) || (keyIdBudget !== null && this.perKeyId.hasFailed(keyIdBudget, now));
    this.perClient.take(client, now);
    if (keyIdBudget) this.perKeyId.take(keyIdBudget, now);
    const refund = () => {
      this.perClient.refund(client);
      if (keyIdBudget) this.perKeyId.refund(keyIdBudget);
    };
    return this.settle(tokenHash, async () => {
      let outcome: Outcome;
      try {
        outcome = await this.verify(token, suspect);
      } catch (err) {
        // Not the client's failure (the store is unavailable, the server too busy): nothing is charged.
        refund();
        throw err;
      }
      if ('refused' in outcome) {
        // A refusal that says nothing about the credential (the issuer's keys were unreachable) is not charged either.
        if (!outcome.remember) refund();
      } else {
        refund();
        if (outcome.key) this.trust(outcome.key.id, client);
      }
      return outcome;
    });
  }

  /** Forget cached verifications and refusals (after a key is revoked in this process). */
  forgetCredentials(): void {
    this.verified.clear();
    this.refused.clear();
  }

  /** Runs the one check of a credential (or, without `check`, joins the one running), remembers its outcome, and answers with it. */
  private async settle(tokenHash: string, check?: () => Promise<Outcome>): Promise<Actor> {
    let pending = this.inFlight.get(tokenHash);
    if (!pending) {
      if (!check) throw new Error('no check of this credential is running');
      pending = check().then((outcome) => {
        this.remember(tokenHash, outcome);
        return outcome;
      });
      this.inFlight.set(tokenHash, pending);
      const clear = () => this.inFlight.delete(tokenHash);
      pending.then(clear, clear);
    }
    let outcome: Outcome;
    try {
      outcome = await pending;
    } catch (err) {
      if (err instanceof VerificationBusy) {
        throw new AccessDenied(503, 'AUTHENTICATION_BUSY', 'the server is checking too many credentials at once; try again in a second', 1);
      }
      throw err;
    }
    if ('refused' in outcome) throw new AccessDenied(401, 'UNAUTHENTICATED', outcome.refused);
    return outcome.actor;
  }

  private remember(tokenHash: string, outcome: Outcome): void {
    const now = Date.now();
    if ('refused' in outcome) {
      this.verified.delete(tokenHash);
      if (!outcome.remember) return;
      if (this.refused.size >= REFUSED_MAX) this.refused.delete(this.refused.keys().next().value!);
      this.refused.set(tokenHash, { until: now + REFUSED_MS, message: outcome.refused });
      return;
    }
    if (outcome.until <= now) return;
    this.verified.delete(tokenHash);
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(tokenHash, outcome);
  }

  /** Reads the key's record again: a key revoked (or replaced) since its secret was checked stops here. */
  private async recheckKey(known: Verified): Promise<Outcome> {
    const record = this.keys ? await this.keys.findApiKey(known.key!.id) : null;
    if (!record || record.revokedAt || record.hash !== known.key!.hash) return { refused: UNKNOWN_KEY, remember: true };
    // Same entry (not a copy): requests holding it see the new check time too.
    known.key!.checkedAt = Date.now();
    return known;
  }

  private async verify(token: string, suspect: boolean): Promise<Outcome> {
    const id = apiKeyId(token);
    if (id && this.keys) {
      const record = await this.keys.findApiKey(id);
      const usable = record && !record.revokedAt ? record : null;
      // An unknown or revoked id is checked against a decoy of the same cost: timing tells nothing.
      const matches = await this.slots.run(suspect, () => secretMatches(token, usable ?? decoyRecord(id)));
      if (usable && matches) {
        const now = Date.now();
        return { actor: { id: `key:${usable.id}`, role: usable.role, via: 'api-key' }, until: now + VERIFIED_KEY_MS, key: { id: usable.id, hash: usable.hash, checkedAt: now } };
      }
      return { refused: UNKNOWN_KEY, remember: true };
    }
    if (this.oidc) {
      const result = await this.oidc.verify(token);
      if ('refused' in result) return { refused: result.refused, remember: !result.retryable };
      return {
        actor: { id: `oidc:${result.subject}`, role: result.role, via: 'oidc' },
        // Never remembered past the token's own expiry.
        until: Math.min(Date.now() + VERIFIED_TOKEN_MS, result.expiresAt),
      };
    }
    return { refused: 'invalid API key', remember: true };
  }

  private isTrusted(keyId: string, client: string, now: number): boolean {
    return (this.trusted.get(`${keyId} ${client}`) ?? 0) > now;
  }

  private trust(keyId: string, client: string): void {
    const entry = `${keyId} ${client}`;
    this.trusted.delete(entry);
    if (this.trusted.size >= TRUSTED_MAX) this.trusted.delete(this.trusted.keys().next().value!);
    this.trusted.set(entry, Date.now() + TRUSTED_MS);
  }
}

/** Refuses to expose the inventory beyond this machine when nothing could authenticate anyone. */
export async function assertSafeBinding(host: string, keys: ApiKeyStore | null, oidcEnabled: boolean): Promise<void> {
  if (isLoopback(host) || host === 'localhost') return;
  const activeKeys = keys ? (await keys.listApiKeys()).filter((k) => !k.revokedAt) : [];
  if (activeKeys.length === 0 && !oidcEnabled) {
    throw new UnsafeBindingError(
      `refusing to listen on ${host}: no API keys or OIDC issuer are configured, so only loopback clients could be served safely. ` +
        'Create a key with `fieldtrail keys create NAME --role viewer|editor|admin`, or set FIELDTRAIL_OIDC_ISSUER and FIELDTRAIL_OIDC_JWKS_URL (and FIELDTRAIL_OIDC_AUDIENCE), or bind to 127.0.0.1.',
    );
  }
}

export class UnsafeBindingError extends Error {
  override name = 'UnsafeBindingError';
}

export type { Role };
