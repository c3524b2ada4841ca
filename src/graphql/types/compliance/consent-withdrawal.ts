/** The `consentWithdrawal` answer: what stops when a user revokes a permission. */
import { Field, ID, ObjectType } from 'type-graphql';
import { FunctionTypeEnum } from '../../enums';
import { FunctionEffectEnum } from './enums';
import { CitedClauseType, StatuteArticleType } from './shared';

@ObjectType('WithdrawnPermission')
export class WithdrawnPermissionType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field({ description: 'An Android runtime permission the user can revoke in the settings' }) runtime!: boolean;
  @Field(() => String, { nullable: true }) group!: string | null;
}

@ObjectType('AffectedFlow')
export class AffectedFlowType {
  @Field(() => ID) flowKey!: string;
  @Field() name!: string;
  @Field() optional!: boolean;
  @Field() reason!: string;
}

@ObjectType('AffectedFunction')
export class AffectedFunctionType {
  @Field(() => ID) purposeKey!: string;
  @Field() name!: string;
  @Field(() => FunctionTypeEnum) functionType!: string;
  @Field(() => FunctionEffectEnum) effect!: string;
  @Field(() => [ID]) stoppedFlowKeys!: string[];
  @Field(() => [ID]) limitedFlowKeys!: string[];
}

@ObjectType('ConsentWithdrawal', { description: 'What stops when a user revokes a permission, and whether the basic functions survive.' })
export class ConsentWithdrawalType {
  @Field(() => WithdrawnPermissionType) permission!: WithdrawnPermissionType;
  @Field(() => [ID]) revokedPermissions!: string[];
  @Field(() => [AffectedFlowType]) stoppedFlows!: AffectedFlowType[];
  @Field(() => [AffectedFlowType]) limitedFlows!: AffectedFlowType[];
  @Field(() => [AffectedFunctionType]) functions!: AffectedFunctionType[];
  @Field(() => [ID]) fieldsNoLongerCollected!: string[];
  @Field() basicFunctionSurvives!: boolean;
  @Field(() => [ID], { description: 'Flows the user cannot refuse that the permission gates' }) requiredFlowsAffected!: string[];
  @Field() verdict!: string;
  @Field(() => [CitedClauseType]) clauses!: CitedClauseType[];
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
}
