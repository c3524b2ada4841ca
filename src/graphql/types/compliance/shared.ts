/** Object types several compliance answers share: statute articles, quoted clauses, counts. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SeverityEnum, StatuteLawEnum } from './enums';

@ObjectType('StatuteArticle', { description: 'A provision an answer rests on.' })
export class StatuteArticleType {
  @Field(() => StatuteLawEnum) law!: string;
  @Field({ description: 'As cited: "PIPL Art. 29", "GDPR Art. 30(1)"' }) citation!: string;
  @Field({ description: 'What it requires, in a line' }) title!: string;
}

@ObjectType('CitedClause', { description: 'A policy clause an answer cites, quoted (self-contained: it also serves diffs of past snapshots).' })
export class CitedClauseType {
  @Field() citation!: string;
  @Field(() => ID) documentKey!: string;
  @Field() documentTitle!: string;
  @Field() ref!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field() text!: string;
}

@ObjectType('SeverityCount')
export class SeverityCountType {
  @Field(() => SeverityEnum) severity!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('NamedKey')
export class NamedKeyType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
}
