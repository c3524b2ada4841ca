/**
 * Apollo Server wiring on a plain node:http server, so the same process also answers health
 * checks and serves the dashboard without another framework.
 *
 * Every request is authenticated first (API key, SSO token, or anonymous read-only on loopback),
 * then bounded: body size by role, query shape by graphql-armor, the answer's estimated size by
 * the cost model (graphql/query-cost.ts), time by a deadline the work itself checks, and the
 * answer's real size by a cap.
 * Before any of that, the HTTP layer sets security headers on every answer, refuses foreign Host
 * names where a rebound browser could send them, and refuses bodies that are not UTF-8.
 */
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { roleAtLeast, type Actor } from './domain/access';
import { serveDashboard } from './dashboard';
import { createContext, type RequestContext } from './graphql/context';
import { formatError } from './graphql/errors';
import { armorProtection, QUERY_LIMITS } from './graphql/limits';
import { writesRunToTheEndPlugin } from './graphql/deadline-plugin';
import { queryCostPlugin } from './graphql/query-cost';
import { DEFAULT_MAX_QUERY_COST, DEFAULT_MAX_RESPONSE_MB, DEFAULT_REQUEST_TIMEOUT_MS } from './domain/request-limits';
import { Deadline } from './services/deadline';
import { ListSizeStatisticsCache } from './services/list-size-statistics';
import { noSubscriptionsRule } from './graphql/operation-rules';
import { answerCacheablePlugin, CACHE_HEADER, cacheKey, DEFAULT_RESPONSE_CACHE_MB, ResponseCache } from './graphql/response-cache';
import { readPartsPlugin } from './graphql/read-parts';
import { fieldTrailSchema } from './graphql/schema';
import { AccessControl, AccessDenied } from './services/access/access-control';
import type { InventoryStore } from './store/inventory-store';
import { decodeUtf8, firstInvalidUtf8Offset, readBodyBytes, refuseQueryString } from './http/body';
import { GRAPHQL_PAGE, wantsGraphQLPage } from './http/graphql-page';
import { refuseHost, type HostPolicy } from './http/host-check';
import { setSecurityHeaders } from './http/security-headers';

/** Bodies anyone may send: queries are small. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Bodies editors may send: imports of whole inventories. */
export const MAX_EDITOR_BODY_BYTES = 50 * 1024 * 1024;

export interface RunningServer {
  url: string;
  port: number;
  http: Server;
  /** Cached answers to repeated read queries; null when turned off. */
  responseCache: ResponseCache | null;
  /** Stops accepting, lets in-flight requests finish, then stops Apollo. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  host: string;
  /** Who may do what; default: anonymous read-only on loopback, nothing else. */
  access?: AccessControl;
  requestTimeoutMs?: number;
  /** Estimated values an answer may hold (graphql/query-cost.ts); default DEFAULT_MAX_QUERY_COST. */
  maxQueryCost?: number;
  /** Largest answer sent, in MB (default DEFAULT_MAX_RESPONSE_MB). */
  maxResponseMb?: number;
  /** Called with unexpected errors (already hidden from clients). */
  logError?: (err: unknown) => void;
  /** Memory for whole answers to repeated read queries, in MB (default 64; 0 turns the cache off). */
  responseCacheMb?: number;
  /** Host names accepted besides loopback ones (FIELDTRAIL_ALLOWED_HOSTS), e.g. a proxy's public name. */
  allowedHosts?: readonly string[];
}

