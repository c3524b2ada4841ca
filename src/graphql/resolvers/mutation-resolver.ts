/**
 * Mutations: imports and per-node upsert/delete. Each validates whole in the service and writes
 * in one transaction, so a rejected mutation leaves the inventory exactly as it was.
 * Every one needs the editor role.
 */
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver, type ClassType } from 'type-graphql';
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
import { NODE_OBJECT_TYPES } from '../types/nodes';
import { ImportResult } from '../types/results';

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
}

/** What every node input has: its key, and the version the writer expects it at. */
type NodeInputShape = { key: string; expectedVersion?: number | null };

/** What `upsert<name>` and `delete<name>` differ in, per node type. */
interface NodeMutations {
  type: NodeType;
  /** The GraphQL name of the node type. */
  name: string;
  inputType: ClassType<NodeInputShape>;
  deleteDescription?: string;
}

const NODE_MUTATIONS: NodeMutations[] = [
  {
    type: 'document', name: 'PolicyDocument', inputType: PolicyDocumentInput,
    deleteDescription: 'Fails naming the clauses cited while any node still cites it.',
  },
  { type: 'category', name: 'DataCategory', inputType: DataCategoryInput },
  { type: 'field', name: 'PersonalField', inputType: PersonalFieldInput },
  { type: 'purpose', name: 'Purpose', inputType: PurposeInput },
  { type: 'permission', name: 'Permission', inputType: PermissionInput },
  { type: 'party', name: 'Party', inputType: PartyInput },
  { type: 'legalBasis', name: 'LegalBasis', inputType: LegalBasisInput },
  { type: 'flow', name: 'DataFlow', inputType: DataFlowInput },
];

/** `upsert<name>(input)`: writes one node whole, then reads it back fresh. */
function upsertResolver(node: NodeMutations) {
  @Resolver()
  class UpsertResolver {
    @Authorized('editor')
    @Mutation(() => NODE_OBJECT_TYPES[node.type], { name: `upsert${node.name}` })
    async upsert(@Ctx() ctx: RequestContext, @Arg('input', () => node.inputType) input: NodeInputShape) {
      const { expectedVersion, ...fields } = input;
      await ctx.inventory.upsert(node.type, fields, { actor: ctx.actor.id, expectedVersion });
      // The request's loaders may hold the node as it was.
      ctx.reader.forgetVersion(node.type, input.key);
      ctx.reader.forget(node.type, input.key);
      return ctx.reader.node(node.type, input.key);
    }
  }
  return UpsertResolver;
}

/** `delete<name>(key, expectedVersion)`: fails naming the referrers while anything points at the node. */
function deleteResolver(node: NodeMutations) {
  @Resolver()
  class DeleteResolver {
    @Authorized('editor')
    @Mutation(() => Boolean, { name: `delete${node.name}`, description: node.deleteDescription })
    async delete(
      @Ctx() ctx: RequestContext,
      @Arg('key', () => ID) key: string,
      @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT unless the node is at this version' }) expectedVersion: number | null,
    ): Promise<boolean> {
      await ctx.inventory.delete(node.type, key, { actor: ctx.actor.id, expectedVersion });
      ctx.reader.forget(node.type, key);
      return true;
    }
  }
  return DeleteResolver;
}

/** All upserts, then all deletes: the order the Mutation type lists them in. */
export const NODE_MUTATION_RESOLVERS = [...NODE_MUTATIONS.map(upsertResolver), ...NODE_MUTATIONS.map(deleteResolver)] as const;
