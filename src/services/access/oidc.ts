/**
 * JWTs from the company's OIDC issuer (DPO dashboards sit behind SSO): verified against the
 * issuer's JWKS with jose, and a configured claim mapped to a FieldTrail role.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isRole, type OidcSettings, type Role } from '../../domain/access';

export interface VerifiedToken {
  subject: string;
  role: Role;
}

export class OidcVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: OidcSettings, keys?: JWTVerifyGetKey) {
    this.keys = keys ?? createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  /** The token's subject and role; null when the token is invalid, expired or grants no role. */
  async verify(token: string): Promise<VerifiedToken | null> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: 30,
      });
      const role = this.roleOf(payload[this.settings.roleClaim]);
      return role && payload.sub ? { subject: payload.sub, role } : null;
    } catch {
      return null;
    }
  }

  /** The strongest role any claim value grants. */
  private roleOf(claim: unknown): Role | null {
    const values = Array.isArray(claim) ? claim : [claim];
    const roles = values.flatMap((v) => {
      if (typeof v !== 'string') return [];
      const mapped = this.settings.roleMap[v] ?? (isRole(v) ? v : undefined);
      return mapped ? [mapped] : [];
    });
    for (const r of ['admin', 'editor', 'viewer'] as const) if (roles.includes(r)) return r;
    return null;
  }
}