export async function startServer(store: InventoryStore, options: ServeOptions): Promise<RunningServer> {
  const logError = options.logError ?? ((err: unknown) => console.error('fieldtrail: unexpected error:', err));
  const access = options.access ?? new AccessControl(null, null);
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const armor = armorProtection();
  const maxQueryCost = options.maxQueryCost ?? DEFAULT_MAX_QUERY_COST;
  const maxResponseBytes = Math.floor((options.maxResponseMb ?? DEFAULT_MAX_RESPONSE_MB) * 1024 * 1024);
  const statistics = new ListSizeStatisticsCache(store, undefined, logError);
  const cacheMb = options.responseCacheMb ?? DEFAULT_RESPONSE_CACHE_MB;
  // Answers are kept per change mark; a store that cannot tell when it changed gets no cache at all.
  const responseCache = cacheMb > 0 && store.capabilities.changeMarks ? new ResponseCache(cacheMb * 1024 * 1024) : null;
  const apollo = new ApolloServer<RequestContext>({
    schema: await fieldTrailSchema(),
    formatError: (formatted, error) => formatError(formatted, error, logError),
    // The token limit is enforced by graphql-js's own parser, inside Apollo's parse step, so a
    // document over it is a 400 parse failure like any syntax error (graphql-armor's version
    // parses again in a plugin hook, where any syntax error became a 500).
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    plugins: [
      ...armor.plugins,
      queryCostPlugin(statistics, maxQueryCost),
      writesRunToTheEndPlugin(),
      ...(responseCache ? [answerCacheablePlugin()] : []),
      // Reads carry sources and versions only for the node types whose fields ask for them.
      readPartsPlugin(),
      // Per-field cache hints and usage reports are Apollo features FieldTrail does not use;
      // switched off explicitly so neither adds work to every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      // Apollo's landing page loads its editor from a CDN; GET /graphql from a browser gets
      // graphql-page.ts instead.
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: [...armor.validationRules, noSubscriptionsRule],
    allowBatchedHttpRequests: false,
  });
  await apollo.start();
  let stopping = false;
  const hostPolicy: HostPolicy = { boundTo: options.host, allowedHosts: (options.allowedHosts ?? []).map((h) => h.toLowerCase()) };

  const http = createServer((req, res) => {
    setSecurityHeaders(res);
    handle(req, res).catch((err) => {
      logError(err);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    });
  });
  http.requestTimeout = timeoutMs * 2;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Health checks stay reachable for orchestrators, which probe by IP; they reveal no inventory.
    if (url.pathname === '/healthz') return health(res, store, 'live');
    if (url.pathname === '/readyz') return stopping ? sendJson(res, 503, { status: 'stopping', store: store.kind }) : health(res, store, 'ready');
    const hostRefused = refuseHost(hostPolicy, req.headers.host, req.socket.remoteAddress);
    if (hostRefused) return sendError(res, 421, 'HOST_NOT_ALLOWED', hostRefused);
    if (url.pathname !== '/graphql') {
      if (await serveDashboard(req, res, url.pathname)) return;
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found. The GraphQL endpoint is /graphql.\n');
    }
    if (wantsGraphQLPage(req.method, req.headers.accept, url.search)) {
      return send(res, 200, 'text/html; charset=utf-8', req.method === 'HEAD' ? '' : GRAPHQL_PAGE);
    }
    const searchRefused = refuseQueryString(url.search);
    if (searchRefused) return sendError(res, 400, 'BAD_REQUEST', searchRefused);

    let actor: Actor;
    try {
      actor = await access.actorFor(req.headers.authorization, req.socket.remoteAddress);
    } catch (err) {
      if (!(err instanceof AccessDenied)) throw err;
      if (err.status === 401) res.setHeader('www-authenticate', 'Bearer realm="fieldtrail"');
      if (err.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(err.retryAfterSeconds));
      return sendError(res, err.status, err.code, err.message);
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    /** Set when this request's answer may come from, or go to, the answer cache. */
    let cached: { mark: string; key: string } | null = null;
    if (req.method === 'POST') {
      const limit = roleAtLeast(actor.role, 'editor') ? MAX_EDITOR_BODY_BYTES : MAX_BODY_BYTES;
      const raw = await readBodyBytes(req, limit);
      if (raw === null) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes${limit === MAX_BODY_BYTES ? ' (editors may send up to 50 MB)' : ''}`);
      const text = decodeUtf8(raw);
      if (text === null) return sendError(res, 400, 'BAD_REQUEST', `request body is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(raw)}); nothing was read from it`);
      const contentType = headers.get('content-type') ?? '';
      if (contentType.includes('application/json')) {
        // Looked up before parsing: a repeated question costs a map lookup, not a GraphQL execution.
        // Only for a real JSON media type: what Apollo's CSRF prevention lets through, and only that.
        const jsonMediaType = contentType.split(';')[0].trim().toLowerCase() === 'application/json';
        if (responseCache && jsonMediaType && text.length <= responseCache.maxEntryBytes) {
          const mark = await store.changeMark();
          if (mark !== null) {
            cached = { mark, key: cacheKey(actor.role, headers.get('accept') ?? '', text) };
            const answer = responseCache.get(mark, cached.key);
            if (answer) {
              res.statusCode = answer.status;
              for (const [name, value] of answer.headers) res.setHeader(name, value);
              res.setHeader(CACHE_HEADER, 'hit');
              res.end(answer.body);
              return;
            }
          }
        }
        try {
          body = JSON.parse(text);
        } catch {
          return sendError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
        }
      } else {
        body = text;
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
    // The deadline stops the work (the reader checks it on every read); the timer only fires it
    // and answers the client without waiting for the work to reach its next check. Mutations
    // lift it (graphql/deadline-plugin.ts).
    const deadline = new Deadline(timeoutMs);
    const clientGone = () => deadline.cancel('cancelled');
    res.once('close', clientGone);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => {
      // A mutation lifted its deadline: its answer is waited for.
      if (deadline.isLifted) return;
      deadline.cancel('deadline');
      resolve('timeout');
    }, timeoutMs)));
    let context: RequestContext | null = null;
    const result = await Promise.race([
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => (context = createContext(store, actor, deadline)) }),
      timedOut,
    ]).finally(() => clearTimeout(timer));
    res.off('close', clientGone);
    const timeoutMessage = `the request took longer than ${timeoutMs} ms and was stopped; ask for less (a smaller page, fewer nested lists)`;
    // Timed out; or finished past its deadline before the timer could fire (the work held the
    // event loop), or stopped by a check: the same answer each way.
    if (result === 'timeout' || deadline.expired) return sendError(res, 503, 'REQUEST_TIMEOUT', timeoutMessage);
    const answerBytes = result.body.kind === 'complete' ? Buffer.byteLength(result.body.string) : 0;
    if (answerBytes > maxResponseBytes) {
      const mb = (bytes: number) => String(Number((bytes / 1024 / 1024).toPrecision(2)));
      return sendError(res, 413, 'RESPONSE_TOO_LARGE', `the answer is ${mb(answerBytes)} MB, over the limit of ${mb(maxResponseBytes)} MB (FIELDTRAIL_MAX_RESPONSE_MB); ask for fewer fields or a smaller page`);
    }
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      const keep = cached && responseCache && res.statusCode === 200 && (context as RequestContext | null)?.answerCache.cacheable;
      if (!keep) return void res.end(result.body.string);
      // Kept as bytes: a hit then costs no serialization and no encoding.
      const bytes = Buffer.from(result.body.string);
      responseCache!.set(cached!.mark, cached!.key, { status: 200, headers: [...result.headers], body: bytes });
      res.end(bytes);
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
    responseCache,
    async stop() {
      stopping = true;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
      http.closeIdleConnections();
      await closed;
      await apollo.stop();
    },
  };
}

async function health(res: ServerResponse, store: InventoryStore, kind: 'live' | 'ready'): Promise<void> {
  try {
    await store.ping();
    sendJson(res, 200, { status: 'ok', store: store.kind });
  } catch {
    sendJson(res, 503, { status: kind === 'ready' ? 'store unavailable' : 'unavailable', store: store.kind });
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

/** Errors outside GraphQL execution still use the GraphQL response shape and a stable code. */
function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}
