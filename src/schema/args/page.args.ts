import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import type { LinkBasis } from '../../graph/read/values';
import { LinkBasisEnum } from '../types/link.type';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * Forward pagination: at most GRAPHQL_MAX_PAGE_SIZE (default 100) per page; `after` is an opaque
 * cursor. `first: 0` asks for the count alone (totalCount, pageInfo.hasNextPage) and no edges.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size; 0 for totalCount alone; null means the default.' })
  @IsOptional()
  @Min(0)
  @Max(1000)
  first?: number | null = DEFAULT_PAGE_SIZE;

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

  @Field(() => LinkBasisEnum, { nullable: true, description: 'Only links of this basis.' })
  @IsOptional()
  basis?: LinkBasis | null;
}
