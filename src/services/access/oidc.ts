/**
 * JWTs from the company's OIDC issuer (DPO dashboards sit behind SSO): verified against the
 * issuer's JWKS with jose, and a configured claim mapped to a FieldTrail role.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DEFAULT_OIDC_CLOCK_TOLERANCE_SECONDS, isRole, type OidcSettings, type Role } from '../../domain/access';

export interface VerifiedToken {
  subject: string;
  role: Role;
  /** The token's `exp`, in ms since the epoch: nothing may remember the token as valid past it. */
  expiresAt: number;
}

/**
 * Why a token was not accepted. `retryable`: the issuer's keys could not be fetched, so the same
 * token may pass later and its refusal must not be remembered.
 */
export interface RefusedToken {
  refused: string;
  retryable: boolean;
}

/** Failures that say nothing about the token itself, only that the JWKS could not be used now. */
const ISSUER_UNAVAILABLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JWKS_NO_MATCHING_KEY']);

export class OidcVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly toleranceSeconds: number;

  constructor(private readonly settings: OidcSettings, keys?: JWTVerifyGetKey) {
    // Without an audience, a token the issuer minted for any other application would be accepted.
    if (!settings.audience) throw new Error('OIDC needs an audience: tokens the issuer minted for other applications must not count');
    this.toleranceSeconds = settings.clockToleranceSeconds ?? DEFAULT_OIDC_CLOCK_TOLERANCE_SECONDS;
    this.keys = keys ?? createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  /** The token's subject, role and expiry; otherwise why it was refused. */
  async verify(token: string): Promise<VerifiedToken | RefusedToken> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.toleranceSeconds,
        // A token without `exp` would be valid forever.
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { refused: 'invalid or expired token: its "exp" has passed', retryable: false };
      if (err instanceof errors.JWTClaimValidationFailed) return { refused: `invalid or expired token: ${err.message}`, retryable: false };
      if (err instanceof errors.JOSEError && !ISSUER_UNAVAILABLE.has(err.code)) return { refused: 'invalid or expired token: not a JWT signed by the SSO issuer', retryable: false };
      return { refused: "the SSO issuer's signing keys could not be fetched; try again shortly", retryable: true };
    }
    // jose checks `iat` only together with a maximum age; a token issued in the future is forged or
    // comes from a badly skewed clock, and either way is refused.
    if (payload.iat !== undefined && payload.iat > Date.now() / 1000 + this.toleranceSeconds) {
      return { refused: 'invalid or expired token: its "iat" (issued at) lies in the future', retryable: false };
    }
    const role = this.roleOf(payload[this.settings.roleClaim]);
    if (!role) return { refused: `the SSO token grants no FieldTrail role (claim "${this.settings.roleClaim}")`, retryable: false };
    return { subject: payload.sub!, role, expiresAt: payload.exp! * 1000 };
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
