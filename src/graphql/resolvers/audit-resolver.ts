/** auditLog query and the `version` every node reports (for expectedVersion on writes). */
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { NODE_TYPES, type NodeType } from '../../domain/vocabulary';
import { toConnection } from '../connections';
import type { RequestContext } from '../context';
import { AuditEntryConnection, AuditFilterInput } from '../types/audit';
import { NODE_OBJECT_TYPES } from '../types/nodes';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Every committed change, newest first. API key ids are shown to admins only; others see the key\'s name.' })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    // An entry's cursor is its id: the log is ordered by id, and ids are what clients quote.
    // A key id is the first half of the key's token: only admins, who manage keys, see ids.
    const reader = { seesKeyIds: ctx.actor.role === 'admin' };
    return toConnection(await ctx.auditLog.list(filter ?? {}, { first: first ?? 50, after }, reader), (entry) => entry.id);
  }
}

/** One `version` resolver per node type, batched through the request's reader. */
function versionResolver(type: NodeType, objectType: ClassType) {
  @Resolver(() => objectType)
  class VersionResolver {
    @FieldResolver(() => Int, { description: 'Bumped on every change; pass it back as expectedVersion to avoid overwriting someone else' })
    version(@Root() node: { key: string }, @Ctx() ctx: RequestContext) {
      return ctx.reader.version(type, node.key);
    }
  }
  return VersionResolver;
}

export const VERSION_RESOLVERS = NODE_TYPES.map((type) => versionResolver(type, NODE_OBJECT_TYPES[type]));
