/**
 * What one request may cost by default, in one place for the server and the configuration
 * (settings in src/config.ts; how each is enforced in docs/security.md).
 */

/**
 * Estimated values one answer may hold (graphql/query-cost.ts), about 10 MB of answer.
 * Calibrated on the dashboard: a page of 100 fields with their recipients, purposes, permissions
 * and flows costs about 15,000 on the seed and 57,000 at M (10,000 fields); a page of 50 party
 * cards with their inbound flows about 160,000 at M. The attack of issue 12 costs 88 million on
 * the seed, one level shallower 2.3 million.
 */
export const DEFAULT_MAX_QUERY_COST = 500_000;

/** A request still running after this is answered REQUEST_TIMEOUT, and its work stops. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Answers larger than this are refused with RESPONSE_TOO_LARGE. */
export const DEFAULT_MAX_RESPONSE_MB = 64;
