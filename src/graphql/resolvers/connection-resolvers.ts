/**
 * Fields of list connections computed apart from the page: counts per kind, one grouped count in
 * the store for every match of the connection's filter (a dashboard draws them without listing).
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FLOW_KINDS, PARTY_KINDS } from '../../domain/vocabulary';
import type { RequestContext } from '../context';
import { DataFlowConnection, FlowKindCount, PartyConnection, PartyKindCount } from '../types/results';

/** Every kind of the vocabulary in its order, 0 where none matches: clients draw a fixed set of bars. */
function everyKind<K extends string>(kinds: readonly K[], counts: Partial<Record<K, number>>): Array<{ kind: K; count: number }> {
  return kinds.map((kind) => ({ kind, count: counts[kind] ?? 0 }));
}

@Resolver(() => DataFlowConnection)
export class DataFlowConnectionResolver {
  @FieldResolver(() => [FlowKindCount], { description: 'How many flows of each kind match the filter (every kind, in vocabulary order, 0 included), whatever the page.' })
  async countsByKind(@Root() connection: DataFlowConnection, @Ctx() { reader }: RequestContext) {
    return everyKind(FLOW_KINDS, await reader.countFlowsByKind(connection.query));
  }
}

@Resolver(() => PartyConnection)
export class PartyConnectionResolver {
  @FieldResolver(() => [PartyKindCount], { description: 'How many parties of each kind match the filter (every kind, in vocabulary order, 0 included), whatever the page.' })
  async countsByKind(@Root() connection: PartyConnection, @Ctx() { reader }: RequestContext) {
    return everyKind(PARTY_KINDS, await reader.countPartiesByKind(connection.query));
  }
}
