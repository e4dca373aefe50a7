import { z } from 'zod';
import { integer, rowShape, type Decoded } from '../decode';
import { int, type GraphClient } from '../graph-client';
import { AuditEventRow, keyed, ObservationRow, ProgressReportRow, TaskRow } from './rows';
import { listBatch, type BatchRead } from './batch';
import { byDirection, cutWindow, readingOrder, withinBounds, type KeyColumn, type KeysetWindow, type WindowRows } from './keyset';

/**
 * A task's reports, by the index on (taskId, placeId): a range index serves a lookup by its first
 * property when the others are said to exist, and every report has a place. Without that clause
 * Neo4j scanned every report stored, for every task.
 */
const REPORTS_OF_TASK = `MATCH (r:ProgressReport {taskId: id}) WHERE r.placeId IS NOT NULL`;

/** Reports of each task, newest first (superseded ones included: the history is the point). */
export const REPORTS_OF_TASKS = `
UNWIND $ids AS id
${REPORTS_OF_TASK} AND ($placeId IS NULL OR r.placeId = $placeId)
WITH id, r ORDER BY r.createdAt DESC, r.id DESC
RETURN id AS key, r {.*} AS value`;

/**
 * Cypher for the last quarter a period covers, numbered as src/monitoring/period.ts numbers them
 * (year * 4 + quarter - 1: `quarters(period).last`), and 0 for a text that is not a period.
 * `=~` matches the whole text, as PERIOD_PATTERN does with its anchors.
 */
export function periodEnd(period: string): string {
  return `CASE WHEN ${period} =~ '[0-9]{4}(-(Q[1-4]|H[12]))?' THEN toInteger(substring(${period}, 0, 4)) * 4 + CASE
    WHEN size(${period}) = 4 THEN 3
    WHEN substring(${period}, 5, 1) = 'Q' THEN toInteger(substring(${period}, 6, 1)) - 1
    WHEN ${period} ENDS WITH 'H1' THEN 1 ELSE 3 END ELSE 0 END`;
}

/**
 * The current report of each task per place, chosen in the database so that a task with years of
 * quarterly reports from every district sends one report per place, not its history:
 * - a report another supersedes (a correction) is never current;
 * - of the others, the one whose period ends last; among equal ends the newest record
 *   (createdAt, then id: the later of two records of one instant);
 * - places in the order of their newest record, newest first.
 */
export const LATEST_REPORTS_OF_TASKS = `
UNWIND $ids AS id
${REPORTS_OF_TASK} AND NOT EXISTS { (:ProgressReport)-[:SUPERSEDES]->(r) }
WITH id, r ORDER BY r.createdAt DESC, r.id DESC
WITH id, r.placeId AS placeId, collect(r) AS newestFirst
WITH id, head(newestFirst) AS newest,
  reduce(latest = head(newestFirst), x IN tail(newestFirst) | CASE WHEN ${periodEnd('x.period')} > ${periodEnd('latest.period')} THEN x ELSE latest END) AS latest
ORDER BY newest.createdAt DESC, newest.id DESC
RETURN id AS key, latest {.*} AS value`;

/** Observations of each indicator, by year then newest first. */
export const OBSERVATIONS_OF_INDICATORS = `
UNWIND $ids AS id
MATCH (o:Observation {indicatorId: id})
WITH id, o ORDER BY o.year DESC, o.createdAt DESC, o.id DESC
RETURN id AS key, o {.*} AS value`;

const KeyedReportRow = keyed('ProgressReport', ProgressReportRow);
const KeyedObservationRow = keyed('Observation', ObservationRow);

export function reportsOf(placeId: string | null): BatchRead<Decoded<typeof KeyedReportRow>, ProgressReportRow[]> {
  return listBatch('reports', REPORTS_OF_TASKS, KeyedReportRow, { placeId });
}

export const LATEST_REPORTS_BATCH: BatchRead<Decoded<typeof KeyedReportRow>, ProgressReportRow[]> = listBatch('latestReports', LATEST_REPORTS_OF_TASKS, KeyedReportRow);

