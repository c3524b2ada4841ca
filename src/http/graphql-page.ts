/**
 * What a browser gets at GET /graphql without a query: a short page saying how to reach the API
 * and linking to the dashboard's own GraphiQL, instead of Apollo's default landing page (which
 * loads its editor from a CDN). Plain HTML: no script, no style, nothing for the CSP to allow.
 */
export const GRAPHQL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>FieldTrail GraphQL API</title>
</head>
<body>
<h1>FieldTrail GraphQL API</h1>
<p>This address answers GraphQL over HTTP: send <code>POST /graphql</code> with
<code>Content-Type: application/json</code> and a body such as
<code>{"query": "{ parties { key name } }"}</code>, or a <code>GET</code> with
<code>?query=…</code> for queries.</p>
<p><a href="/graphiql">Open GraphiQL</a>, the query editor built into the dashboard. Any other
GraphQL client works too (introspection is on): point it at this URL and send your API key as
<code>Authorization: Bearer &lt;key&gt;</code>.</p>
<pre>curl -s http://localhost:4000/graphql -H 'content-type: application/json' \\
  -d '{"query":"{ parties { key name } }"}'</pre>
<p><a href="/">Open the dashboard</a></p>
</body>
</html>
`;

/** A browser asking for a page at /graphql with no operation in the URL. */
export function wantsGraphQLPage(method: string | undefined, accept: string | undefined, search: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (new URLSearchParams(search).has('query')) return false;
  return (accept ?? '').split(',').some((type) => type.split(';')[0].trim().toLowerCase() === 'text/html');
}
