/**
 * A small History-API router: real paths (/fields/imei), so links can be shared and reloaded —
 * the server answers every unknown GET with index.html.
 */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'overview' }
  | { name: 'fields' }
  | { name: 'field'; key: string }
  | { name: 'parties' }
  | { name: 'findings' }
  | { name: 'reports' }
  | { name: 'graphiql' }
  | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0) return { name: 'overview' };
  if (parts[0] === 'fields' && parts.length === 1) return { name: 'fields' };
  if (parts[0] === 'fields' && parts.length === 2) return { name: 'field', key: parts[1] };
  if (parts[0] === 'parties' && parts.length === 1) return { name: 'parties' };
  if (parts[0] === 'findings' && parts.length === 1) return { name: 'findings' };
  if (parts[0] === 'reports' && parts.length === 1) return { name: 'reports' };
  if (parts[0] === 'graphiql' && parts.length === 1) return { name: 'graphiql' };
  return { name: 'not-found' };
}

const EVENT = 'fieldtrail:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  // The fragment counts: dropping '#party-…' closes that party's card.
  if (to === location.pathname + location.search + location.hash) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
}

export interface Location {
  pathname: string;
  params: URLSearchParams;
  /** The fragment with its '#', or '' (e.g. '#party-umeng', which opens that party's card). */
  hash: string;
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(() => ({ pathname: location.pathname, search: location.search, hash: location.hash }));
  useEffect(() => {
    const update = () => setLoc({ pathname: location.pathname, search: location.search, hash: location.hash });
    window.addEventListener('popstate', update);
    window.addEventListener('hashchange', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('hashchange', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return { pathname: loc.pathname, params: new URLSearchParams(loc.search), hash: loc.hash };
}

/** Replaces some query parameters of the current URL (null or '' removes one). */
export function withParams(pathname: string, current: URLSearchParams, changes: Record<string, string | number | null | undefined>): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  const qs = next.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

export function fieldPath(key: string): string {
  return `/fields/${encodeURIComponent(key)}`;
}

export function Link({ to, replace, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; replace?: boolean }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to, { replace });
    window.scrollTo(0, 0);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
