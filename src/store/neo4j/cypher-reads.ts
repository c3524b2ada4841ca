/**
 * The filtered list reads, composed per request as `{cypher, params}` (the way @neo4j/graphql
 * translates a request): only the filters a request has appear in the statement, and the most
 * selective one anchors the MATCH, so the planner seeks an index and LIMIT can stop early instead
 * of scanning with `$p IS NULL OR …`. The text depends only on which filters are present, never
 * on their values, so each shape is one cached plan and can be linted (see `readShapes`).
 */
import type { AuditFilter } from '../../domain/audit';
import type { FieldQuery, FlowQuery, PartyQuery } from '../inventory-store';
import { ACTIVE, CYPHER, FIELD_CHAIN, FIELDS_CARRIED_BY_FL, FLOWS_CARRYING_F, MAX_TREE_DEPTH, projection, versionOf } from './cypher';
import { AUDIT_LABEL } from './graph-model';

export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** A page read and its count, run in one read transaction. */
export interface PagedStatements {
  page: Statement;
  count: Statement;
}

/** A list read's statements: a page, its count, and the counts per kind (`kind`, `count` rows). */
export interface KindPagedStatements extends PagedStatements {
  byKind: Statement;
}

/**
 * Field `n` (bound) is carried, listed or through its category or an ancestor, by a flow that goes
 * on along `flowEnd` (to a purpose, a permission, a recipient). Written from the field's side, so
 * the planner walks the few flows that carry one field; starting from the purpose, it walked every
 * flow of a popular purpose for every field (46–72 million db hits, over 30 s, at M).
 */
function carriedByFlowTo(flowEnd: string): string {
  return `(EXISTS { (n)<-[:CARRIES_FIELD]-(:DataFlow)${flowEnd} }
        OR EXISTS { (n)-[:IN_CATEGORY]->(:DataCategory)-[:CHILD_OF*0..${MAX_TREE_DEPTH}]->(:DataCategory)<-[:CARRIES_CATEGORY]-(:DataFlow)${flowEnd} })`;
}

const SEARCH = `(toLower(n.key) CONTAINS $search OR toLower(n.name) CONTAINS $search OR toLower(coalesce(n.nameZh, '')) CONTAINS $search)`;

/** SEARCH, or one of the party's SDK package names holds it (a list property, absent when empty). */
const PARTY_SEARCH = `(${SEARCH}
  OR any(pkg IN coalesce(n.sdkPackages, []) WHERE toLower(pkg) CONTAINS $search))`;

/** The nearest statement up the chain decides: sensitive: false stops, a sensitiveClass makes it sensitive. */
const EFFECTIVELY_SENSITIVE = `WITH n, v, chain, [x IN chain WHERE x.sensitive = false OR x.sensitiveClass IS NOT NULL][0] AS decisive
WITH n, v, chain, decisive IS NOT NULL AND decisive.sensitiveClass IS NOT NULL AND coalesce(decisive.sensitive, true) AS effectivelySensitive
WHERE effectivelySensitive = $sensitive`;

/**
 * Every node of a label in the active version, from the version index. The hint keeps the planner
 * there: with an EXISTS filter on `n` it otherwise solved the EXISTS first, over an AllNodesScan
 * (`listFlows[crossBorder]`) or the whole `v` index of every version (`listFields[purposeKey,permissionKey]`),
 * and compared `v` last.
 */
const EVERY_NODE_OF_VERSION = (label: string) => `MATCH (n:${label} {v: v})\nUSING INDEX SEEK n:${label}(v)`;

function present<T extends object>(query: T): Partial<Record<keyof T, unknown>> {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') out[k as keyof T] = v;
  return out;
}

function where(conditions: string[]): string {
  return conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : '';
}

// ---- personal fields -------------------------------------------------------------------------

