import { IsISO8601, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from './page.args';

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Events about this task (or indicator).' })
  @IsOptional()
  @MaxLength(300)
  taskId?: string | null;

  @Field(() => String, { nullable: true, description: 'Events of reports for this place (name, code or id).' })
  @IsOptional()
  @MaxLength(100)
  place?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events about tasks this body is responsible for.' })
  @IsOptional()
  @MaxLength(200)
  bodyId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  reporter?: string | null;

  @Field(() => String, { nullable: true, description: 'Prefix of the action: report, observation, key, report.correct …' })
  @IsOptional()
  @MaxLength(50)
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 time, inclusive.' })
  @IsOptional()
  @IsISO8601()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 time, exclusive.' })
  @IsOptional()
  @IsISO8601()
  to?: string | null;
}
