/**
 * Apollo Server wiring on a plain node:http server, so the same process can also answer
 * health checks (and later serve the dashboard) without another framework.
 */
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveDashboard } from './dashboard';
import { formatError } from './graphql/errors';
import { createContext, type RequestContext } from './graphql/context';
import { fieldTrailSchema } from './graphql/schema';
import { InventoryService } from './services/inventory-service';
import type { InventoryStore } from './store/inventory-store';

/** Imports can be large; anything beyond this is refused before it is parsed. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface RunningServer {
  url: string;
  port: number;
  http: Server;
  stop(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  host: string;
  /** Called with unexpected errors (already hidden from clients). */
  logError?: (err: unknown) => void;
}

export async function startServer(store: InventoryStore, options: ServeOptions): Promise<RunningServer> {
  const logError = options.logError ?? ((err: unknown) => console.error('fieldtrail: unexpected error:', err));
  const apollo = new ApolloServer<RequestContext>({
    schema: await fieldTrailSchema(),
    formatError: (formatted, error) => formatError(formatted, error, logError),
    includeStacktraceInErrorResponses: false,
    introspection: true,
  });
  await apollo.start();
  const service = new InventoryService(store);

  const http = createServer((req, res) => {
    handle(req, res).catch((err) => {
      logError(err);
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ errors: [{ message: 'Internal server error' }] }));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      try {
        await store.ping();
        return send(res, 200, 'application/json', JSON.stringify({ status: 'ok', store: store.kind }));
      } catch {
        return send(res, 503, 'application/json', JSON.stringify({ status: 'unavailable', store: store.kind }));
      }
    }
    if (url.pathname !== '/graphql') {
      if (await serveDashboard(req, res, url.pathname)) return;
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found. The GraphQL endpoint is /graphql.\n');
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req);
      if (text === null) return send(res, 413, 'application/json', JSON.stringify({ errors: [{ message: `request body exceeds ${MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }));
        }
      } else {
        body = text;
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => createContext(store, service),
    });
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/graphql`,
    port,
    http,
    async stop() {
      // Stop accepting, let in-flight requests finish, then stop Apollo.
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      await closed;
      await apollo.stop();
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.end(body);
}

/** Reads the body, or null once it grows past MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
