import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import type { LinkBasis } from '../../graph/read/values';
import { LinkBasisEnum } from '../types/link.type';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * Relay pagination, either way: `first` edges after the cursor `after`, or `last` edges before the
 * cursor `before`; `after` and `before` may also be given together to bound the list on both sides.
 * At most GRAPHQL_MAX_PAGE_SIZE (default 100) per page; 0 asks for the count alone (totalCount and
 * pageInfo) and no edges. Neither `first` nor `last` means the first DEFAULT_PAGE_SIZE edges;
 * `first` and `last` together are refused.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size counted from the start (or from \`after\`); 0 for totalCount alone. Neither first nor last: the first ${DEFAULT_PAGE_SIZE}.` })
  @IsOptional()
  @Min(0)
  @Max(1000)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Only edges after this cursor.' })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size counted from the end (or from `before`); 0 for totalCount alone. Not with first.' })
  @IsOptional()
  @Min(0)
  @Max(1000)
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Only edges before this cursor.' })
  @IsOptional()
  @MaxLength(200)
  before?: string | null;
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

/** A list that spans every plan unless the client names one. */
@ArgsType()
export class PlanScopeArgs {
  @Field(() => String, { nullable: true, description: 'Only those of this plan; every plan when absent.' })
  @IsOptional()
  @MaxLength(80)
  planId?: string | null;
}
