import { randomUUID } from 'node:crypto';
import { notFound } from '../../errors/app-error';
import { z } from 'zod';
import { decodeRow, rowShape } from '../decode';
import type { GraphClient, WriteTx } from '../graph-client';
import { withIntegers } from '../integer-properties';
import { ObservationRow, ProgressReportRow } from '../read/rows';
import type { ProgressStatus } from '../read/values';
import type { Actor } from './api-keys';
import { appendAuditEvent } from './audit';
import { idempotencyRequest } from './idempotency-request';
import { idempotent } from './idempotency';
import { lockRecordChain, observationChainId, reportChainId } from './record-chain';

/**
 * Monitoring records: progress reports on a task for a place and a period, observations of an
 * indicator. Each write creates a new record and its audit event in one transaction. A report
 * for a task, place and period that already has one supersedes it (SUPERSEDES); nothing is edited.
 * Writers of one chain are serialised (record-chain.ts), so under any concurrency the records of
 * a chain form one line and exactly one is current; a write with an idempotency key happens once.
 * Records hang on stable ids and carry them as properties too, so they survive any re-ingest.
 */

export type { ProgressStatus };

const ReportShape = rowShape('ProgressReport', ProgressReportRow);
const ObservationShape = rowShape('Observation', ObservationRow);
const FoundTaskAndPlace = rowShape('FoundTaskAndPlace', z.object({ task: z.boolean(), place: z.boolean(), previous: ProgressReportRow.nullable() }));
const FoundIndicator = rowShape('FoundIndicator', z.object({ indicator: z.boolean(), previous: ObservationRow.nullable() }));

export interface ReportInput {
  taskId: string;
  placeId: string;
  period: string;
  status: ProgressStatus;
  note: string | null;
  evidence: string[];
  reporter: string;
}

export interface ObservationInput {
  indicatorId: string;
  year: number;
  value: number;
  source: string;
  note: string | null;
  reporter: string;
}

export const FIND_TASK_AND_PLACE = `
OPTIONAL MATCH (t:Task {id: $taskId})
OPTIONAL MATCH (p:Place {id: $placeId})
OPTIONAL MATCH (prev:ProgressReport {taskId: $taskId, placeId: $placeId, period: $period})
WHERE NOT EXISTS { (:ProgressReport)-[:SUPERSEDES]->(prev) }
RETURN t IS NOT NULL AS task, p IS NOT NULL AS place, prev {.*} AS previous`;

export const CREATE_REPORT = `
MATCH (t:Task {id: $taskId})
MATCH (p:Place {id: $placeId})
CREATE (r:Record:ProgressReport {
  id: $id, taskId: $taskId, placeId: $placeId, period: $period, status: $status, note: $note,
  evidence: $evidence, reporter: $reporter, keyId: $keyId, createdAt: $at, supersedes: $supersedes
})-[:ABOUT]->(t)
CREATE (r)-[:FOR_PLACE]->(p)
WITH r
OPTIONAL MATCH (prev:ProgressReport {id: $supersedes})
FOREACH (_ IN CASE WHEN prev IS NULL THEN [] ELSE [1] END | CREATE (r)-[:SUPERSEDES]->(prev))
RETURN r {.*} AS report`;

export async function reportProgress(client: GraphClient, input: ReportInput, actor: Actor, idempotencyKey: string | null = null): Promise<ProgressReportRow> {
  return client.write(async (tx) => {
    const at = new Date().toISOString();
    await lockRecordChain(tx, reportChainId(input.taskId, input.placeId, input.period), at);
    return idempotent(tx, idempotencyRequest(actor, idempotencyKey, 'reportProgress', input), at, () => writeReport(tx, input, actor, at), (stored) => decodeRow(ReportShape, stored));
  });
}

async function writeReport(tx: WriteTx, input: ReportInput, actor: Actor, at: string): Promise<ProgressReportRow> {
  const found = decodeRow(FoundTaskAndPlace, (await tx.run(FIND_TASK_AND_PLACE, input)).records[0].toObject());
  if (!found.task) throw notFound('task', input.taskId, 'taskId');
  if (!found.place) throw notFound('place', input.placeId, 'place');
  const id = `report/${randomUUID()}`;
  const result = await tx.run(CREATE_REPORT, { ...input, id, at, keyId: actor.keyId, supersedes: found.previous?.id ?? null });
  const report = decodeRow(ReportShape, result.records[0].get('report'));
  const summary = (r: ProgressReportRow | null) => r && { id: r.id, period: r.period, status: r.status, note: r.note, evidence: r.evidence, reporter: r.reporter };
  await appendAuditEvent(
    tx,
    { actor: actor.name, keyId: actor.keyId, action: found.previous ? 'report.correct' : 'report.create', aboutId: input.taskId, recordId: id, placeId: input.placeId, reporter: input.reporter, before: summary(found.previous), after: summary(report) },
    at,
  );
  return report;
}

export const FIND_INDICATOR = `
OPTIONAL MATCH (i:Entity:Indicator {id: $indicatorId})
OPTIONAL MATCH (prev:Observation {indicatorId: $indicatorId, year: $year})
WHERE NOT EXISTS { (:Observation)-[:SUPERSEDES]->(prev) }
RETURN i IS NOT NULL AS indicator, prev {.*} AS previous`;

export const CREATE_OBSERVATION = `
MATCH (i:Entity:Indicator {id: $indicatorId})
CREATE (o:Record:Observation {
  id: $id, indicatorId: $indicatorId, year: $year, value: $value, source: $source, note: $note,
  reporter: $reporter, keyId: $keyId, createdAt: $at, supersedes: $supersedes
})-[:ABOUT]->(i)
WITH o
OPTIONAL MATCH (prev:Observation {id: $supersedes})
FOREACH (_ IN CASE WHEN prev IS NULL THEN [] ELSE [1] END | CREATE (o)-[:SUPERSEDES]->(prev))
RETURN o {.*} AS observation`;

export async function recordObservation(client: GraphClient, input: ObservationInput, actor: Actor, idempotencyKey: string | null = null): Promise<ObservationRow> {
  return client.write(async (tx) => {
    const at = new Date().toISOString();
    await lockRecordChain(tx, observationChainId(input.indicatorId, input.year), at);
    return idempotent(tx, idempotencyRequest(actor, idempotencyKey, 'recordObservation', input), at, () => writeObservation(tx, input, actor, at), (stored) => decodeRow(ObservationShape, stored));
  });
}

async function writeObservation(tx: WriteTx, input: ObservationInput, actor: Actor, at: string): Promise<ObservationRow> {
  const found = decodeRow(FoundIndicator, (await tx.run(FIND_INDICATOR, withIntegers({ ...input }))).records[0].toObject());
  if (!found.indicator) throw notFound('indicator', input.indicatorId, 'indicatorId');
  const id = `observation/${randomUUID()}`;
  const result = await tx.run(CREATE_OBSERVATION, withIntegers({ ...input, id, at, keyId: actor.keyId, supersedes: found.previous?.id ?? null }));
  const observation = decodeRow(ObservationShape, result.records[0].get('observation'));
  const summary = (o: ObservationRow | null) => o && { id: o.id, year: o.year, value: o.value, source: o.source, note: o.note, reporter: o.reporter };
  await appendAuditEvent(
    tx,
    { actor: actor.name, keyId: actor.keyId, action: found.previous ? 'observation.correct' : 'observation.create', aboutId: input.indicatorId, recordId: id, reporter: input.reporter, before: summary(found.previous), after: summary(observation) },
    at,
  );
  return observation;
}
