/**
 * The query cost model: before a query runs, estimate how many values its answer will hold and
 * refuse it (QUERY_TOO_COSTLY) when that is over the limit.
 *
 * Every selected field costs one value per object it is selected on. A list multiplies the cost
 * of what is selected under it by its expected length: a page by its `first`, a root list by the
 * number of nodes, a relation (a party's outbound flows, a flow's carried fields…) by the
 * inventory's own statistics (store.listSizeStatistics()). Nested lists multiply, so
 * `parties { outbound { carriedFields { flows … } } }` costs what it would really touch.
 *
 * A relation list counts with its mean length, except under objects reached through the same
 * links the other way: a field reached through flows' carried fields is likely one that many flows
 * carry, so its flows count sumOfSquares / items (capped by the longest list). Introspection
 * (`__schema`, `__type`) is bounded by the schema and not counted.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { NodeType } from '../domain/vocabulary';
import { LINEAGE_MAX_PATHS } from '../services/inventory-reader';
import type { ListName, ListSizeStatistics } from '../domain/list-sizes';

export { DEFAULT_MAX_QUERY_COST } from '../domain/request-limits';

/** Lists with nothing better to go on (computed report rows: articles, clauses, kinds…). */
const DEFAULT_LIST_LENGTH = 10;

/** GraphQL object types that are inventory nodes: a list of them is never longer than their count. */
const NODE_TYPE_OF: Record<string, NodeType> = {
  PolicyDocument: 'document',
  DataCategory: 'category',
  PersonalField: 'field',
  Purpose: 'purpose',
  Permission: 'permission',
  Party: 'party',
  LegalBasis: 'legalBasis',
  DataFlow: 'flow',
};

/** Single references whose reverse is a list: a party reached as a flow's `to` is some flow's recipient. */
type Reference = 'flow.to' | 'flow.from' | 'field.category' | 'category.parent';

/** Where the walk is: what a list's length depends on beyond its own arguments. */
interface Scope {
  /** The page size of the connection being walked (its `first`), for its `edges`/`nodes`. */
  pageSize: number;
  /** The `maxDepth` of the lineage being walked, for its paths' `hops`. */
  lineageDepth: number;
  /** The list (or single reference) the current objects were reached through. */
  reachedThrough: ListName | Reference | null;
}

/** Lengths of lists as seen from the current scope (see lengthOf). */
type Length = (name: ListName) => number;
type Estimate = (args: Record<string, unknown>, stats: ListSizeStatistics, length: Length, scope: Scope) => number;

/**
 * Pairs of lists over the same links, read in opposite directions. Objects reached through one
 * were picked in proportion to their length in the other (a field reached through flows' carried
 * fields is, more often than not, a field many flows carry).
 */
const REVERSE: Partial<Record<ListName, ListName | Reference>> = {
  'field.flows': 'flow.carriedFields',
  'flow.carriedFields': 'field.flows',
  'party.inbound': 'flow.to',
  'party.outbound': 'flow.from',
  'purpose.flows': 'flow.purposes',
  'flow.purposes': 'purpose.flows',
  'permission.flows': 'flow.permissions',
  'flow.permissions': 'permission.flows',
  'legalBasis.flows': 'flow.legalBases',
  'flow.legalBases': 'legalBasis.flows',
  'category.fields': 'field.category',
  'category.children': 'category.parent',
};

/** Single-object fields that follow a reference (tracked for REVERSE). */
const REFERENCES: Record<string, Reference> = {
  'DataFlow.to': 'flow.to',
  'DataFlow.from': 'flow.from',
  'PersonalField.category': 'field.category',
  'DataCategory.parent': 'category.parent',
};

/** Whose lists each list name counts, to turn `items` into a mean length. */
const OWNER: Record<ListName, NodeType | 'any'> = {
  'field.flows': 'field',
  'flow.carriedFields': 'flow',
  'category.children': 'category',
  'category.fields': 'category',
  'party.inbound': 'party',
  'party.outbound': 'party',
  'purpose.flows': 'purpose',
  'permission.flows': 'permission',
  'legalBasis.flows': 'legalBasis',
  'document.clauses': 'document',
  'flow.fields': 'flow',
  'flow.categories': 'flow',
  'flow.purposes': 'flow',
  'flow.legalBases': 'flow',
  'flow.permissions': 'flow',
  'node.sources': 'any',
};

/**
 * Expected length of list `name` under objects reached through `reachedThrough`: its mean length
 * over all its owners or, when they were reached through the same links the other way, its length
 * weighted by itself (sumOfSquares / items). Never below 1, never above the longest.
 */
