/**
 * GraphiQL, the query editor, built into the dashboard from npm (no CDN) and loaded only when
 * this page is opened. It sends queries to /graphql with the dashboard's key or token, like every
 * other page; a 401 opens the sign-in panel. `?query=` opens it with that query.
 */
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import type { ComponentProps } from 'react';
import { GRAPHQL_URL } from '../api';
import { authenticationRequired, currentToken } from '../auth';
import { useLocation } from '../router';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

const DEFAULT_QUERY = `# FieldTrail's GraphQL API: Ctrl-Enter runs the query, Ctrl-Space completes.
{
  parties {
    key
    name
    kind
    country
  }
}
`;

const fetcher: Fetcher = async (params, options) => {
  const token = currentToken();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  // Headers typed into GraphiQL's headers editor win over the dashboard's.
  Object.assign(headers, options?.headers ?? {});
  const res = await fetch(GRAPHQL_URL, { method: 'POST', headers, body: JSON.stringify(params) });
  const body = await res.json().catch(() => ({ errors: [{ message: `The server answered ${res.status} without a GraphQL response.` }] }));
  if (res.status === 401 && !options?.headers?.authorization) {
    authenticationRequired(body.errors?.[0]?.message ?? 'The API wants a key or token.', token);
  }
  return body;
};

export default function GraphiQLPage() {
  const { params } = useLocation();
  return (
    <div className="graphiql-page" data-testid="graphiql">
      <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} query={params.get('query') ?? undefined} forcedTheme="light" />
    </div>
  );
}
