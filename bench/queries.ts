/** The GraphQL documents the benchmark sends, as a client (the dashboard, a script) would. */

/** One field's downstream lineage, maxDepth 5: what `lineage_ms` times. */
export const LINEAGE_QUERY = `query Lineage($key: ID!) {
  personalField(key: $key) {
    lineage(direction: DOWNSTREAM, maxDepth: 5) {
      truncated
      paths { hops { key } destination { key } }
    }
  }
}`;

/** The field list with category, flows, purposes and recipients (test/documents FieldList). */
export const FIELD_LIST_QUERY = `query FieldList($first: Int) {
  personalFields(first: $first) {
    totalCount
    nodes {
      key
      name
      nameZh
      sensitive
      sensitiveClass
      category { key name }
      flows { key kind }
      purposes { key name }
      recipients { key name nameZh kind }
    }
  }
}`;

/**
 * The dashboard's field page: the field's facts, where it goes and why, and its downstream
 * lineage. Each flow's ends come once, in `flows`; paths name their hops by key (a diagram joins
 * the two), which keeps the answer small: asking `hops { key from { key } to { key } }` repeats
 * both ends for every hop of every path (see BENCHMARKS.md, response size).
 */
export const FIELD_PAGE_QUERY = `query FieldPage($key: ID!) {
  personalField(key: $key) {
    key
    name
    nameZh
    sensitive
    sensitiveClass
    category { key name nameZh }
    purposes { key name functionType }
    legalBases { key article }
    permissions { key }
    recipients { key name kind country }
    flows { key kind consent from { key } to { key } }
    lineage(direction: DOWNSTREAM, maxDepth: 5) {
      truncated
      paths { destination { key } hops { key } }
    }
  }
}`;

/** The field page as first written: every hop of every path repeats both its ends. */
export const FIELD_PAGE_WIDE_HOPS_QUERY = FIELD_PAGE_QUERY.replace(
  'paths { destination { key } hops { key } }',
  'paths { destination { key } hops { key from { key } to { key } } }',
).replace('query FieldPage(', 'query FieldPageWideHops(');

/**
 * The dashboard's overview (dashboard/src/graphql/overview.graphql, DashboardOverview): totals,
 * and counts per party and flow kind from the connections' countsByKind (one grouped count in the
 * store each), rather than every party listed and counted by the client.
 */
export const OVERVIEW_QUERY = `query DashboardOverview {
  policyDocuments { key title titleEn updatedAt effectiveAt url }
  fields: personalFields(first: 0) { totalCount }
  sensitiveFields: personalFields(first: 0, filter: { sensitive: true }) { totalCount }
  parties: partiesConnection(first: 0) { totalCount countsByKind { kind count } }
  flows: dataFlows(first: 0) { totalCount countsByKind { kind count } }
  crossBorder: dataFlows(first: 0, filter: { crossBorder: true }) { totalCount }
}`;

/** The cheapest request the server answers: the floor for throughput and latency. */
export const TYPENAME_QUERY = '{ __typename }';
