/**
 * Who may do what. Roles are ordered: an admin can do what an editor can, an editor what a viewer can.
 * viewer: read the inventory. editor: change it (every mutation). admin: manage access (keys).
 */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The party behind a request or a CLI command, as the audit log records it. */
export interface Actor {
  /** `key:<id>`, `oidc:<subject>`, `anonymous@loopback`, `cli:<user>` */
  id: string;
  role: Role;
  via: 'api-key' | 'oidc' | 'anonymous' | 'cli';
}

/** An API key as stored: the secret only as a hash (services/access/api-keys.ts makes and checks them). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** `scrypt$N$r$p$<salt b64>$<hash b64>` */
  hash: string;
  createdAt: string;
  revokedAt?: string | null;
}

/** SSO: which issuer's JWTs count, and how a claim in them maps to a role. */
export interface OidcSettings {
  issuer: string;
  jwksUrl: string;
  /** Required `aud`: without it, a token the issuer minted for any other application would count. */
  audience: string;
  /** Leeway for clock skew on `exp`, `nbf` and `iat`, in seconds (default 5). */
  clockToleranceSeconds?: number;
  /** Claim holding the role (a string or a list of strings), e.g. `fieldtrail_role` or `groups`. */
  roleClaim: string;
  /** Claim value → role, e.g. { 'privacy-dpo': 'viewer', 'privacy-eng': 'editor' }; FieldTrail role names map to themselves. */
  roleMap: Record<string, Role>;
}

export const DEFAULT_OIDC_CLOCK_TOLERANCE_SECONDS = 5;

/**
 * How hard a credential may be guessed at, and how soon a revoked key stops working. Per process:
 * several servers behind a load balancer each apply them separately.
 */
export interface CredentialLimits {
  /** Failed attempts per key id per minute, from addresses that have not signed in with that key before. */
  failuresPerKeyId: number;
  /** Failed attempts per client address per minute (0: no per-address limit, e.g. behind a proxy). */
  failuresPerAddress: number;
  /** How long a verified API key may be used before its record is read again for revocation, in ms (0: every request). */
  keyRecheckMs: number;
}

export const DEFAULT_CREDENTIAL_LIMITS: CredentialLimits = { failuresPerKeyId: 10, failuresPerAddress: 30, keyRecheckMs: 5_000 };
