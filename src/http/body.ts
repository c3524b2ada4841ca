/**
 * Request bodies and query strings as text: bytes that are not UTF-8 are refused rather than
 * replaced with U+FFFD, so nothing is stored that the client did not send.
 */
import type { IncomingMessage } from 'node:http';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the body, or null once it grows past `limit` (the rest is drained, not kept). */
export function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The bytes as text, or null when they are not valid UTF-8. A leading BOM is dropped, as JSON (RFC 8259) allows. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The byte offset of the first sequence that is not UTF-8 (-1: none), to name it in the error. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i] >= lo && bytes[i] <= hi;
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c < 0x80) i += 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) i += 2;
    // E0 and F0 forbid overlong forms, ED surrogates, F4 code points past U+10FFFF.
    else if (c >= 0xe0 && c <= 0xef && cont(i + 1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && cont(i + 2)) i += 3;
    else if (c >= 0xf0 && c <= 0xf4 && cont(i + 1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return -1;
}

/**
 * Why a query string (`?query=…&variables=…`) is refused, or null: every percent-escape must
 * decode to UTF-8 (URLSearchParams would silently turn bad bytes into U+FFFD).
 */
export function refuseQueryString(search: string): string | null {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    for (const part of pair.split('=')) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        const name = pair.split('=')[0];
        return `the query string parameter "${name.slice(0, 50)}" is not percent-encoded UTF-8`;
      }
    }
  }
  return null;
}
