/**
 * The dashboard's only way to the data: the public GraphQL API at /graphql, with operations
 * typed by codegen (src/generated/graphql.ts, from src/graphql/*.graphql). Every request carries
 * the signed-in API key or SSO token as Bearer (auth.ts); a 401 asks for one.
 */
import { useCallback, useEffect, useState } from 'react';
import { authState, authenticationRequired, currentToken, useAuth } from './auth';
import type { TypedDocumentString } from './generated/graphql';

export const GRAPHQL_URL = '/graphql';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  /** The API wants credentials (HTTP 401, UNAUTHENTICATED). */
  get unauthenticated(): boolean {
    return this.status === 401 || this.codes.includes('UNAUTHENTICATED');
  }
}

interface GraphQLBody<R> {
  data?: R | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Answers are kept briefly, so going back to a page shows it at once. */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; result: Promise<unknown> }>();

/**
 * Sends one operation with the given credentials (no Authorization header for null) and never
 * touches the sign-in state: the sign-in panel uses it to check a pasted key before keeping it.
 */
export async function requestWith<R, V>(token: string | null, doc: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: doc.toString(), variables: variables ?? {} }),
  });
  let body: GraphQLBody<R>;
  try {
    body = (await res.json()) as GraphQLBody<R>;
  } catch {
    throw new GraphQLRequestError(`The server answered ${res.status} without a GraphQL response.`, [], res.status);
  }
  if (body.errors?.length) {
    throw new GraphQLRequestError(body.errors.map((e) => e.message).join('\n'), body.errors.map((e) => e.extensions?.code ?? ''), res.status);
  }
  if (!res.ok || !body.data) throw new GraphQLRequestError(`The server answered ${res.status}.`, [], res.status);
  return body.data;
}

/** Sends one operation as the signed-in user; a 401 makes the dashboard ask for credentials. */
export async function request<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const token = currentToken();
  try {
    return await requestWith(token, doc, variables);
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.unauthenticated) authenticationRequired(error.message, token);
    throw error;
  }
}

export function cachedRequest<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  // Answers are per set of credentials: signing in or out starts afresh.
  const key = `${authState().epoch}\u0000${doc.toString()}\u0000${JSON.stringify(variables ?? {})}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.result as Promise<R>;
  const result = request(doc, variables);
  cache.set(key, { at: Date.now(), result });
  result.catch(() => cache.delete(key));
  return result;
}

export interface QueryState<R> {
  data?: R;
  error?: Error;
  loading: boolean;
  /** The data answers other variables than the current ones (the next answer is on its way). */
  stale: boolean;
  reload: () => void;
}

/**
 * Runs a query whenever the document or variables change. Results of superseded requests are
 * ignored (not aborted: an aborted request would read as a failed one in the browser).
 * Keeps the previous data while the next answer loads, so tables don't flicker.
 */
export function useQuery<R, V>(doc: TypedDocumentString<R, V>, variables?: V, options: { skip?: boolean } = {}): QueryState<R> {
  // `answers`: the variables the data was asked with, so a page can tell an old answer from the current one.
  const [state, setState] = useState<{ data?: R; error?: Error; loading: boolean; answers?: string }>({ loading: !options.skip });
  const [nonce, setNonce] = useState(0);
  const { epoch } = useAuth();
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setState((s) => ({ data: s.data, answers: s.answers, loading: true }));
    (nonce ? request(doc, variables) : cachedRequest(doc, variables)).then(
      (data) => current && setState({ data, loading: false, answers: key }),
      (error: unknown) => current && setState({ error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the variables
  }, [doc, key, nonce, epoch, options.skip]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, stale: state.data !== undefined && state.answers !== key, reload };
}

/** Fetches every page of a connection (for overview statistics). */
export async function allPages<R, N>(
  fetchPage: (after: string | null) => Promise<R>,
  pick: (r: R) => { nodes: N[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } },
): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  for (;;) {
    const page = pick(await fetchPage(after));
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    after = page.pageInfo.endCursor;
  }
}
