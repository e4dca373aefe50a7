import { ArrayMaxSize, IsOptional, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PERIOD_PATTERN } from '../../monitoring/period';
import type { ProgressStatus } from '../../graph/read/values';
import { ProgressStatusEnum } from '../types/monitoring.types';

@InputType({ description: 'A progress report on a task for a place and a period.' })
export class ReportProgressInput {
  @Field(() => ID)
  @MinLength(1)
  @MaxLength(300)
  taskId!: string;

  @Field({ description: 'The place reported on: name, short name, code or id (e.g. 忠县, 500233).' })
  @MinLength(1)
  @MaxLength(100)
  place!: string;

  @Field({ description: '2025-Q3, 2025-H1 or 2025.' })
  @Matches(PERIOD_PATTERN, { message: 'period must look like 2025-Q3, 2025-H1 or 2025' })
  period!: string;

  @Field(() => ProgressStatusEnum)
  status!: ProgressStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Links to evidence (http or https), at most 10.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @MaxLength(500, { each: true })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'each evidence link must be an http(s) URL' })
  evidence?: string[] | null;

  @Field({ description: 'Who reports: the person or office.' })
  @MinLength(1)
  @MaxLength(100)
  reporter!: string;
}
