/**
 * Mutations: imports and per-node upsert/delete. Each validates whole in the service and writes
 * in one transaction, so a rejected mutation leaves the inventory exactly as it was.
 * Every one needs the editor role.
 */
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { ImportMode, NodeType } from '../../domain/vocabulary';
import type { RequestContext } from '../context';
import { ImportModeEnum } from '../enums';
import {
  DataCategoryInput,
  DataFlowInput,
  LegalBasisInput,
  PartyInput,
  PermissionInput,
  PersonalFieldInput,
  PolicyDocumentInput,
  PurposeInput,
} from '../inputs/nodes';
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
import { ImportResult } from '../types/results';

/** Writes one node, then reads it back fresh (the request's loaders may hold the old one). */
async function upsertAndRead(ctx: RequestContext, type: NodeType, input: object) {
  const { expectedVersion, ...node } = input as { expectedVersion?: number | null };
  await ctx.inventory.upsert(type, node, { actor: ctx.actor.id, expectedVersion });
  ctx.reader.forgetVersion(type, (input as { key: string }).key);
  ctx.reader.forget(type, (input as { key: string }).key);
  return ctx.reader.node(type, (input as { key: string }).key);
}

async function remove(ctx: RequestContext, type: NodeType, key: string, expectedVersion: number | null): Promise<boolean> {
  await ctx.inventory.delete(type, key, { actor: ctx.actor.id, expectedVersion });
  ctx.reader.forget(type, key);
  return true;
}

@Resolver()
export class MutationResolver {
  @Authorized('editor')
  @Mutation(() => ImportResult, { description: 'Imports a manifest (the seeds/ format, as JSON). All or nothing.' })
  async importInventory(
    @Ctx() ctx: RequestContext,
    @Arg('manifest', () => GraphQLJSON) manifest: unknown,
    @Arg('mode', () => ImportModeEnum, { nullable: true, defaultValue: 'MERGE' }) mode: ImportMode | null,
  ): Promise<ImportResult> {
    const summary = await ctx.inventory.importManifest(manifest, mode ?? 'MERGE', { actor: ctx.actor.id });
    const w = summary.written;
    return {
      mode: summary.mode, removed: summary.removed, documents: w.document, clauses: w.clause, categories: w.category,
      fields: w.field, purposes: w.purpose, permissions: w.permission, parties: w.party, legalBases: w.legalBasis, flows: w.flow,
    };
  }

  @Authorized('editor')
  @Mutation(() => PolicyDocumentType)
  upsertPolicyDocument(@Ctx() ctx: RequestContext, @Arg('input', () => PolicyDocumentInput) input: PolicyDocumentInput) {
    return upsertAndRead(ctx, 'document', { ...input, clauses: (input.clauses ?? []).map((c) => ({ ...c })) });
  }

  @Authorized('editor')
  @Mutation(() => DataCategoryType)
  upsertDataCategory(@Ctx() ctx: RequestContext, @Arg('input', () => DataCategoryInput) input: DataCategoryInput) {
    return upsertAndRead(ctx, 'category', input);
  }

  @Authorized('editor')
  @Mutation(() => PersonalFieldType)
  upsertPersonalField(@Ctx() ctx: RequestContext, @Arg('input', () => PersonalFieldInput) input: PersonalFieldInput) {
    return upsertAndRead(ctx, 'field', input);
  }

  @Authorized('editor')
  @Mutation(() => PurposeType)
  upsertPurpose(@Ctx() ctx: RequestContext, @Arg('input', () => PurposeInput) input: PurposeInput) {
    return upsertAndRead(ctx, 'purpose', input);
  }

  @Authorized('editor')
  @Mutation(() => PermissionType)
  upsertPermission(@Ctx() ctx: RequestContext, @Arg('input', () => PermissionInput) input: PermissionInput) {
    return upsertAndRead(ctx, 'permission', input);
  }

  @Authorized('editor')
  @Mutation(() => PartyType)
  upsertParty(@Ctx() ctx: RequestContext, @Arg('input', () => PartyInput) input: PartyInput) {
    return upsertAndRead(ctx, 'party', input);
  }

  @Authorized('editor')
  @Mutation(() => LegalBasisType)
  upsertLegalBasis(@Ctx() ctx: RequestContext, @Arg('input', () => LegalBasisInput) input: LegalBasisInput) {
    return upsertAndRead(ctx, 'legalBasis', input);
  }

  @Authorized('editor')
  @Mutation(() => DataFlowType)
  upsertDataFlow(@Ctx() ctx: RequestContext, @Arg('input', () => DataFlowInput) input: DataFlowInput) {
    return upsertAndRead(ctx, 'flow', input);
  }

  @Authorized('editor')
  @Mutation(() => Boolean, { description: 'Fails naming the clauses cited while any node still cites it.' })
  deletePolicyDocument(
    @Ctx() ctx: RequestContext,
    @Arg('key', () => ID) key: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
  ) {
    return remove(ctx, 'document', key, expectedVersion);
  }

  @Authorized('editor')
  @Mutation(() => Boolean)
  deleteDataCategory(
    @Ctx() ctx: RequestContext,
    @Arg('key', () => ID) key: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
  ) {
    return remove(ctx, 'category', key, expectedVersion);
  }

  @Authorized('editor')
  @Mutation(() => Boolean)
  deletePersonalField(
    @Ctx() ctx: RequestContext,
    @Arg('key', () => ID) key: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
  ) {
    return remove(ctx, 'field', key, expectedVersion);
  }

  @Authorized('editor')
  @Mutation(() => Boolean)
  deletePurpose(
    @Ctx() ctx: RequestContext,
    @Arg('key', () => ID) key: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
  ) {
    return remove(ctx, 'purpose', key, expectedVersion);
  }

  @Authorized('editor')
  @Mutation(() => Boolean)
  deletePermission(
    @Ctx() ctx: RequestContext,
    @Arg('key', () => ID) key: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
  ) {
    return remove(ctx, 'permission', key, expectedVersion);
  }

  @Authorized('editor')
  @Mutation(() => Boolean)
  deleteParty(
    @Ctx() ctx: RequestContext,
    @Arg('key', () => ID) key: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
  ) {
    return remove(ctx, 'party', key, expectedVersion);
  }

  @Authorized('editor')
  @Mutation(() => Boolean)
  deleteLegalBasis(
    @Ctx() ctx: RequestContext,
    @Arg('key', () => ID) key: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
  ) {
    return remove(ctx, 'legalBasis', key, expectedVersion);
  }

  @Authorized('editor')
  @Mutation(() => Boolean)
  deleteDataFlow(
    @Ctx() ctx: RequestContext,
    @Arg('key', () => ID) key: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
  ) {
    return remove(ctx, 'flow', key, expectedVersion);
  }
}
