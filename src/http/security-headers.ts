/**
 * Headers every response carries: the dashboard reads credentials from its URL (`#token=`), so
 * no other site may frame it, inject script into it or learn its address from a Referer.
 */
import type { ServerResponse } from 'node:http';

/**
 * Only this server's own files: no inline script or style element, no eval, no plugins, no
 * framing, forms and fetches to this origin only (images and fonts may also be data: URLs). The dashboard sets styles through the DOM
 * (CSSOM), which `style-src 'self'` allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // GraphiQL's stylesheet carries its fonts and a few icons as data: URLs; neither can run code.
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['content-security-policy', CONTENT_SECURITY_POLICY],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  // frame-ancestors for browsers that predate it.
  ['x-frame-options', 'DENY'],
  ['cross-origin-opener-policy', 'same-origin'],
];

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
}
