import { IsNumber, IsOptional, Max, MaxLength, Min, MinLength, IsInt } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'An observed value of an indicator.' })
export class RecordObservationInput {
  @Field(() => ID)
  @MinLength(1)
  @MaxLength(300)
  indicatorId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  value!: number;

  @Field({ description: 'Where the value comes from (statistical yearbook, bulletin, URL).' })
  @MinLength(1)
  @MaxLength(500)
  source!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field()
  @MinLength(1)
  @MaxLength(100)
  reporter!: string;
}
