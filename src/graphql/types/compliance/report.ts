/** The `complianceReport` answer: any compliance answer rendered as a file. */
import { Field, ObjectType } from 'type-graphql';
import { ComplianceReportFormatEnum, ComplianceReportKindEnum } from './enums';

@ObjectType('ComplianceReport', { description: 'A report rendered as a file: text formats as UTF-8, XLSX as base64.' })
export class ComplianceReportType {
  @Field(() => ComplianceReportKindEnum) kind!: string;
  @Field(() => ComplianceReportFormatEnum) format!: string;
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field({ description: '"utf-8" or "base64"' }) encoding!: string;
  @Field() content!: string;
}
