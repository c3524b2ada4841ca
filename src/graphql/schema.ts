/** Builds the executable schema from the type-graphql classes. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { isRole, roleAtLeast } from '../domain/access';
import type { RequestContext } from './context';
import { AuditResolver, VERSION_RESOLVERS } from './resolvers/audit-resolver';
import { ComplianceResolver } from './resolvers/compliance-resolver';
import { DataFlowConnectionResolver, PartyConnectionResolver } from './resolvers/connection-resolvers';
import { MutationResolver, NODE_MUTATION_RESOLVERS } from './resolvers/mutation-resolver';
import {
  ClauseResolver,
  DataCategoryResolver,
  DataFlowResolver,
  LegalBasisResolver,
  LineagePathResolver,
  PartyResolver,
  PermissionResolver,
  PersonalFieldResolver,
  PolicyDocumentResolver,
  PurposeResolver,
} from './resolvers/node-resolvers';
import { QueryResolver } from './resolvers/query-resolver';

let built: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every server in a process: build it once. */
export function fieldTrailSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      QueryResolver,
      DataFlowConnectionResolver,
      PartyConnectionResolver,
      MutationResolver,
      ...NODE_MUTATION_RESOLVERS,
      PersonalFieldResolver,
      LineagePathResolver,
      DataCategoryResolver,
      DataFlowResolver,
      PartyResolver,
      PurposeResolver,
      PermissionResolver,
      LegalBasisResolver,
      PolicyDocumentResolver,
      ClauseResolver,
      ComplianceResolver,
      AuditResolver,
      ...VERSION_RESOLVERS,
    ],
    // Inputs are checked by the manifest schema in the service: one rule set for all writes.
    validate: false,
    // @Authorized('editor') on a field: the request's actor must hold at least that role.
    authChecker: ({ context }: { context: RequestContext }, roles: string[]) =>
      roles.every((role) => isRole(role) && roleAtLeast(context.actor.role, role)),
  });
  return built;
}
