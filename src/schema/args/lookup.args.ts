import { IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PageArgs } from './page.args';

@ArgsType()
export class DistrictArgs {
  @Field(() => String, { nullable: true, description: 'Full name (忠县, 石柱土家族自治县) or short name (石柱).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code, six digits.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be six digits (GB/T 2260), e.g. 500233' })
  code?: string | null;
}

@ArgsType()
export class PlaceArgs {
  @Field({ description: 'Any name of a place: district, county, functional zone, region (or its alias), outside place.' })
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}

@ArgsType()
export class DistrictsArgs {
  @Field(() => String, { nullable: true, description: 'Region by name, e.g. 渝东北三峡库区城镇群 or 中心城区.' })
  @IsOptional()
  @MaxLength(50)
  region?: string | null;
}

@ArgsType()
export class NodeArgs {
  @Field(() => ID)
  @MinLength(1)
  @MaxLength(300)
  id!: string;
}

@ArgsType()
export class PlanArgs {
  @Field(() => ID, { nullable: true, description: 'Without id: the seeded plan (the first plan).' })
  @IsOptional()
  @MaxLength(80)
  id?: string | null;
}

@ArgsType()
export class SharingListArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  planId?: string | null;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(100)
  first: number = 50;
}

@ArgsType()
export class SharingPageArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only tasks of this plan.' })
  @IsOptional()
  @MaxLength(80)
  planId?: string | null;
}

@ArgsType()
export class SharingPageWithArgs extends SharingPageArgs {
  @Field({ description: 'A district or place by name or code.' })
  @MinLength(1)
  @MaxLength(50)
  with!: string;
}

@ArgsType()
export class SharingArgs extends SharingListArgs {
  @Field({ description: 'A district or place by name or code.' })
  @MinLength(1)
  @MaxLength(50)
  with!: string;
}
