/**
 * Limits against abusive queries (graphql-armor) and the stable codes their errors carry.
 * The numbers leave room for every query the dashboard and the tests send (the costliest,
 * the dashboard's field lineage, costs about 1,300).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';

export const QUERY_LIMITS = {
  maxDepth: 12,
  maxCost: 5_000,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
};

export function armorProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
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
  [/Query Cost limit of \d+ exceeded/i, 'QUERY_TOO_COSTLY'],
  [/Aliases limit of \d+ exceeded/, 'TOO_MANY_ALIASES'],
  [/Document contains more th[ae][nt] \d+ tokens/, 'TOO_MANY_TOKENS'],
  [/Directives limit of \d+ exceeded/, 'TOO_MANY_DIRECTIVES'],
];
