/** The audit log over GraphQL: read-only; no mutation edits or deletes an entry. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { AUDIT_OPERATIONS, type AuditOperation } from '../../domain/audit';
import { enumOf } from '../enums';
import { Connection } from './connection';

export const AuditOperationEnum = enumOf(AUDIT_OPERATIONS);
registerEnumType(AuditOperationEnum, { name: 'AuditOperation' });

@ObjectType('AuditEntry', { description: 'One committed change: who, when, what, and the node before and after; hashed and chained to the entry before it.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'ISO-8601 UTC (YYYY-MM-DDTHH:MM:SS.sssZ)' }) at!: string;
  @Field({
    description:
      'key:<id> (admins; others see the key\'s name instead, key:"ci-importer"), oidc:<subject>, anonymous@loopback, cli:<user>, system',
  })
  actor!: string;
  @Field(() => AuditOperationEnum) operation!: AuditOperation;
  @Field({ description: 'A node type (field, flow, party…), inventory, snapshot or api-key' }) entityType!: string;
  @Field({ description: 'The node key, snapshot label or API key id (its name in quotes for non-admins); * for the inventory' }) entityKey!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
  @Field(() => String, { nullable: true, description: 'The hash of the entry before this one (64 zeros for the first); null only for a row written outside FieldTrail' })
  previousHash!: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of previousHash and this entry (docs/security.md "Audit log"); `fieldtrail audit verify` checks the chain' })
  hash!: string | null;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends Connection<AuditEntryType>('AuditEntry', AuditEntryType) {}

@InputType()
export class AuditFilterInput {
  @Field(() => String, { nullable: true }) entityType?: string | null;
  @Field(() => String, { nullable: true }) entityKey?: string | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
  @Field(() => AuditOperationEnum, { nullable: true }) operation?: AuditOperation | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Inclusive lower bound: an RFC 3339 date-time with a time zone (2026-12-06T00:00:00+08:00); compared as an instant' })
  since?: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Inclusive upper bound, as since; for a whole day give its last instant (2026-12-06T23:59:59.999Z)' })
  until?: Date | null;
}