export function listFieldsStatements(query: FieldQuery, page: { first: number; afterKey?: string | null }, limit: unknown): PagedStatements {
  const q = present(query);
  const params: Record<string, unknown> = {};
  for (const k of Object.keys(q) as Array<keyof FieldQuery>) params[k] = k === 'search' ? String(q[k]).toLowerCase() : q[k];
  // Anchor: a category subtree, else the recipient's inbound flows, else every field of the version
  // (see EVERY_NODE_OF_VERSION).
  let match: string;
  const rest: string[] = [];
  if (q.categoryKey !== undefined) {
    match = `MATCH (:DataCategory {key: $categoryKey, v: v})<-[:CHILD_OF*0..${MAX_TREE_DEPTH}]-(:DataCategory)<-[:IN_CATEGORY]-(n:PersonalField)\nWITH n, v`;
  } else if (q.recipientKey !== undefined) {
    match = `MATCH (:Party {key: $recipientKey, v: v})<-[:TO]-(fl:DataFlow)\n${FIELDS_CARRIED_BY_FL}\nWITH DISTINCT n, v`;
  } else {
    match = `${EVERY_NODE_OF_VERSION('PersonalField')}\nWITH n, v`;
  }
  if (q.search !== undefined) rest.push(SEARCH);
  if (q.purposeKey !== undefined) rest.push(carriedByFlowTo('-[:FOR_PURPOSE]->(:Purpose {key: $purposeKey, v: v})'));
  if (q.permissionKey !== undefined) rest.push(carriedByFlowTo('-[:GATED_BY]->(:Permission {key: $permissionKey, v: v})'));
  if (q.recipientKey !== undefined && q.categoryKey !== undefined) rest.push(carriedByFlowTo('-[:TO]->(:Party {key: $recipientKey, v: v})'));
  const filtered = `${ACTIVE}\n${match}${where(rest)}`;
  // The sensitivity filter needs the chain before paging; without it the chain is read for the page only.
  const sensitive = q.sensitive !== undefined ? `\n${FIELD_CHAIN}\n${EFFECTIVELY_SENSITIVE}` : '';
  const pageParams = { ...params, ...(page.afterKey != null ? { afterKey: page.afterKey } : {}), limit };
  const pageCypher = sensitive
    ? `${filtered}${sensitive}${page.afterKey != null ? '\nWITH n, v, chain WHERE n.key > $afterKey' : ''}
WITH n, v, chain ORDER BY n.key LIMIT $limit
RETURN n {.*} AS node, chain, ${versionOf('field')} AS version`
    : `${filtered}${page.afterKey != null ? '\nWITH n, v WHERE n.key > $afterKey' : ''}
WITH n, v ORDER BY n.key LIMIT $limit
${projection('field')}`;
  return {
    page: { cypher: pageCypher, params: pageParams },
    count: { cypher: `${filtered}${sensitive}\nRETURN count(n) AS total`, params },
  };
}

// ---- data flows --------------------------------------------------------------------------------

export function listFlowsStatements(query: FlowQuery, page: { first: number; afterKey?: string | null }, limit: unknown): KindPagedStatements {
  const q = present(query);
  const params: Record<string, unknown> = { ...q };
  let match: string;
  const rest: string[] = [];
  // Anchor on the most selective filter present; the rest are checked on the flow's own properties.
  if (q.fieldKey !== undefined) {
    match = `MATCH (f:PersonalField {key: $fieldKey, v: v})\n${FLOWS_CARRYING_F}\nWITH fl AS n, v`;
  } else if (q.fromKey !== undefined) {
    match = 'MATCH (:Party {key: $fromKey, v: v})<-[:FROM]-(n:DataFlow)\nWITH n, v';
  } else if (q.toKey !== undefined) {
    match = 'MATCH (:Party {key: $toKey, v: v})<-[:TO]-(n:DataFlow)\nWITH n, v';
  } else if (q.purposeKey !== undefined) {
    match = 'MATCH (:Purpose {key: $purposeKey, v: v})<-[:FOR_PURPOSE]-(n:DataFlow)\nWITH n, v';
  } else if (q.kind !== undefined) {
    match = 'MATCH (n:DataFlow {v: v, kind: $kind})\nUSING INDEX SEEK n:DataFlow(v, kind)\nWITH n, v';
  } else if (q.crossBorder !== undefined) {
    match = 'MATCH (n:DataFlow {v: v, crossBorder: $crossBorder})\nUSING INDEX SEEK n:DataFlow(v, crossBorder)\nWITH n, v';
  } else {
    match = `${EVERY_NODE_OF_VERSION('DataFlow')}\nWITH n, v`;
  }
  const anchored = q.fieldKey !== undefined || q.fromKey !== undefined || q.toKey !== undefined || q.purposeKey !== undefined;
  if (q.fromKey !== undefined && q.fieldKey !== undefined) rest.push('n.fromKey = $fromKey');
  if (q.toKey !== undefined && (q.fieldKey !== undefined || q.fromKey !== undefined)) rest.push('n.toKey = $toKey');
  if (q.purposeKey !== undefined && (q.fieldKey !== undefined || q.fromKey !== undefined || q.toKey !== undefined)) {
    rest.push('EXISTS { (n)-[:FOR_PURPOSE]->(:Purpose {key: $purposeKey}) }');
  }
  if (q.kind !== undefined && anchored) rest.push('n.kind = $kind');
  // The stored flag, kept by every write (cypher.ts refreshCrossBorder): no walk to both parties.
  if (q.crossBorder !== undefined && (anchored || q.kind !== undefined)) rest.push('n.crossBorder = $crossBorder');
  const filtered = `${ACTIVE}\n${match}${where(rest)}`;
  const after = page.afterKey != null ? '\nWITH n, v WHERE n.key > $afterKey' : '';
  return {
    page: {
      cypher: `${filtered}${after}\nWITH n, v ORDER BY n.key LIMIT $limit\n${projection('flow')}`,
      params: { ...params, ...(page.afterKey != null ? { afterKey: page.afterKey } : {}), limit },
    },
    count: { cypher: `${filtered}\nRETURN count(n) AS total`, params },
    byKind: { cypher: `${filtered}\nRETURN n.kind AS kind, count(n) AS count`, params },
  };
}

