/** auditLog query and the `version` every node reports (for expectedVersion on writes). */
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ValidationError } from '../../domain/problems';
import type { NodeType } from '../../domain/vocabulary';
import { MAX_PAGE_SIZE } from '../../services/inventory-reader';
import type { RequestContext } from '../context';
import { AuditEntryConnection, AuditFilterInput } from '../types/audit';
import {
  DataCategoryType,
  DataFlowType,
  LegalBasisType,
  PartyType,
  PermissionType,
  PersonalFieldType,
  PolicyDocumentType,
  PurposeType,
} from '../types/nodes';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Every committed change, newest first.' })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const size = first ?? 50;
    if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
      throw new ValidationError([{ path: 'first', message: `must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${size}` }], 'invalid page request');
    }
    const page = await ctx.service.store.listAuditEntries(filter ?? {}, { first: size, afterId: after });
    const edges = page.nodes.map((node) => ({ cursor: node.id, node }));
    return {
      totalCount: page.totalCount,
      nodes: page.nodes,
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    };
  }
}

/** One `version` resolver per node type, batched through the request's reader. */
function versionResolver(type: NodeType, objectType: new () => object) {
  @Resolver(() => objectType)
  class VersionResolver {
    @FieldResolver(() => Int, { description: 'Bumped on every change; pass it back as expectedVersion to avoid overwriting someone else' })
    version(@Root() node: { key: string }, @Ctx() ctx: RequestContext) {
      return ctx.reader.version(type, node.key);
    }
  }
  return VersionResolver;
}

export const VERSION_RESOLVERS = [
  versionResolver('document', PolicyDocumentType),
  versionResolver('category', DataCategoryType),
  versionResolver('field', PersonalFieldType),
  versionResolver('purpose', PurposeType),
  versionResolver('permission', PermissionType),
  versionResolver('party', PartyType),
  versionResolver('legalBasis', LegalBasisType),
  versionResolver('flow', DataFlowType),
] as const;
