/**
 * The Relay connection shape, once for every listed node type (type-graphql generic types):
 * `Connection('PersonalField', PersonalFieldType)` is the base of PersonalFieldConnection and
 * registers PersonalFieldEdge with it.
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export function Connection<TNode>(name: string, nodeType: ClassType) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => nodeType) node!: TNode;
  }

  // Never referenced itself, so never in the schema (type-graphql 2 dropped `isAbstract` for
  // that): only the named subclass, `@ObjectType('<name>Connection')`, is.
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => Int) totalCount!: number;
    @Field(() => [nodeType]) nodes!: TNode[];
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType;
}
