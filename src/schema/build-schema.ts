import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { BodyResolver } from './resolvers/body.resolver';
import { AuditEventResolver, MonitoringResolver, ObservationResolver, ProgressReportResolver } from './resolvers/monitoring.resolver';
import { BoxResolver } from './resolvers/box.resolver';
import { IndicatorResolver, PilotZoneResolver, ProjectResolver, TargetResolver } from './resolvers/box-content.resolver';
import { ChapterResolver, SectionResolver } from './resolvers/chapter.resolver';
import { DistrictResolver } from './resolvers/district.resolver';
import { MeasureResolver } from './resolvers/measure.resolver';
import { PlaceResolver } from './resolvers/place.resolver';
import { PlanResolver } from './resolvers/plan.resolver';
import { PartResolver, PlanStructureResolver } from './resolvers/plan-structure.resolver';
import { QueryResolver } from './resolvers/query.resolver';
import { RegionResolver } from './resolvers/region.resolver';
import { TaskResolver } from './resolvers/task.resolver';
import { ZoneResolver } from './resolvers/zone.resolver';
import { Body } from './types/body.type';
import { District } from './types/district.type';
import { Division } from './types/division.type';
import { OutsidePlace } from './types/outside-place.type';
import { Region } from './types/region.type';
import { Zone } from './types/zone.type';

export const RESOLVERS = [
  QueryResolver,
  PlanResolver,
  PlanStructureResolver,
  PartResolver,
  ChapterResolver,
  SectionResolver,
  MeasureResolver,
  TaskResolver,
  BoxResolver,
  IndicatorResolver,
  TargetResolver,
  ProjectResolver,
  PilotZoneResolver,
  PlaceResolver,
  DistrictResolver,
  RegionResolver,
  ZoneResolver,
  BodyResolver,
  MonitoringResolver,
  ProgressReportResolver,
  ObservationResolver,
  AuditEventResolver,
] as const;

/** The executable schema. Arguments are validated with class-validator before any resolver runs. */
export function buildPlanGraphSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    orphanedTypes: [District, Region, Zone, OutsidePlace, Division, Body],
    validate: { forbidUnknownValues: false },
    authChecker,
  });
}