export function lengthOf(stats: ListSizeStatistics, name: ListName, reachedThrough: Scope['reachedThrough'] = null): number {
  const sizes = stats.lists[name];
  if (sizes.items === 0) return 1;
  const owner = OWNER[name];
  const owners = owner === 'any' ? Object.values(stats.nodes).reduce((a, b) => a + b, 0) : stats.nodes[owner];
  const biased = reachedThrough !== null && REVERSE[name] === reachedThrough;
  const expected = biased ? sizes.sumOfSquares / sizes.items : sizes.items / Math.max(1, owners);
  return Math.max(1, Math.min(sizes.longest, Math.ceil(expected)));
}

const atMost = (stats: ListSizeStatistics, type: NodeType, n: number) => Math.min(n, Math.max(1, stats.nodes[type]));
const page = (type: NodeType | null): Estimate => (args, stats) => {
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : 1;
  return type ? atMost(stats, type, first) : first;
};

/** Lists that are a relation of the store, by `Type.field`: their length is the relation's. */
const RELATION_LISTS: Record<string, ListName> = {
  'PersonalField.flows': 'field.flows',
  'DataCategory.children': 'category.children',
  'DataCategory.fields': 'category.fields',
  'DataFlow.carriedFields': 'flow.carriedFields',
  'DataFlow.fields': 'flow.fields',
  'DataFlow.categories': 'flow.categories',
  'DataFlow.purposes': 'flow.purposes',
  'DataFlow.legalBases': 'flow.legalBases',
  'DataFlow.permissions': 'flow.permissions',
  'Party.inbound': 'party.inbound',
  'Party.outbound': 'party.outbound',
  'Purpose.flows': 'purpose.flows',
  'Permission.flows': 'permission.flows',
  'LegalBasis.flows': 'legalBasis.flows',
  'PolicyDocument.clauses': 'document.clauses',
};

/** Other lists' expected lengths, by `Type.field`; lists named nowhere fall back to NODE_TYPE_OF or the default. */
const LIST_LENGTHS: Record<string, Estimate> = {
  'Query.parties': (_, s) => s.nodes.party,
  'Query.dataCategories': (_, s) => s.nodes.category,
  'Query.purposes': (_, s) => s.nodes.purpose,
  'Query.permissions': (_, s) => s.nodes.permission,
  'Query.legalBases': (_, s) => s.nodes.legalBasis,
  'Query.policyDocuments': (_, s) => s.nodes.document,
  'Query.collectedPersonalInformation': (_, s) => s.nodes.field,
  'Query.thirdPartySharing': (_, s) => s.nodes.party,
  // Findings are per subject (field, flow, party): their number grows with the inventory.
  'FindingReport.nodes': (_, s) => s.nodes.field + s.nodes.flow + s.nodes.party,
  'ImpactAssessment.findings': (_, s) => s.nodes.field + s.nodes.flow + s.nodes.party,
  'ImpactAssessment.flows': (_, s) => s.nodes.flow,
  'RecordsOfProcessing.records': (_, s) => s.nodes.flow,
  // Unions over a node's flows: never more than there are parties, purposes…
  'PersonalField.recipients': (_, s, len) => atMost(s, 'party', len('field.flows')),
  'PersonalField.purposes': (_, s, len) => atMost(s, 'purpose', len('field.flows') * len('flow.purposes')),
  'PersonalField.legalBases': (_, s, len) => atMost(s, 'legalBasis', len('field.flows') * len('flow.legalBases')),
  'PersonalField.permissions': (_, s, len) => atMost(s, 'permission', len('field.flows') * len('flow.permissions')),
  'Party.receivedFields': (_, s, len) => atMost(s, 'field', len('party.inbound') * len('flow.carriedFields')),
  'Purpose.fields': (_, s, len) => atMost(s, 'field', len('purpose.flows') * len('flow.carriedFields')),
  'Permission.fields': (_, s, len) => atMost(s, 'field', len('permission.flows') * len('flow.carriedFields')),
  'Permission.purposes': (_, s, len) => atMost(s, 'purpose', len('permission.flows') * len('flow.purposes')),
  // A path ends at a sink; a field has no more paths than flows carrying it (LINEAGE_MAX_PATHS caps them).
  'Lineage.paths': (_, _s, len) => Math.min(LINEAGE_MAX_PATHS, len('field.flows')),
  'LineagePath.hops': (_a, _s, _l, scope) => scope.lineageDepth,
};

/** Connections: the page their `first` asks for, bounded by the node type's count. */
const PAGES: Record<string, Estimate> = {
  'Query.personalFields': page('field'),
  'Query.dataFlows': page('flow'),
  'Query.partiesConnection': page('party'),
  'Query.auditLog': page(null),
};

export interface QueryCost {
  /** Estimated values in the answer (stops counting once past the limit). */
  cost: number;
  /** The list that contributed most to the cost, with its estimated length: named in the refusal. */
  heaviest: { path: string; length: number; cost: number } | null;
}

