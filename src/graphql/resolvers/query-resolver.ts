/** Root queries: thin calls into the per-request InventoryReader (and the export). */
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { decodeCursor, keyCursor, toConnection } from '../connections';
import { DataFlowFilter, PartyFilter, PersonalFieldFilter } from '../inputs/filters';
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
import { DataFlowConnection, PartyConnection, PersonalFieldConnection } from '../types/results';
import { GraphQLJSON } from 'graphql-scalars';

@Resolver()
export class QueryResolver {
  @Query(() => PersonalFieldConnection, { description: 'Personal fields, ordered by key, paginated.' })
  async personalFields(
    @Ctx() { reader }: RequestContext,
    @Arg('filter', () => PersonalFieldFilter, { nullable: true }) filter: PersonalFieldFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return toConnection(await reader.listFields(filter ?? {}, { first: first ?? 50, afterKey: decodeCursor(after) }), keyCursor);
  }

  @Query(() => PersonalFieldType, { nullable: true })
  personalField(@Ctx() { reader }: RequestContext, @Arg('key', () => ID) key: string) {
    return reader.node('field', key);
  }

  @Query(() => [DataCategoryType])
  dataCategories(@Ctx() { reader }: RequestContext) {
    return reader.listAll('category');
  }

  @Query(() => DataCategoryType, { nullable: true })
  dataCategory(@Ctx() { reader }: RequestContext, @Arg('key', () => ID) key: string) {
    return reader.node('category', key);
  }

  @Query(() => [PurposeType])
  purposes(@Ctx() { reader }: RequestContext) {
    return reader.listAll('purpose');
  }

  @Query(() => PurposeType, { nullable: true })
  purpose(@Ctx() { reader }: RequestContext, @Arg('key', () => ID) key: string) {
    return reader.node('purpose', key);
  }

  @Query(() => [PermissionType])
  permissions(@Ctx() { reader }: RequestContext) {
    return reader.listAll('permission');
  }

  @Query(() => PermissionType, { nullable: true })
  permission(@Ctx() { reader }: RequestContext, @Arg('key', () => ID) key: string) {
    return reader.node('permission', key);
  }

  @Query(() => [LegalBasisType])
  legalBases(@Ctx() { reader }: RequestContext) {
    return reader.listAll('legalBasis');
  }

  @Query(() => [PartyType], { description: 'Every matching party, ordered by key, in one unpaged list. For long lists, and for counts per kind, use partiesConnection.' })
  parties(@Ctx() { reader }: RequestContext, @Arg('filter', () => PartyFilter, { nullable: true }) filter: PartyFilter | null) {
    return reader.listParties(filter ?? {});
  }

  @Query(() => PartyConnection, { description: 'Parties, ordered by key, paginated; totalCount and countsByKind count every match, not only the page.' })
  async partiesConnection(
    @Ctx() { reader }: RequestContext,
    @Arg('filter', () => PartyFilter, { nullable: true }) filter: PartyFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const query = filter ?? {};
    return { ...toConnection(await reader.pageParties(query, { first: first ?? 50, afterKey: decodeCursor(after) }), keyCursor), query };
  }

  @Query(() => PartyType, { nullable: true })
  party(@Ctx() { reader }: RequestContext, @Arg('key', () => ID) key: string) {
    return reader.node('party', key);
  }

  @Query(() => DataFlowConnection, { description: 'Data flows, ordered by key, paginated.' })
  async dataFlows(
    @Ctx() { reader }: RequestContext,
    @Arg('filter', () => DataFlowFilter, { nullable: true }) filter: DataFlowFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const query = filter ?? {};
    return { ...toConnection(await reader.listFlows(query, { first: first ?? 50, afterKey: decodeCursor(after) }), keyCursor), query };
  }

  @Query(() => DataFlowType, { nullable: true })
  dataFlow(@Ctx() { reader }: RequestContext, @Arg('key', () => ID) key: string) {
    return reader.node('flow', key);
  }

  @Query(() => [PolicyDocumentType])
  policyDocuments(@Ctx() { reader }: RequestContext) {
    return reader.listAll('document');
  }

  @Query(() => GraphQLJSON, { description: 'The whole inventory as a manifest (the import format).' })
  exportInventory(@Ctx() { inventory }: RequestContext) {
    return inventory.exportManifest();
  }
}
