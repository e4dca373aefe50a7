import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Int, registerEnumType } from 'type-graphql';
import { PageArgs } from './page.args';

export enum SearchKind {
  Measure = 'Measure',
  Task = 'Task',
  Indicator = 'Indicator',
  Target = 'Target',
  Project = 'Project',
}
registerEnumType(SearchKind, { name: 'SearchKind', description: 'The kinds of node that search covers.' });

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({
    description:
      'Words to find, Chinese or not. Every word must occur (AND); "a quoted query" is one phrase. Lucene syntax is not interpreted: any character is searched as written. One character finds substrings.',
  })
  @MinLength(1)
  @MaxLength(200)
  query!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  planId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only nodes of this chapter (by number).' })
  @IsOptional()
  @Min(1)
  @Max(99)
  chapter?: number | null;

  @Field(() => String, { nullable: true, description: 'Only nodes that name this place (name, short name or code).' })
  @IsOptional()
  @MaxLength(50)
  place?: string | null;

  @Field(() => [SearchKind], { nullable: true, description: 'Only these kinds of node.' })
  @IsOptional()
  @ArrayMaxSize(5)
  kinds?: SearchKind[] | null;
}
