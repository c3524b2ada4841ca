/** The regulator lists: 已收集个人信息清单 and 与第三方共享个人信息清单 / 第三方SDK目录. */
import { Field, ID, ObjectType } from 'type-graphql';
import { PartyKindEnum } from '../../enums';
import { RefusabilityEnum, SensitiveClassEnum, SharingMethodEnum } from './enums';

@ObjectType('CollectedPersonalInformation', { description: 'A row of 已收集个人信息清单.' })
export class CollectedInformationEntryType {
  @Field(() => ID) fieldKey!: string;
  @Field({ description: '个人信息' }) field!: string;
  @Field() fieldEn!: string;
  @Field() category!: string;
  @Field() sensitive!: boolean;
  @Field(() => SensitiveClassEnum, { nullable: true }) sensitiveClass!: string | null;
  @Field(() => [String], { description: '使用目的' }) purposes!: string[];
  @Field(() => [String], { description: '使用场景' }) scenarios!: string[];
  @Field(() => [String], { description: '权限' }) permissions!: string[];
  @Field(() => [String], { description: '收集方式' }) collectionMethods!: string[];
  @Field(() => RefusabilityEnum) refusable!: string;
  @Field(() => [ID]) flowKeys!: string[];
  @Field(() => [String]) clauseRefs!: string[];
}

@ObjectType('ThirdPartySharing', { description: 'A row of 与第三方共享个人信息清单 / 第三方SDK目录.' })
export class ThirdPartySharingEntryType {
  @Field(() => ID) flowKey!: string;
  @Field(() => ID) recipientKey!: string;
  @Field({ description: '第三方名称' }) recipient!: string;
  @Field() recipientEn!: string;
  @Field(() => PartyKindEnum) recipientKind!: string;
  @Field(() => [String], { description: 'SDK 包名' }) sdkPackages!: string[];
  @Field(() => SharingMethodEnum) method!: string;
  @Field() sharingKind!: string;
  @Field(() => [String], { description: '共享的个人信息' }) fields!: string[];
  @Field(() => [String]) sensitiveFields!: string[];
  @Field(() => [String], { description: '使用目的' }) purposes!: string[];
  @Field(() => [String], { description: '法律依据' }) legalBases!: string[];
  @Field({ description: '同意方式' }) consent!: string;
  @Field() refusable!: boolean;
  @Field(() => String, { nullable: true, description: '联系方式' }) contact!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => [String]) clauseRefs!: string[];
}
