import { DateTimeResolver, URLResolver } from 'graphql-scalars';
import { Extensions, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PRIVATE_SCOPE, RECORDS_SCOPE } from '../cache-scope.hint';
import type { AuditEventRow, IndicatorRow, NodeRow, ObservationRow, PlaceRow, TaskRow } from '../../graph/read/rows';
import { enumObject, PROGRESS_STATUSES, type ApiKeyRole, type ProgressStatus, type ScorecardStatus } from '../../graph/read/values';
import { ApiKeyRoleEnum, ScorecardStatusEnum } from '../enums/closed-sets.enum';
import { Indicator } from './indicator.type';
import { Node } from './node.interface';
import { PageInfo } from './page-info.type';
import { Place } from './place.interface';
import { Task } from './task.type';

export const ProgressStatusEnum = enumObject(PROGRESS_STATUSES);
registerEnumType(ProgressStatusEnum, { name: 'ProgressStatus' });

@ObjectType({ implements: Node, description: 'A progress report on a task for a place and a period. Never edited: a correction is a new report that supersedes it.' })
@Extensions(RECORDS_SCOPE)
export class ProgressReport {
  @Field(() => ID)
  id!: string;

  @Field(() => Task, { nullable: true })
  task!: TaskRow | null;

  @Field(() => ID)
  taskId!: string;

  @Field(() => Place, { nullable: true })
  place!: PlaceRow | null;

  @Field(() => ID)
  placeId!: string;

  @Field({ description: '2025-Q3 (quarterly monitoring), 2025-H1 (half-yearly supervision) or 2025 (annual evaluation).' })
  period!: string;

  @Field(() => ProgressStatusEnum)
  status!: ProgressStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [URLResolver], { description: 'Links to the evidence (http or https).' })
  evidence!: string[];

  @Field({ description: 'Who reported (the person or office), as given.' })
  reporter!: string;

  @Field(() => String, { nullable: true, description: 'The API key that wrote it (its public id).' })
  keyId!: string | null;

  @Field(() => DateTimeResolver)
  createdAt!: string;

  @Field(() => ID, { nullable: true, description: 'The report this one corrects.' })
  supersedes!: string | null;
}

@ObjectType({ implements: Node, description: 'An observed value of an indicator for a year, with its source.' })
@Extensions(RECORDS_SCOPE)
export class Observation {
  @Field(() => ID)
  id!: string;

  @Field(() => Indicator, { nullable: true })
  indicator!: IndicatorRow | null;

  @Field(() => Int)
  year!: number;

  @Field(() => Float)
  value!: number;

  /** Read as `dataSource` (SourceSpan is every other Node's source); `source` is its deprecated twin (ObservationResolver). */
  @Field({ name: 'dataSource', description: 'Where the value comes from (statistical yearbook, bulletin, URL), as given.' })
  source!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  reporter!: string;

  @Field(() => DateTimeResolver)
  createdAt!: string;

  @Field(() => ID, { nullable: true })
  supersedes!: string | null;
}

@ObjectType({ description: 'How far an indicator has come towards its target.' })
@Extensions(RECORDS_SCOPE)
export class IndicatorProgress {
  @Field(() => Observation, { nullable: true, description: 'The newest observation of the latest year.' })
  latest!: ObservationRow | null;

  @Field(() => Float, { nullable: true, description: 'Share of the way from baseline to target travelled (0 = baseline, 1 = target).' })
  travelled!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the time from the baseline year to the target year elapsed at the latest observation.' })
  expected!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'travelled >= expected, or the target already met; null without observations.' })
  onTrack!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the latest value satisfies the target with its comparator.' })
  met!: boolean | null;
}

@ObjectType({ implements: Node, description: 'An entry of the audit trail: who did what, when, with the values before and after (JSON).' })
@Extensions(RECORDS_SCOPE)
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeResolver)
  at!: string;

  @Field({ description: 'The name of the API key that wrote it.' })
  actor!: string;

  @Field(() => String, { nullable: true })
  keyId!: string | null;

  @Field({ description: 'report.create, report.correct, observation.create, observation.correct, key.issue, key.revoke' })
  action!: string;

  @Field(() => ID, { description: 'The task, indicator or key the event is about.' })
  aboutId!: string;

  @Field(() => Node, { nullable: true })
  about!: NodeRow | null;

  @Field(() => ID, { nullable: true })
  recordId!: string | null;

  /** Read as `recordPlaceId` (ProgressReport.placeId is never null); `placeId` is its deprecated twin (AuditEventResolver). */
  @Field(() => ID, { name: 'recordPlaceId', nullable: true, description: 'For events about reports: the place reported on.' })
  placeId!: string | null;

  /** Read as `recordReporter` (a report's and an observation's reporter are never null); `reporter` is its deprecated twin. */
  @Field(() => String, { name: 'recordReporter', nullable: true, description: 'For events about reports and observations: their reporter, as given.' })
  reporter!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the values before (null for a first record).' })
  before!: string | null;

  @Field({ description: 'JSON of the values after.' })
  after!: string;
}

@ObjectType()
export class AuditEventEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEventRow;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
@Extensions(RECORDS_SCOPE)
export class StatusCount {
  @Field(() => ScorecardStatusEnum)
  status!: ScorecardStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
@Extensions(RECORDS_SCOPE)
export class ScorecardItem {
  @Field(() => Task)
  task!: TaskRow;

  @Field(() => ScorecardStatusEnum)
  status!: ScorecardStatus;

  @Field(() => String, { nullable: true })
  period!: string | null;
}

@ObjectType({ description: 'A district’s tasks by latest status as of a period, and the stale ones.' })
@Extensions(RECORDS_SCOPE)
export class Scorecard {
  @Field()
  asOf!: string;

  @Field(() => Int)
  taskCount!: number;

  @Field(() => [StatusCount])
  byStatus!: StatusCount[];

  @Field(() => [ScorecardItem])
  items!: ScorecardItem[];

  @Field(() => [Task], { description: 'Tasks without a report covering either of the last two quarters up to asOf.' })
  stale!: TaskRow[];

  @Field(() => [String])
  staleWindow!: string[];
}

@ObjectType({ description: 'An API key as listed to admins: never its secret or hash.' })
@Extensions(PRIVATE_SCOPE)
export class ApiKeyInfo {
  @Field()
  keyId!: string;

  @Field()
  name!: string;

  @Field(() => ApiKeyRoleEnum)
  role!: ApiKeyRole;

  @Field(() => DateTimeResolver)
  createdAt!: string;

  @Field()
  createdBy!: string;

  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt!: string | null;
}

@ObjectType()
@Extensions(PRIVATE_SCOPE)
export class IssuedApiKey {
  @Field(() => ApiKeyInfo)
  key!: ApiKeyInfo;

  @Field({ description: 'The key itself. Shown once: only its hash is stored.' })
  token!: string;
}
