/**
 * Configuration: environment variables, overridden by command-line flags.
 * Bad values fail start-up with a message naming the variable or flag.
 */
import { DEFAULT_MAX_QUERY_COST, DEFAULT_MAX_RESPONSE_MB, DEFAULT_REQUEST_TIMEOUT_MS } from './domain/request-limits';
import { DEFAULT_CREDENTIAL_LIMITS, DEFAULT_OIDC_CLOCK_TOLERANCE_SECONDS, isRole, type CredentialLimits, type OidcSettings, type Role } from './domain/access';

export type StoreKind = 'sqlite' | 'neo4j';

export interface Config {
  port: number;
  host: string;
  store: StoreKind;
  /** SQLite file (or `:memory:`). */
  dbPath: string;
  neo4j: { uri?: string; user?: string; password?: string; database?: string; maxConnectionPoolSize?: number };
  /** SSO: JWTs from this issuer, verified with its JWKS; null when not configured. */
  oidc: OidcSettings | null;
  /** Anonymous read-only requests from loopback (default on). */
  anonymousLoopback: boolean;
  /** Memory for cached answers to repeated read queries, in MB (0: off). */
  responseCacheMb: number;
  /** Failed sign-in budgets and how soon a revoked key stops working. */
  credentialLimits: CredentialLimits;
  /** Host names accepted besides loopback ones (DNS rebinding defence), lower-case. */
  allowedHosts: string[];
  /** What one request may cost: estimated answer values, wall time, answer size. */
  requestLimits: { maxQueryCost: number; requestTimeoutMs: number; maxResponseMb: number };
}

