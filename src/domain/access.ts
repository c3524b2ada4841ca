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
