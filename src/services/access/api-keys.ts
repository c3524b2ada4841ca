/**
 * API keys: `ft_<id>_<secret>`. The id is public (it names the key in lists and audit entries);
 * the secret is shown once and kept only as a salted scrypt hash, compared in constant time.
 */
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ApiKeyRecord, Role } from '../../domain/access';

const scrypt = (secret: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(secret, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

/** scrypt cost: N=2^15, r=8, p=1 (OWASP's minimum for scrypt), 32-byte key. */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_PATTERN = /^ft_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export async function newApiKey(name: string, role: Role): Promise<{ secret: string; record: ApiKeyRecord }> {
  const id = randomBytes(6).toString('hex');
  const secretPart = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const hash = await scrypt(secretPart, salt, 32, PARAMS);
  return {
    secret: `ft_${id}_${secretPart}`,
    record: {
      id,
      name,
      role,
      hash: `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${hash.toString('base64')}`,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    },
  };
}

/** The key id a presented token claims, or null when it is not shaped like one of ours. */
export function apiKeyId(token: string): string | null {
  return KEY_PATTERN.exec(token)?.[1] ?? null;
}

export async function secretMatches(token: string, record: ApiKeyRecord): Promise<boolean> {
  const m = KEY_PATTERN.exec(token);
  const [scheme, n, r, p, salt, expected] = record.hash.split('$');
  if (!m || m[1] !== record.id || scheme !== 'scrypt') return false;
  const expectedBytes = Buffer.from(expected, 'base64');
  const actual = await scrypt(m[2], Buffer.from(salt, 'base64'), expectedBytes.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem });
  return actual.length === expectedBytes.length && timingSafeEqual(actual, expectedBytes);
}

/**
 * A stand-in record with the same scrypt cost as real keys, checked when the claimed id names no
 * usable key, so a refusal takes as long whether or not the id exists. No known secret matches it.
 */
export function decoyRecord(id: string): ApiKeyRecord {
  const salt = createHash('sha256').update('fieldtrail decoy salt').digest().subarray(0, 16);
  const hash = createHash('sha256').update('fieldtrail decoy hash').digest();
  return {
    id,
    name: '(no such key)',
    role: 'viewer',
    hash: `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${hash.toString('base64')}`,
    createdAt: '1970-01-01T00:00:00.000Z',
    revokedAt: null,
  };
}
