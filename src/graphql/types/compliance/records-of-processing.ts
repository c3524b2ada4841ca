/** The `recordsOfProcessing` answer: GDPR Art. 30(1) rows with the PIPL Art. 17 items. */
import { Field, ID, ObjectType } from 'type-graphql';
import { ConsentRequirementEnum, FunctionTypeEnum, PartyKindEnum } from '../../enums';
import { StatuteArticleType } from './shared';

@ObjectType('ProcessingRecord', { description: 'One purpose × recipient row: GDPR Art. 30(1)(a)–(g) and the PIPL Art. 17 items.' })
export class ProcessingRecordType {
  @Field(() => ID) id!: string;
  @Field({ description: '(a)' }) controller!: string;
  @Field(() => String, { nullable: true, description: '(a)' }) controllerContact!: string | null;
  @Field(() => ID, { description: '(b)' }) purposeKey!: string;
  @Field({ description: '(b)' }) purpose!: string;
  @Field() purposeEn!: string;
  @Field(() => FunctionTypeEnum) functionType!: string;
  @Field(() => [String]) legalBases!: string[];
  @Field(() => [ConsentRequirementEnum]) consent!: string[];
  @Field(() => [String], { description: 'PIPL Art. 17(1)(2) 处理方式' }) processingMethods!: string[];
  @Field(() => [String], { description: '(c)' }) dataSubjects!: string[];
  @Field(() => [String], { description: '(c)' }) dataCategories!: string[];
  @Field(() => [ID], { description: '(c)' }) fieldKeys!: string[];
  @Field(() => [String], { description: '(c)' }) fields!: string[];
  @Field(() => [String], { description: '(c)' }) sensitiveFields!: string[];
  @Field(() => ID, { nullable: true, description: '(d) null: the handler itself' }) recipientKey!: string | null;
  @Field(() => String, { nullable: true, description: '(d)' }) recipient!: string | null;
  @Field(() => PartyKindEnum, { nullable: true, description: '(d)' }) recipientKind!: string | null;
  @Field(() => String, { nullable: true, description: '(d)' }) recipientContact!: string | null;
  @Field(() => String, { nullable: true, description: '(e) null: none' }) thirdCountryTransfer!: string | null;
  @Field(() => [String], { description: '(f)' }) retention!: string[];
  @Field({ description: '(g)' }) securityMeasures!: string;
  @Field({ description: 'PIPL Art. 17(1)(3)' }) rightsExercise!: string;
  @Field(() => [ID]) flowKeys!: string[];
  @Field(() => [String], { description: 'Citations (doc#ref)' }) clauses!: string[];
}

@ObjectType('RecordsOfProcessing')
export class RecordsOfProcessingType {
  @Field() generatedAt!: string;
  @Field() controller!: string;
  @Field(() => String, { nullable: true }) controllerContact!: string | null;
  @Field(() => [ProcessingRecordType]) records!: ProcessingRecordType[];
  @Field(() => [StatuteArticleType]) articles!: StatuteArticleType[];
}