export const OBSERVATIONS_BATCH: BatchRead<Decoded<typeof KeyedObservationRow>, ObservationRow[]> = listBatch('observations', OBSERVATIONS_OF_INDICATORS, KeyedObservationRow);

const ScorecardRow = rowShape(
  'Scorecard',
  z.object({
    task: TaskRow,
    reports: z.array(ProgressReportRow.pick({ id: true, period: true, status: true, createdAt: true, supersedes: true })),
  }),
);
export type ScorecardRow = Decoded<typeof ScorecardRow>;

/**
 * The tasks of a place — those that name it, and those it has reported on (a city-wide task the
 * district delivers its part of) — each with every report on it for that place. The place's
 * reports are found by the index on placeId (the planner otherwise chose to scan every ABOUT
 * relationship, that is every report stored).
 */
export const SCORECARD_ROWS = `
MATCH (p:Entity {id: $placeId})
CALL (p) {
  MATCH (p)<-[:MENTIONS]-(t:Task) RETURN t
  UNION
  MATCH (r:ProgressReport)-[:ABOUT]->(t:Task) USING INDEX r:ProgressReport(placeId) WHERE r.placeId = $placeId RETURN t
}
WITH t WHERE ($planId IS NULL OR t.planId = $planId)
OPTIONAL MATCH (r:ProgressReport {taskId: t.id, placeId: $placeId})
WITH t, collect(r {.id, .period, .status, .createdAt, .supersedes}) AS reports
RETURN t {.*} AS task, reports
ORDER BY t.planId, t.sourceStart`;

export async function scorecardRows(client: GraphClient, placeId: string, planId: string | null): Promise<ScorecardRow[]> {
  return client.readRows(SCORECARD_ROWS, { placeId, planId }, ScorecardRow);
}

export interface AuditFilter {
  aboutId: string | null;
  placeId: string | null;
  bodyId: string | null;
  reporter: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
  /** Events about API keys (issue, revoke) are for administrators only. */
  includeKeyEvents: boolean;
}

const AUDIT_WHERE = `($includeKeyEvents OR NOT e.aboutId STARTS WITH 'key/')
  AND ($aboutId IS NULL OR e.aboutId = $aboutId)
  AND ($placeId IS NULL OR e.placeId = $placeId)
  AND ($reporter IS NULL OR e.reporter = $reporter)
  AND ($action IS NULL OR e.action STARTS WITH $action)
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at < $to)
  AND ($bodyId IS NULL OR EXISTS {
    MATCH (t:Task {id: e.aboutId})
    WHERE EXISTS { (t)-[:RESPONSIBLE]->(:Body {id: $bodyId}) } OR EXISTS { (t)-[:PART_OF]->(:Measure)-[:RESPONSIBLE]->(:Body {id: $bodyId}) }
  })`;

/** An event's place in the trail. */
export interface AuditKey {
  at: string;
  id: string;
}
const AUDIT_KEY: readonly KeyColumn[] = [
  { expr: 'e.at', field: 'at' },
  { expr: 'e.id', field: 'id' },
];

/** The trail in time order; keyset (at, id). */
export const AUDIT_TRAIL = byDirection((direction) => `
CALL () {
  MATCH (e:AuditEvent)
  WHERE ${AUDIT_WHERE}
    AND ${withinBounds(AUDIT_KEY)}
  WITH e ORDER BY ${readingOrder(AUDIT_KEY, direction)}
  LIMIT $limit
  RETURN collect(e {.*}) AS page
}
CALL () {
  MATCH (e:AuditEvent)
  WHERE ${AUDIT_WHERE}
  RETURN count(e) AS total
}
RETURN page, total`);

const AuditTrailRow = rowShape('AuditTrail', z.object({ page: z.array(AuditEventRow), total: integer }));

export async function auditTrail(client: GraphClient, filter: AuditFilter, window: KeysetWindow<AuditKey>): Promise<WindowRows<AuditEventRow> & { total: number }> {
  const [row] = await client.readRows(AUDIT_TRAIL[window.direction], {
    ...filter,
    limit: int(window.limit + 1),
    after: window.after,
    before: window.before,
  }, AuditTrailRow);
  return { ...cutWindow(row.page, window), total: row.total };
}
