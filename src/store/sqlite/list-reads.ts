/**
 * The filtered list reads, composed per request as `{sql, params}` from the fragments in sql.ts
 * (as neo4j/cypher-reads.ts composes Cypher): only the filters a request has appear in the
 * statement. The text depends only on which filters are present, never on their values, so each
 * shape is prepared once and its COUNT answer can be cached by text and parameters.
 */
import type { FieldQuery, FlowQuery, PageRequest, PartyQuery } from '../inventory-store';
import { FIELD_FILTERS, FLOW_FILTERS, PARTY_FILTERS, SELECT, TABLE } from './sql';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** Conditions on the listed node `t`, joined with AND; parameters in the order of their `?`. */
export interface Filters {
  where: string[];
  params: unknown[];
}

/** Collects the conditions a request has, each with its parameters, in order. */
function collect(): { filters: Filters; add: (condition: string, ...params: unknown[]) => void } {
  const filters: Filters = { where: [], params: [] };
  return {
    filters,
    add: (condition, ...params) => {
      filters.where.push(condition);
      filters.params.push(...params);
    },
  };
}

/** `sensitiveCategories` is asked only when the query filters on sensitivity. */
export function fieldFilters(query: FieldQuery, sensitiveCategories: () => string[]): Filters {
  const { filters, add } = collect();
  if (query.search) add(FIELD_FILTERS.search, query.search, query.search, query.search);
  // A field's own statement, else its category's effective sensitivity.
  if (query.sensitive != null) add(FIELD_FILTERS.sensitive, JSON.stringify(sensitiveCategories()), query.sensitive ? 1 : 0);
  if (query.categoryKey) add(FIELD_FILTERS.underCategory, query.categoryKey);
  if (query.purposeKey) add(FIELD_FILTERS.purpose, query.purposeKey);
  if (query.permissionKey) add(FIELD_FILTERS.permission, query.permissionKey);
  if (query.recipientKey) add(FIELD_FILTERS.recipient, query.recipientKey);
  return filters;
}

export function flowFilters(query: FlowQuery): Filters {
  const { filters, add } = collect();
  if (query.fieldKey) add(FLOW_FILTERS.field, JSON.stringify([query.fieldKey]));
  if (query.fromKey) add(FLOW_FILTERS.from, query.fromKey);
  if (query.toKey) add(FLOW_FILTERS.to, query.toKey);
  if (query.kind) add(FLOW_FILTERS.kind, query.kind);
  if (query.purposeKey) add(FLOW_FILTERS.purpose, query.purposeKey);
  if (query.crossBorder != null) add(FLOW_FILTERS.crossBorder, query.crossBorder ? 1 : 0);
  return filters;
}

export function partyFilters(query: PartyQuery): Filters {
  const { filters, add } = collect();
  if (query.search) add(PARTY_FILTERS.search, query.search, query.search, query.search, query.search);
  if (query.kind) add(PARTY_FILTERS.kind, query.kind);
  if (query.kinds) add(PARTY_FILTERS.kinds, JSON.stringify(query.kinds));
  return filters;
}

const whereOf = (filters: Filters) => (filters.where.length ? ` WHERE ${filters.where.join(' AND ')}` : '');

/** Every matching party, in key order (the unpaged list). */
export function partiesStatement(query: PartyQuery): Statement {
  const filters = partyFilters(query);
  return { sql: `${SELECT.party}${whereOf(filters)} ORDER BY t.key`, params: filters.params };
}

/** How many match, per kind: `[kind, count]` rows (the kind indexes make the unfiltered ones index scans). */
export function countByKindStatement(type: 'party' | 'flow', filters: Filters): Statement {
  return { sql: `SELECT t.kind, COUNT(*) FROM ${TABLE[type]} t${whereOf(filters)} GROUP BY t.kind`, params: filters.params };
}

/** A page in key order after `afterKey`, one row more than asked (it tells whether a next page exists), and the count of all. */
export function pageStatements(type: 'field' | 'flow' | 'party', filters: Filters, page: PageRequest): { count: Statement; rows: Statement } {
  const from = SELECT[type];
  const filter = whereOf(filters);
  const afterClause = page.afterKey != null ? `${filter ? ' AND' : ' WHERE'} t.key > ?` : '';
  return {
    count: { sql: `SELECT COUNT(*) FROM (${from}${filter})`, params: filters.params },
    rows: {
      sql: `${from}${filter}${afterClause} ORDER BY t.key LIMIT ?`,
      params: [...filters.params, ...(page.afterKey != null ? [page.afterKey] : []), page.first + 1],
    },
  };
}