// ---- parties -------------------------------------------------------------------------------------

function partyFilter(query: PartyQuery): { filtered: string; params: Record<string, unknown> } {
  const q = present(query);
  const params: Record<string, unknown> = {};
  const conditions: string[] = [];
  if (q.search !== undefined) {
    params.search = String(q.search).toLowerCase();
    conditions.push(PARTY_SEARCH);
  }
  if (q.kind !== undefined) {
    params.kind = q.kind;
    conditions.push('n.kind = $kind');
  }
  // An empty list is present (not dropped): `IN []` matches nothing, as the port says.
  if (q.kinds !== undefined) {
    params.kinds = [...(q.kinds as readonly string[])];
    conditions.push('n.kind IN $kinds');
  }
  return { filtered: `${ACTIVE}\nMATCH (n:Party {v: v})${where(conditions)}`, params };
}

/** Every matching party, in key order (the unpaged list). */
export function listPartiesStatement(query: PartyQuery): Statement {
  const { filtered, params } = partyFilter(query);
  return { cypher: `${filtered}\nWITH n, v ORDER BY n.key\n${projection('party')}`, params };
}

/** A page of parties in key order, its count and the counts per kind. */
export function pagePartiesStatements(query: PartyQuery, page: { first: number; afterKey?: string | null }, limit: unknown): KindPagedStatements {
  const { filtered, params } = partyFilter(query);
  const after = page.afterKey != null ? '\nWITH n, v WHERE n.key > $afterKey' : '';
  return {
    page: {
      cypher: `${filtered}${after}\nWITH n, v ORDER BY n.key LIMIT $limit\n${projection('party')}`,
      params: { ...params, ...(page.afterKey != null ? { afterKey: page.afterKey } : {}), limit },
    },
    count: { cypher: `${filtered}\nRETURN count(n) AS total`, params },
    byKind: { cypher: `${filtered}\nRETURN n.kind AS kind, count(n) AS count`, params },
  };
}

// ---- audit log -------------------------------------------------------------------------------------

const AUDIT_CONDITIONS: Record<keyof AuditFilter, string> = {
  entityType: 'a.entityType = $entityType',
  entityKey: 'a.entityKey = $entityKey',
  actor: 'a.actor = $actor',
  operation: 'a.operation = $operation',
  since: 'a.at >= $since',
  until: 'a.at <= $until',
};

