/** Inputs of the compliance queries: which findings, and which part of the inventory to assess. */
import { Field, ID, InputType } from 'type-graphql';
import { FindingSubjectTypeEnum, SeverityEnum, StatuteLawEnum } from '../types/compliance/enums';
import type { Law } from '../../domain/compliance/articles';
import type { Severity, SubjectType } from '../../domain/compliance/findings';

@InputType({ description: 'Every condition given must hold.' })
export class FindingFilter {
  @Field(() => SeverityEnum, { nullable: true, description: 'Only findings at or above this severity' }) minSeverity?: Severity | null;
  @Field(() => [String], { nullable: true, description: 'Only these rules (see complianceRules)' }) rules?: string[] | null;
  @Field(() => FindingSubjectTypeEnum, { nullable: true }) subjectType?: SubjectType | null;
  @Field(() => ID, { nullable: true, description: 'Findings about this key or involving it (a field, flow, party, purpose, permission or legal basis)' }) involving?: string | null;
  @Field(() => StatuteLawEnum, { nullable: true, description: 'Findings citing this law' }) law?: Law | null;
}

@InputType({ description: 'Lists of different kinds narrow each other; keys within a list widen. Nothing: the whole inventory.' })
export class ImpactAssessmentScope {
  @Field(() => [ID], { nullable: true, description: 'Flows carrying any of these fields (only these fields are assessed)' }) fieldKeys?: string[] | null;
  @Field(() => [ID], { nullable: true }) purposeKeys?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Flows to these parties' }) recipientKeys?: string[] | null;
  @Field(() => [ID], { nullable: true }) flowKeys?: string[] | null;
}
