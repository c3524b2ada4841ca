/**
 * Who the dashboard talks to the API as. The server lets anonymous clients read only from its
 * own machine (and not at all with FIELDTRAIL_ANONYMOUS_LOOPBACK=false); everyone else sends
 * `Authorization: Bearer <API key or SSO token>`. So the dashboard starts without credentials,
 * and when the API answers 401 it asks for a key or token, keeps it in this tab only
 * (sessionStorage) and sends it on every request until sign-out.
 *
 * A token may also arrive from an SSO portal's redirect in the URL fragment (`#token=…`, or
 * `#access_token=…`): it is taken before anything renders and removed from the address bar and
 * the history entry. The token itself is never logged, shown or put back into a URL.
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'fieldtrail.token';
/** Fragment parameters a token may come in, most specific first. */
const TOKEN_PARAMS = ['token', 'access_token'];
/** Parameters of an OAuth-style redirect that travel with the token and go with it. */
const COMPANION_PARAMS = ['token_type', 'expires_in', 'scope', 'state', 'session_state'];

export interface AuthState {
  /** The API key or SSO token sent as Bearer; null: none (anonymous). */
  token: string | null;
  /** The API answered 401: the dashboard must ask for credentials. */
  required: boolean;
  /** Why the last credentials were refused (the server's words, never the token). */
  refused: string | null;
  /** Changes whenever the credentials change: answers from before are not reused. */
  epoch: number;
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(STORAGE_KEY, token);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable: the token lives in memory for this page only
  }
}

let state: AuthState = { token: stored(), required: false, refused: null, epoch: 0 };
const listeners = new Set<() => void>();

function update(next: Partial<AuthState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function authState(): AuthState {
  return state;
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAuth(): AuthState {
  return useSyncExternalStore(subscribeAuth, authState);
}

export function currentToken(): string | null {
  return state.token;
}

/** Start sending this key or token (already checked against the API). */
export function signIn(token: string): void {
  store(token);
  update({ token, required: false, refused: null, epoch: state.epoch + 1 });
}

export function signOut(): void {
  store(null);
  update({ token: null, required: false, refused: null, epoch: state.epoch + 1 });
}

/**
 * The API answered 401 to a request sent with `sentToken` (null: none). Credentials that were
 * refused are forgotten (revoked key, expired token); answers to superseded credentials are ignored.
 */
export function authenticationRequired(message: string, sentToken: string | null): void {
  if (sentToken !== state.token) return;
  if (sentToken) {
    store(null);
    update({ token: null, required: true, refused: message, epoch: state.epoch + 1 });
  } else if (!state.required) {
    update({ required: true });
  }
}

/**
 * Takes a token from the URL fragment (an SSO portal's redirect), stores it and strips it — and
 * only it — from the address bar, keeping any other fragment (e.g. `#party-umeng`). True when
 * one was found.
 */
export function takeTokenFromFragment(): boolean {
  const pieces = window.location.hash.replace(/^#/, '').split('&').filter(Boolean);
  const nameOf = (piece: string) => {
    try {
      return decodeURIComponent(piece.split('=')[0]);
    } catch {
      return piece;
    }
  };
  const valueOf = (piece: string) => {
    const raw = piece.slice(piece.indexOf('=') + 1);
    try {
      return decodeURIComponent(raw).trim();
    } catch {
      return raw.trim();
    }
  };
  const tokenPiece = TOKEN_PARAMS.map((name) => pieces.find((p) => p.includes('=') && nameOf(p) === name)).find(Boolean);
  if (!tokenPiece) return false;
  const token = valueOf(tokenPiece);
  const rest = pieces.filter((p) => ![...TOKEN_PARAMS, ...COMPANION_PARAMS].includes(nameOf(p))).join('&');
  // Replace (not push): the address with the token must not stay in the history either.
  history.replaceState(history.state, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
  if (token) signIn(token);
  return true;
}

export type Identity =
  | { kind: 'api-key'; id: string }
  | { kind: 'sso'; subject: string | null; expiresAt: Date | null }
  | { kind: 'token' };

/**
 * Who a credential says it is, for the header — read locally, without verifying anything (the
 * server verifies; the role is the server's business). API keys are `ft_<id>_<secret>`: only the
 * public id is shown. JWTs show their name, e-mail or subject claim.
 */
export function describeToken(token: string): Identity {
  const key = /^ft_([0-9a-f]{12})_/.exec(token);
  if (key) return { kind: 'api-key', id: key[1] };
  const parts = token.split('.');
  if (parts.length === 3) {
    try {
      const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
      const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
      const subject = text(claims.name) ?? text(claims.preferred_username) ?? text(claims.email) ?? text(claims.sub);
      const expiresAt = typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
      return { kind: 'sso', subject, expiresAt };
    } catch {
      // not a JWT after all
    }
  }
  return { kind: 'token' };
}