/** Documented in README: name, default, meaning. */
export const CONFIG_TABLE: Array<{ env: string; flag: string; default: string; meaning: string }> = [
  { env: 'PORT', flag: '--port', default: '4000', meaning: 'TCP port the server listens on' },
  { env: 'HOST', flag: '--host', default: '127.0.0.1', meaning: 'address the server binds to' },
  { env: 'FIELDTRAIL_DB', flag: '--db', default: './data/fieldtrail.db', meaning: 'embedded database file (`:memory:` for a throw-away one)' },
  { env: 'FIELDTRAIL_STORE', flag: '--store', default: 'sqlite', meaning: 'store adapter: `sqlite` (embedded) or `neo4j`' },
  { env: 'NEO4J_URI', flag: '', default: '', meaning: 'Neo4j routing URI, e.g. `neo4j://host:7687` or `neo4j+s://xxxx.databases.neo4j.io`' },
  { env: 'NEO4J_USER', flag: '', default: 'neo4j', meaning: 'Neo4j user' },
  { env: 'NEO4J_PASSWORD', flag: '', default: '', meaning: 'Neo4j password' },
  { env: 'NEO4J_DATABASE', flag: '', default: 'the server default', meaning: 'Neo4j database name' },
  { env: 'NEO4J_MAX_POOL_SIZE', flag: '', default: '100', meaning: 'connections per FieldTrail process' },
  { env: 'FIELDTRAIL_ANONYMOUS_LOOPBACK', flag: '', default: 'true', meaning: 'let clients on this machine read without credentials (`false`: every request needs a key or token)' },
  { env: 'FIELDTRAIL_ALLOWED_HOSTS', flag: '', default: '', meaning: 'host names a proxy forwards under, comma-separated (`fieldtrail.example.com`, `*.example.com`); besides loopback names, only these are answered (see docs/security.md)' },
  { env: 'FIELDTRAIL_RESPONSE_CACHE_MB', flag: '', default: '64', meaning: 'memory for whole answers to repeated read queries, kept until the inventory changes (`0`: off)' },
  { env: 'FIELDTRAIL_MAX_QUERY_COST', flag: '', default: String(DEFAULT_MAX_QUERY_COST), meaning: 'estimated values one answer may hold; costlier queries are refused before they run (QUERY_TOO_COSTLY, see docs/security.md)' },
  { env: 'FIELDTRAIL_REQUEST_TIMEOUT_SECONDS', flag: '', default: String(DEFAULT_REQUEST_TIMEOUT_MS / 1000), meaning: 'a request still running after this many seconds is stopped and answered 503 REQUEST_TIMEOUT' },
  { env: 'FIELDTRAIL_MAX_RESPONSE_MB', flag: '', default: String(DEFAULT_MAX_RESPONSE_MB), meaning: 'largest answer sent, in MB; a larger one is answered 413 RESPONSE_TOO_LARGE' },
  { env: 'FIELDTRAIL_AUTH_FAILURES_PER_KEY', flag: '', default: String(DEFAULT_CREDENTIAL_LIMITS.failuresPerKeyId), meaning: 'failed sign-ins per minute with one API key id, from addresses that never signed in with it (`0`: no limit)' },
  { env: 'FIELDTRAIL_AUTH_FAILURES_PER_ADDRESS', flag: '', default: String(DEFAULT_CREDENTIAL_LIMITS.failuresPerAddress), meaning: 'failed sign-ins per minute from one client address (IPv6: one /64) (`0`: no limit)' },
  { env: 'FIELDTRAIL_KEY_REVOCATION_SECONDS', flag: '', default: String(DEFAULT_CREDENTIAL_LIMITS.keyRecheckMs / 1000), meaning: 'a revoked API key stops working within this many seconds (`0`: its record is read on every request)' },
  { env: 'FIELDTRAIL_OIDC_ISSUER', flag: '', default: '', meaning: 'accept SSO tokens (JWT) from this OIDC issuer (`iss`)' },
  { env: 'FIELDTRAIL_OIDC_JWKS_URL', flag: '', default: '', meaning: "the issuer's JWKS URL (required with the issuer)" },
  { env: 'FIELDTRAIL_OIDC_AUDIENCE', flag: '', default: '', meaning: 'the `aud` tokens must carry (required with the issuer)' },
  { env: 'FIELDTRAIL_OIDC_CLOCK_TOLERANCE_SECONDS', flag: '', default: String(DEFAULT_OIDC_CLOCK_TOLERANCE_SECONDS), meaning: 'leeway for clock skew on `exp`, `nbf` and `iat`, in seconds (0–300)' },
  { env: 'FIELDTRAIL_OIDC_ROLE_CLAIM', flag: '', default: 'fieldtrail_role', meaning: 'claim holding the role (a string or a list, e.g. `groups`)' },
  { env: 'FIELDTRAIL_OIDC_ROLE_MAP', flag: '', default: '', meaning: 'claim values to roles, e.g. `privacy-dpo=viewer,privacy-eng=editor`' },
];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv, flags: Record<string, string | undefined> = {}): Config {
  // An empty variable counts as unset (a common way to clear one in shells and CI files).
  const pick = (flag: string, name: string, fallback: string) => flags[flag] ?? (env[name] || undefined) ?? fallback;
  const portText = pick('port', 'PORT', '4000');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new ConfigError(`${flags.port !== undefined ? '--port' : 'PORT'} must be a port number from 0 to 65535, got "${portText}"`);
  }
  const store = pick('store', 'FIELDTRAIL_STORE', 'sqlite');
  if (store !== 'sqlite' && store !== 'neo4j') {
    throw new ConfigError(`${flags.store !== undefined ? '--store' : 'FIELDTRAIL_STORE'} must be "sqlite" or "neo4j", got "${store}"`);
  }
  const host = pick('host', 'HOST', '127.0.0.1');
  if (!host.trim()) throw new ConfigError('HOST must not be empty');
  const dbPath = pick('db', 'FIELDTRAIL_DB', './data/fieldtrail.db');
  if (!dbPath.trim()) throw new ConfigError('FIELDTRAIL_DB must not be empty');
  const poolText = env.NEO4J_MAX_POOL_SIZE || undefined;
  if (poolText !== undefined && !/^[1-9]\d*$/.test(poolText)) {
    throw new ConfigError(`NEO4J_MAX_POOL_SIZE must be a positive whole number, got "${poolText}"`);
  }
  const issuer = env.FIELDTRAIL_OIDC_ISSUER || undefined;
  const jwksUrl = env.FIELDTRAIL_OIDC_JWKS_URL || undefined;
  if (!!issuer !== !!jwksUrl) {
    throw new ConfigError('FIELDTRAIL_OIDC_ISSUER and FIELDTRAIL_OIDC_JWKS_URL go together: set both, or neither');
  }
  const audience = env.FIELDTRAIL_OIDC_AUDIENCE || undefined;
  if (issuer && !audience) {
    throw new ConfigError('FIELDTRAIL_OIDC_AUDIENCE must be set with FIELDTRAIL_OIDC_ISSUER: the `aud` FieldTrail tokens carry, so tokens the issuer minted for other applications are refused');
  }
  const clockTolerance = wholeNumber(env, 'FIELDTRAIL_OIDC_CLOCK_TOLERANCE_SECONDS', DEFAULT_OIDC_CLOCK_TOLERANCE_SECONDS, 300, 'seconds');
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError(`FIELDTRAIL_OIDC_JWKS_URL must be an http(s) URL, got "${jwksUrl}"`);
  const roleMap = parseRoleMap(env.FIELDTRAIL_OIDC_ROLE_MAP);
  const anonymousText = env.FIELDTRAIL_ANONYMOUS_LOOPBACK || 'true';
  if (anonymousText !== 'true' && anonymousText !== 'false') {
    throw new ConfigError(`FIELDTRAIL_ANONYMOUS_LOOPBACK must be true or false, got "${anonymousText}"`);
  }
  const cacheText = env.FIELDTRAIL_RESPONSE_CACHE_MB || '64';
  if (!/^\d+$/.test(cacheText) || Number(cacheText) > 65_536) {
    throw new ConfigError(`FIELDTRAIL_RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 65536, got "${cacheText}"`);
  }
  const credentialLimits: CredentialLimits = {
    failuresPerKeyId: wholeNumber(env, 'FIELDTRAIL_AUTH_FAILURES_PER_KEY', DEFAULT_CREDENTIAL_LIMITS.failuresPerKeyId, 100_000, 'failed attempts per minute'),
    failuresPerAddress: wholeNumber(env, 'FIELDTRAIL_AUTH_FAILURES_PER_ADDRESS', DEFAULT_CREDENTIAL_LIMITS.failuresPerAddress, 100_000, 'failed attempts per minute'),
    keyRecheckMs: wholeNumber(env, 'FIELDTRAIL_KEY_REVOCATION_SECONDS', DEFAULT_CREDENTIAL_LIMITS.keyRecheckMs / 1000, 3600, 'seconds') * 1000,
  };
  const allowedHosts = parseAllowedHosts(env.FIELDTRAIL_ALLOWED_HOSTS);
  const requestLimits = {
    maxQueryCost: atLeastOne(wholeNumber(env, 'FIELDTRAIL_MAX_QUERY_COST', DEFAULT_MAX_QUERY_COST, 100_000_000, 'estimated values'), 'FIELDTRAIL_MAX_QUERY_COST'),
    requestTimeoutMs: atLeastOne(wholeNumber(env, 'FIELDTRAIL_REQUEST_TIMEOUT_SECONDS', DEFAULT_REQUEST_TIMEOUT_MS / 1000, 3600, 'seconds'), 'FIELDTRAIL_REQUEST_TIMEOUT_SECONDS') * 1000,
    maxResponseMb: atLeastOne(wholeNumber(env, 'FIELDTRAIL_MAX_RESPONSE_MB', DEFAULT_MAX_RESPONSE_MB, 4096, 'megabytes'), 'FIELDTRAIL_MAX_RESPONSE_MB'),
  };
  return {
    allowedHosts,
    requestLimits,
    anonymousLoopback: anonymousText === 'true',
    credentialLimits,
    responseCacheMb: Number(cacheText),
    oidc: issuer && jwksUrl
      ? { issuer, jwksUrl, audience: audience!, clockToleranceSeconds: clockTolerance, roleClaim: env.FIELDTRAIL_OIDC_ROLE_CLAIM || 'fieldtrail_role', roleMap }
      : null,
    port,
    host,
    store,
    dbPath,
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      user: env.NEO4J_USER || undefined,
      password: env.NEO4J_PASSWORD || undefined,
      database: env.NEO4J_DATABASE || undefined,
      maxConnectionPoolSize: poolText ? Number(poolText) : undefined,
    },
  };
}

