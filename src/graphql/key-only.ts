/**
 * Whether a field's selection asks nothing of the object but its key (`hops { key }`): the
 * resolver then answers `{ key }` from the key it already holds instead of reading the record.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo } from 'graphql';

/** graphql-js hands every item of a list the same fieldNodes array, so this is decided once per selection. */
const cache = new WeakMap<readonly FieldNode[], boolean>();

export function asksOnlyKey(info: GraphQLResolveInfo): boolean {
  let only = cache.get(info.fieldNodes);
  if (only === undefined) {
    only = info.fieldNodes.every((node) =>
      (node.selectionSet?.selections ?? []).every(
        (s) => s.kind === Kind.FIELD && !s.directives?.length && (s.name.value === 'key' || s.name.value === '__typename'),
      ),
    );
    cache.set(info.fieldNodes, only);
  }
  return only;
}
