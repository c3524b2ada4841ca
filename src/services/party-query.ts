/** The party filter's rules, checked before the store is asked (GraphQL and any other caller alike). */
import { ValidationError, type Problem } from '../domain/problems';
import type { PartyQuery } from '../store/inventory-store';

/**
 * `kind` and `kinds` together are refused rather than intersected: a client sending both has
 * almost surely mixed two filters up. An empty `kinds` is refused too: it would match nothing,
 * which a client that meant "every kind" (omit it) would read as an empty inventory.
 */
export function checkPartyQuery(query: PartyQuery): void {
  const problems: Problem[] = [];
  if (query.kind != null && query.kinds != null) {
    problems.push({ path: 'filter.kinds', message: 'give either kind or kinds, not both (kinds: [X] is the same as kind: X)' });
  }
  if (query.kinds != null && query.kinds.length === 0) {
    problems.push({ path: 'filter.kinds', message: 'must name at least one kind; omit kinds for parties of every kind' });
  }
  if (problems.length) throw new ValidationError(problems, 'invalid party filter');
}
