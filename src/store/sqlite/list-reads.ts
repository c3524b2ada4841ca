/**
 * The filtered list reads, composed per request as `{sql, params}` from the fragments in sql.ts
 * (as neo4j/cypher-reads.ts composes Cypher): only the filters a request has appear in the
 * statement. The text depends only on which filters are present, never on their values, so each
 * shape is prepared once and its COUNT answer can be cached by text and parameters.
 */
import type { FieldQuery, FlowQuery, PageRequest, PartyQuery } from '../inventory-store';
import { FIELD_FILTERS, FLOW_FILTERS, PARTY_FILTERS, SELECT } from './sql';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** Conditions on the listed node `t`, joined with AND; parameters in the order of their `?`. */
export interface Filters {
  where: string[];
  params: unknown[];
}

/** `sensitiveCategories` is asked only when the query filters on sensitivity. */
export function fieldFilters(query: FieldQuery, sensitiveCategories: () => string[]): Filters {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.search) {
    where.push(FIELD_FILTERS.search);
    params.push(query.search, query.search, query.search);
  }
  if (query.sensitive != null) {
    // A field's own statement, else its category's effective sensitivity.
    where.push(FIELD_FILTERS.sensitive);
    params.push(JSON.stringify(sensitiveCategories()), query.sensitive ? 1 : 0);
  }
  if (query.categoryKey) {
    where.push(FIELD_FILTERS.underCategory);
    params.push(query.categoryKey);
  }
  const carriedBy = (condition: string, value: string) => {
    where.push(condition);
    params.push(value);
  };
  if (query.purposeKey) carriedBy(FIELD_FILTERS.purpose, query.purposeKey);
  if (query.permissionKey) carriedBy(FIELD_FILTERS.permission, query.permissionKey);
  if (query.recipientKey) carriedBy(FIELD_FILTERS.recipient, query.recipientKey);
  return { where, params };
}

export function flowFilters(query: FlowQuery): Filters {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.fieldKey) {
    where.push(FLOW_FILTERS.field);
    params.push(JSON.stringify([query.fieldKey]));
  }
  if (query.fromKey) { where.push(FLOW_FILTERS.from); params.push(query.fromKey); }
  if (query.toKey) { where.push(FLOW_FILTERS.to); params.push(query.toKey); }
  if (query.kind) { where.push(FLOW_FILTERS.kind); params.push(query.kind); }
  if (query.purposeKey) {
    where.push(FLOW_FILTERS.purpose);
    params.push(query.purposeKey);
  }
  if (query.crossBorder != null) {
    where.push(FLOW_FILTERS.crossBorder);
    params.push(query.crossBorder ? 1 : 0);
  }
  return { where, params };
}

/** Parties are listed whole (there are few), in key order. */
export function partiesStatement(query: PartyQuery): Statement {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.search) {
    where.push(PARTY_FILTERS.search);
    params.push(query.search, query.search, query.search);
  }
  if (query.kind) {
    where.push(PARTY_FILTERS.kind);
    params.push(query.kind);
  }
  return { sql: `${SELECT.party}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY t.key`, params };
}

/** A page in key order after `afterKey`, one row more than asked (it tells whether a next page exists), and the count of all. */
export function pageStatements(type: 'field' | 'flow', filters: Filters, page: PageRequest): { count: Statement; rows: Statement } {
  const from = SELECT[type];
  const filter = filters.where.length ? ` WHERE ${filters.where.join(' AND ')}` : '';
  const afterClause = page.afterKey != null ? `${filter ? ' AND' : ' WHERE'} t.key > ?` : '';
  return {
    count: { sql: `SELECT COUNT(*) FROM (${from}${filter})`, params: filters.params },
    rows: {
      sql: `${from}${filter}${afterClause} ORDER BY t.key LIMIT ?`,
      params: [...filters.params, ...(page.afterKey != null ? [page.afterKey] : []), page.first + 1],
    },
  };
}
