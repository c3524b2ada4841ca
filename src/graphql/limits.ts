/**
 * Limits on a query's shape (graphql-armor) and the stable codes their errors carry. What a
 * query costs is estimated by FieldTrail's own model (query-cost.ts): graphql-armor's cost limit
 * counted a list without `first:` as one item, so the costliest queries scored lowest.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';

export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
};

export function armorProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { enabled: false },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // Enforced by graphql-js's parser instead (parseOptions in server.ts): armor's plugin made
    // every syntax error a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Field suggestions tell an attacker the schema; introspection is on for tools anyway, but
    // suggestions in errors are noise: keep them blocked.
    blockFieldSuggestion: { enabled: true },
  });
  return armor.protect();
}

/** graphql-armor reports limits as validation errors; these patterns give each its own code. */
export const LIMIT_CODES: Array<[RegExp, string]> = [
  [/Query depth limit of \d+ exceeded/, 'QUERY_TOO_DEEP'],
  [/Aliases limit of \d+ exceeded/, 'TOO_MANY_ALIASES'],
  [/Document contains more th[ae][nt] \d+ tokens/, 'TOO_MANY_TOKENS'],
  [/Directives limit of \d+ exceeded/, 'TOO_MANY_DIRECTIVES'],
];