/** Newest first; `afterSeq`: the sequence number of the last entry of the previous page. */
export function listAuditStatements(filter: AuditFilter, afterSeq: unknown, limit: unknown): PagedStatements {
  const q = present(filter);
  const keys = (Object.keys(AUDIT_CONDITIONS) as Array<keyof AuditFilter>).filter((k) => q[k] !== undefined);
  const params = Object.fromEntries(keys.map((k) => [k, q[k]]));
  const conditions = keys.map((k) => AUDIT_CONDITIONS[k]);
  const pageConditions = afterSeq != null ? [...conditions, 'a.seq < $afterSeq'] : conditions;
  // `a.seq IS NOT NULL` lets the planner walk the seq index backwards and stop at LIMIT.
  return {
    page: {
      cypher: `MATCH (a:${AUDIT_LABEL})${where(['a.seq IS NOT NULL', ...pageConditions])}\nRETURN a {.*} AS entry ORDER BY a.seq DESC LIMIT $limit`,
      params: { ...params, ...(afterSeq != null ? { afterSeq } : {}), limit },
    },
    count: { cypher: `MATCH (a:${AUDIT_LABEL})${where(conditions)}\nRETURN count(a) AS total`, params },
  };
}

// ---- every shape, for the lint check and the plan check --------------------------------------------

/** Each subset of a list of names. */
function allSubsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}

const SAMPLE: Record<string, unknown> = {
  search: 'x', sensitive: true, categoryKey: 'c', purposeKey: 'p', permissionKey: 'm', recipientKey: 'r',
  fieldKey: 'f', fromKey: 'a', toKey: 'b', kind: 'COLLECTION', crossBorder: true, kinds: ['THIRD_PARTY'],
  entityType: 'field', entityKey: 'k', actor: 'system', operation: 'CREATE', since: '2020', until: '2030',
};

const sample = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, SAMPLE[n]]));

/**
 * Statement shapes the composed reads produce, named by the filters present
 * (`listFields[categoryKey,search].page`): every combination (`all`, for EXPLAIN checks on a
 * live server), or `fragments`: no filter, each filter alone, and all together, which puts every
 * fragment of text in at least one statement (a filter's anchor text alone, its filter text with all
 * the others), for the lint check, which costs ~0.3 s a statement.
 */
export function readShapes(which: 'all' | 'fragments' = 'all'): Array<{ name: string; statement: Statement }> {
  const out: Array<{ name: string; statement: Statement }> = [];
  const subsets = <T>(items: readonly T[]): T[][] =>
    which === 'all' ? allSubsets(items) : [[], ...items.map((i) => [i]), [...items]];
  /** A paged read's shapes: each filter subset, without and with a cursor (the count has none). */
  const paged = (read: string, filters: readonly string[], cursor: string, make: (names: string[], after: boolean) => PagedStatements | KindPagedStatements) => {
    for (const names of subsets(filters)) {
      for (const after of [false, true]) {
        const s = make(names, after);
        const tag = `${read}[${[...names, ...(after ? [cursor] : [])].join(',')}]`;
        out.push({ name: `${tag}.page`, statement: s.page });
        if (!after) out.push({ name: `${tag}.count`, statement: s.count });
        if (!after && 'byKind' in s) out.push({ name: `${tag}.byKind`, statement: s.byKind });
      }
    }
  };
  paged('listFields', ['search', 'sensitive', 'categoryKey', 'purposeKey', 'permissionKey', 'recipientKey'], 'afterKey',
    (names, after) => listFieldsStatements(sample(names), { first: 10, afterKey: after ? 'k' : null }, 11));
  paged('listFlows', ['fieldKey', 'fromKey', 'toKey', 'purposeKey', 'kind', 'crossBorder'], 'afterKey',
    (names, after) => listFlowsStatements(sample(names), { first: 10, afterKey: after ? 'k' : null }, 11));
  paged('listAudit', ['entityType', 'entityKey', 'actor', 'operation', 'since', 'until'], 'afterSeq',
    (names, after) => listAuditStatements(sample(names), after ? 5 : null, 11));
  for (const names of subsets(['search', 'kind', 'kinds'] as const)) {
    out.push({ name: `listParties[${names.join(',')}]`, statement: listPartiesStatement(sample(names)) });
  }
  paged('pageParties', ['search', 'kind', 'kinds'], 'afterKey',
    (names, after) => pagePartiesStatements(sample(names), { first: 10, afterKey: after ? 'k' : null }, 11));
  return out;
}

/** Every statement the adapter can send, fixed and composed, by a stable name: for the lint check, plan checks and review. */
export function allStatements(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out.push({ name: prefix, text: value });
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
  };
  walk('', CYPHER);
  for (const { name, statement } of readShapes('fragments')) if (!out.some((o) => o.name === name)) out.push({ name, text: statement.cypher });
  return out;
}
