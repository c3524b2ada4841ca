/**
 * DNS rebinding defence: a web page can make a browser send requests to this machine under the
 * page's own host name. Such requests carry that foreign name in `Host`, so requests that could
 * come from a browser here must name this server by a loopback name or one the operator listed.
 */
import { isIP } from 'node:net';

/** Names (and IP literals) that always mean this machine. `*.localhost` resolves to loopback (RFC 6761). */
function isLoopbackName(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return isLoopbackName(plain.toLowerCase());
}

/** The host name of a Host header without its port, lower-cased, IPv6 brackets removed; null if malformed. */
export function hostName(header: string): string | null {
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) return isIP(bracketed[1]) === 6 ? bracketed[1] : null;
  const named = /^([a-z0-9_.-]+)(?::\d{1,5})?$/.exec(value);
  return named ? named[1].replace(/\.$/, '') : null;
}

export interface HostPolicy {
  /** The address the server is bound to (HOST). */
  boundTo: string;
  /** Extra accepted names from FIELDTRAIL_ALLOWED_HOSTS: exact names, or `*.example.com` for subdomains. */
  allowedHosts: readonly string[];
}

/**
 * Why this request's Host is refused, or null when it is accepted. Checked when the server is
 * bound to loopback, when the request comes over loopback (where a rebound browser would be),
 * or whenever the operator listed names; otherwise any Host is accepted, since requests from
 * other machines need credentials anyway.
 */
export function refuseHost(policy: HostPolicy, hostHeader: string | undefined, remoteAddress: string | undefined): string | null {
  const enforced = isLoopbackAddress(policy.boundTo) || policy.boundTo === 'localhost' || isLoopbackAddress(remoteAddress) || policy.allowedHosts.length > 0;
  if (!enforced) return null;
  if (hostHeader === undefined || hostHeader === '') return 'the Host header is missing';
  const name = hostName(hostHeader);
  if (name === null) return `the Host header "${hostHeader.slice(0, 200)}" is not a host name`;
  if (isLoopbackName(name) || name === policy.boundTo.toLowerCase()) return null;
  if (policy.allowedHosts.some((allowed) => (allowed.startsWith('*.') ? name.endsWith(allowed.slice(1)) : name === allowed))) return null;
  return `this server does not answer to the host name "${name}": it answers to localhost, 127.0.0.1 and [::1]${policy.allowedHosts.length ? ` and ${policy.allowedHosts.join(', ')}` : ''}; a proxy's public name must be listed in FIELDTRAIL_ALLOWED_HOSTS`;
}
