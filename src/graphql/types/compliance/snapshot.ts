/** The `snapshots` answer and the `takeSnapshot` result. */
import { Field, ObjectType } from 'type-graphql';

@ObjectType('InventorySnapshot', { description: 'An immutable copy of the inventory, kept under a label.' })
export class InventorySnapshotType {
  @Field() label!: string;
  @Field({ description: 'ISO-8601, UTC' }) createdAt!: string;
}
