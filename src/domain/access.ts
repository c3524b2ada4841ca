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
  audience?: string;
  /** Claim holding the role (a string or a list of strings), e.g. `fieldtrail_role` or `groups`. */
  roleClaim: string;
  /** Claim value → role, e.g. { 'privacy-dpo': 'viewer', 'privacy-eng': 'editor' }; FieldTrail role names map to themselves. */
  roleMap: Record<string, Role>;
}
