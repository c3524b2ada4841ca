/** The audit log over GraphQL: read-only; no mutation edits or deletes an entry. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { AUDIT_OPERATIONS, type AuditOperation } from '../../domain/audit';
import { enumOf } from '../enums';
import { Connection } from './connection';

export const AuditOperationEnum = enumOf(AUDIT_OPERATIONS);
registerEnumType(AuditOperationEnum, { name: 'AuditOperation' });

@ObjectType('AuditEntry', { description: 'One committed change: who, when, what, and the node before and after.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'ISO-8601 UTC' }) at!: string;
  @Field({ description: 'key:<id>, oidc:<subject>, anonymous@loopback, system' }) actor!: string;
  @Field(() => AuditOperationEnum) operation!: AuditOperation;
  @Field({ description: 'A node type (field, flow, party…) or inventory' }) entityType!: string;
  @Field() entityKey!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends Connection<AuditEntryType>('AuditEntry', AuditEntryType) {}

@InputType()
export class AuditFilterInput {
  @Field(() => String, { nullable: true }) entityType?: string | null;
  @Field(() => String, { nullable: true }) entityKey?: string | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
  @Field(() => AuditOperationEnum, { nullable: true }) operation?: AuditOperation | null;
  @Field(() => String, { nullable: true, description: 'Inclusive ISO-8601 lower bound' }) since?: string | null;
  @Field(() => String, { nullable: true, description: 'Inclusive ISO-8601 upper bound' }) until?: string | null;
}