/**
 * Estimated cost of one operation of a parsed, validated document. Counting stops once `limit`
 * is passed, so a document built to make the estimate itself slow (fragments spread in fragments)
 * costs at most `limit` steps.
 */
export function estimateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  stats: ListSizeStatistics,
  limit = Number.POSITIVE_INFINITY,
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const result: QueryCost = { cost: 0, heaviest: null };
  if (!root) return result;

  const walk = (selections: SelectionSetNode, type: GraphQLNamedType, multiplicity: number, scope: Scope, path: string): void => {
    for (const selection of selections.selections) {
      if (result.cost > limit) return;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, conditionType(schema, fragment.typeCondition.name.value) ?? type, multiplicity, scope, path);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, (selection.typeCondition && conditionType(schema, selection.typeCondition.name.value)) || type, multiplicity, scope, path);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) {
        // __typename is a value like any other; introspection below __schema/__type is not counted.
        if (name === '__typename') result.cost += multiplicity;
        continue;
      }
      const field = fieldOf(type, name);
      if (!field) continue;
      result.cost += multiplicity;
      if (!selection.selectionSet) continue;
      const id = `${type.name}.${name}`;
      const args = argumentsOf(field, selection, variables);
      const relation = RELATION_LISTS[id];
      let childScope: Scope = { ...scope, reachedThrough: relation ?? REFERENCES[id] ?? null };
      const pageOf = PAGES[id];
      if (pageOf) childScope = { ...childScope, pageSize: pageOf(args, stats, lengthIn(stats, scope), scope) };
      if (name === 'lineage' && typeof args.maxDepth === 'number') childScope = { ...childScope, lineageDepth: args.maxDepth };
      let length = 1;
      if (isListType(getNullableType(field.type))) {
        length = relation ? lengthOf(stats, relation, scope.reachedThrough) : listLength(id, field, args, stats, scope);
        const cost = multiplicity * length;
        if (!result.heaviest || cost > result.heaviest.cost) result.heaviest = { path: `${path}${name}`, length, cost };
      }
      walk(selection.selectionSet, getNamedType(field.type), multiplicity * length, childScope, `${path}${name}.`);
    }
  };

  walk(operation.selectionSet, root, 1, { pageSize: 1, lineageDepth: 5, reachedThrough: null }, '');
  return result;
}

const lengthIn = (stats: ListSizeStatistics, scope: Scope): Length => (name) => lengthOf(stats, name, scope.reachedThrough);

function listLength(id: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, stats: ListSizeStatistics, scope: Scope): number {
  const known = LIST_LENGTHS[id];
  if (known) return Math.max(1, known(args, stats, lengthIn(stats, scope), scope));
  // A connection's edges and nodes: the page asked for.
  if (id.endsWith('Connection.edges') || id.endsWith('Connection.nodes')) return Math.max(1, scope.pageSize);
  const named = getNamedType(field.type).name;
  // Clauses cited by a node.
  if (named === 'Clause') return lengthOf(stats, 'node.sources');
  const nodeType = NODE_TYPE_OF[named];
  if (nodeType) return Math.max(1, stats.nodes[nodeType]);
  return DEFAULT_LIST_LENGTH;
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields()[name];
  return undefined;
}

function conditionType(schema: GraphQLSchema, name: string): GraphQLNamedType | undefined {
  const type = schema.getType(name);
  return type && (isObjectType(type) || isInterfaceType(type) || isUnionType(type)) ? type : undefined;
}

/** Arguments as execution will see them (defaults applied, variables substituted); none on error. */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    // Bad arguments fail execution with their own error; the estimate goes on with the defaults.
    return {};
  }
}

/** Provides the statistics the estimate multiplies by (cached; see services/list-size-statistics.ts). */
export interface StatisticsSource {
  current(): Promise<ListSizeStatistics>;
}

/**
 * Refuses, before execution, an operation whose estimated cost is over `maxCost`: a 400 with
 * QUERY_TOO_COSTLY, the limit and the list that weighs most.
 */
export function queryCostPlugin(statistics: StatisticsSource, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const stats = await statistics.current();
          const { cost, heaviest } = estimateQueryCost(schema, document, operation, request.variables ?? {}, stats, maxCost);
          if (cost <= maxCost) return;
          const limit = maxCost.toLocaleString('en-US');
          const hint = heaviest ? ` The heaviest list is ${heaviest.path} (about ${heaviest.length.toLocaleString('en-US')} items each time it is asked).` : '';
          throw new GraphQLError(
            `Query is too costly: its answer would hold an estimated more than ${limit} values, and the limit is ${limit}.${hint} Ask for fewer nested lists, or page with \`first\`.`,
            { extensions: { code: 'QUERY_TOO_COSTLY', maxCost, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
