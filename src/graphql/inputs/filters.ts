/** Filters for the list queries. */
import { Field, ID, InputType } from 'type-graphql';
import { FlowKindEnum, PartyKindEnum } from '../enums';
import type { FlowKind, PartyKind } from '../../domain/vocabulary';

@InputType()
export class PersonalFieldFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of key, name or nameZh' }) search?: string | null;
  @Field(() => Boolean, { nullable: true }) sensitive?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'The category or any category below it' }) categoryKey?: string | null;
  @Field(() => ID, { nullable: true }) purposeKey?: string | null;
  @Field(() => ID, { nullable: true }) permissionKey?: string | null;
  @Field(() => ID, { nullable: true, description: 'Fields some flow carries to this party' }) recipientKey?: string | null;
}

@InputType()
export class PartyFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of key, name, nameZh or any of the SDK package names (sdkPackages)' })
  search?: string | null;
  @Field(() => PartyKindEnum, { nullable: true, description: 'Parties of this kind. Not together with kinds.' }) kind?: PartyKind | null;
  @Field(() => [PartyKindEnum], {
    nullable: true,
    description: 'Parties of any of these kinds (at least one). Not together with kind: sending both, or an empty list, is BAD_USER_INPUT.',
  })
  kinds?: PartyKind[] | null;
}

@InputType()
export class DataFlowFilter {
  @Field(() => ID, { nullable: true, description: 'Flows carrying the field, directly or through its category' }) fieldKey?: string | null;
  @Field(() => ID, { nullable: true }) fromKey?: string | null;
  @Field(() => ID, { nullable: true }) toKey?: string | null;
  @Field(() => ID, { nullable: true }) purposeKey?: string | null;
  @Field(() => FlowKindEnum, { nullable: true }) kind?: FlowKind | null;
  @Field(() => Boolean, { nullable: true }) crossBorder?: boolean | null;
}
