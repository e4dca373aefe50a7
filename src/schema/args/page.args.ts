import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { LinkBasis } from '../types/link.type';

/** Forward pagination: at most GRAPHQL_MAX_PAGE_SIZE (default 100) per page; `after` is an opaque cursor. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(1000)
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;
}

@ArgsType()
export class TaskPageArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only tasks of this plan.' })
  @IsOptional()
  @MaxLength(80)
  planId?: string | null;

  @Field(() => LinkBasis, { nullable: true, description: 'Only links of this basis.' })
  @IsOptional()
  basis?: LinkBasis | null;
}
