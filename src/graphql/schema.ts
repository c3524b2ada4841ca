/** Builds the executable schema from the type-graphql classes. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { MutationResolver } from './resolvers/mutation-resolver';
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
      MutationResolver,
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
    ],
    // Inputs are checked by the manifest schema in the service: one rule set for all writes.
    validate: false,
  });
  return built;
}
