/**
 * Maps domain errors to GraphQL errors with stable `extensions.code`s, and hides everything else:
 * clients never see stack traces, SQL or Cypher.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { ConflictError, NotFoundError, ReferencedError, ValidationError } from '../domain/problems';
import { RequestTimeoutError } from '../services/deadline';
import { LIMIT_CODES } from './limits';

/** Codes Apollo itself assigns (parse/validation errors, bad requests): safe to pass through. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // Our own cost model's refusal (query-cost.ts), raised before execution.
  'QUERY_TOO_COSTLY',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void = console.error): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof ValidationError) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', problems: original.problems } };
  }
  if (original instanceof ReferencedError) {
    return { ...base, message: original.message, extensions: { code: 'REFERENCED', referrers: original.referrers } };
  }
  if (original instanceof ConflictError) {
    return { ...base, message: original.message, extensions: { code: 'CONFLICT', expectedVersion: original.expectedVersion, actualVersion: original.actualVersion } };
  }
  if (original instanceof RequestTimeoutError) {
    return { ...base, message: original.message, extensions: { code: 'REQUEST_TIMEOUT' } };
  }
  if (original instanceof NotFoundError) {
    return { ...base, message: original.message, extensions: { code: 'NOT_FOUND' } };
  }
  if (original instanceof AuthorizationError || original instanceof AuthenticationError) {
    return { ...base, message: `${formatted.message.replace(/^Access denied! /, '')} This needs the editor role.`.trim(), extensions: { code: 'FORBIDDEN' } };
  }
  const limit = LIMIT_CODES.find(([pattern]) => pattern.test(formatted.message));
  if (limit) {
    // graphql-js words its token limit "more that N tokens"; the message is shown to users.
    const message = formatted.message.replace(/^Syntax Error: /, '').replace(/ more that (\d+) tokens/, ' more than $1 tokens');
    return { ...base, message, extensions: { code: limit[1] } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const extra = code === 'QUERY_TOO_COSTLY' ? { maxCost: formatted.extensions?.maxCost } : {};
    return { ...base, message: formatted.message, extensions: { code, ...extra } };
  }
  log(original);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