/** A whole-number setting from `0` to `max`, or its default when unset. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, unit: string): number {
  const text = env[name] || undefined;
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) > max) throw new ConfigError(`${name} must be a whole number of ${unit} from 0 to ${max}, got "${text}"`);
  return Number(text);
}

/** These limits have no "off": 0 would refuse every request. */
function atLeastOne(value: number, name: string): number {
  if (value < 1) throw new ConfigError(`${name} must be at least 1, got 0`);
  return value;
}

/** Parses FIELDTRAIL_ALLOWED_HOSTS: names as a Host header carries them, without port or scheme. */
function parseAllowedHosts(text: string | undefined): string[] {
  const hosts: string[] = [];
  for (const entry of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const name = entry.toLowerCase();
    const plain = name.startsWith('*.') ? name.slice(2) : name;
    if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(plain) && !/^\[[0-9a-f:.]+\]$/.test(plain)) {
      throw new ConfigError(`FIELDTRAIL_ALLOWED_HOSTS entry "${entry}" must be a host name such as fieldtrail.example.com or *.example.com (no scheme, port or path)`);
    }
    hosts.push(plain.startsWith('[') ? plain.slice(1, -1) : name);
  }
  return hosts;
}

/** Parses `claimValue=role,claimValue=role` (FIELDTRAIL_OIDC_ROLE_MAP). */
function parseRoleMap(text: string | undefined): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [value, role] = pair.split('=').map((s) => s.trim());
    if (!value || !isRole(role)) throw new ConfigError(`FIELDTRAIL_OIDC_ROLE_MAP entry "${pair}" must be claimValue=viewer|editor|admin`);
    map[value] = role;
  }
  return map;
}
