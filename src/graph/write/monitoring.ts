import { randomUUID } from 'node:crypto';
import { notFound } from '../../errors/app-error';
import type { GraphClient, WriteTx } from '../graph-client';
import { toPlain } from '../to-plain';
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

export type ProgressStatus = 'not_started' | 'in_progress' | 'done' | 'at_risk' | 'blocked';

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

export async function reportProgress(client: GraphClient, input: ReportInput, actor: Actor, idempotencyKey: string | null = null): Promise<Record<string, unknown>> {
  return client.write(async (tx) => {
    const at = new Date().toISOString();
    await lockRecordChain(tx, reportChainId(input.taskId, input.placeId, input.period), at);
    return idempotent(tx, idempotencyRequest(actor, idempotencyKey, 'reportProgress', input), at, () => writeReport(tx, input, actor, at), storedRecord);
  });
}

async function writeReport(tx: WriteTx, input: ReportInput, actor: Actor, at: string): Promise<Record<string, unknown>> {
  const found = toPlain((await tx.run(FIND_TASK_AND_PLACE, input)).records[0].toObject()) as { task: boolean; place: boolean; previous: Record<string, unknown> | null };
  if (!found.task) throw Object.assign(notFound('task', input.taskId), { details: { field: 'taskId', id: input.taskId } });
  if (!found.place) throw Object.assign(notFound('place', input.placeId), { details: { field: 'place', id: input.placeId } });
  const id = `report/${randomUUID()}`;
  const result = await tx.run(CREATE_REPORT, { ...input, id, at, keyId: actor.keyId, supersedes: found.previous?.id ?? null });
  const report = toPlain(result.records[0].get('report')) as Record<string, unknown>;
  const summary = (r: Record<string, unknown> | null) => r && { id: r.id, period: r.period, status: r.status, note: r.note, evidence: r.evidence, reporter: r.reporter };
  await appendAuditEvent(
    tx,
    { actor: actor.name, keyId: actor.keyId, action: found.previous ? 'report.correct' : 'report.create', aboutId: input.taskId, recordId: id, placeId: input.placeId, reporter: input.reporter, before: summary(found.previous), after: summary(report) },
    at,
  );
  return report;
}

export const FIND_INDICATOR = `
OPTIONAL MATCH (i:Indicator {id: $indicatorId})
OPTIONAL MATCH (prev:Observation {indicatorId: $indicatorId, year: $year})
WHERE NOT EXISTS { (:Observation)-[:SUPERSEDES]->(prev) }
RETURN i IS NOT NULL AS indicator, prev {.*} AS previous`;

export const CREATE_OBSERVATION = `
MATCH (i:Indicator {id: $indicatorId})
CREATE (o:Record:Observation {
  id: $id, indicatorId: $indicatorId, year: $year, value: $value, source: $source, note: $note,
  reporter: $reporter, keyId: $keyId, createdAt: $at, supersedes: $supersedes
})-[:ABOUT]->(i)
WITH o
OPTIONAL MATCH (prev:Observation {id: $supersedes})
FOREACH (_ IN CASE WHEN prev IS NULL THEN [] ELSE [1] END | CREATE (o)-[:SUPERSEDES]->(prev))
RETURN o {.*} AS observation`;

export async function recordObservation(client: GraphClient, input: ObservationInput, actor: Actor, idempotencyKey: string | null = null): Promise<Record<string, unknown>> {
  return client.write(async (tx) => {
    const at = new Date().toISOString();
    await lockRecordChain(tx, observationChainId(input.indicatorId, input.year), at);
    return idempotent(tx, idempotencyRequest(actor, idempotencyKey, 'recordObservation', input), at, () => writeObservation(tx, input, actor, at), storedRecord);
  });
}

async function writeObservation(tx: WriteTx, input: ObservationInput, actor: Actor, at: string): Promise<Record<string, unknown>> {
  const found = toPlain((await tx.run(FIND_INDICATOR, input)).records[0].toObject()) as { indicator: boolean; previous: Record<string, unknown> | null };
  if (!found.indicator) throw Object.assign(notFound('indicator', input.indicatorId), { details: { field: 'indicatorId', id: input.indicatorId } });
  const id = `observation/${randomUUID()}`;
  const result = await tx.run(CREATE_OBSERVATION, { ...input, id, at, keyId: actor.keyId, supersedes: found.previous?.id ?? null });
  const observation = toPlain(result.records[0].get('observation')) as Record<string, unknown>;
  const summary = (o: Record<string, unknown> | null) => o && { id: o.id, year: o.year, value: o.value, source: o.source, note: o.note, reporter: o.reporter };
  await appendAuditEvent(
    tx,
    { actor: actor.name, keyId: actor.keyId, action: found.previous ? 'observation.correct' : 'observation.create', aboutId: input.indicatorId, recordId: id, reporter: input.reporter, before: summary(found.previous), after: summary(observation) },
    at,
  );
  return observation;
}

/** A stored answer of a report or observation write, replayed as it was. */
function storedRecord(stored: unknown): Record<string, unknown> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw new Error('idempotency: a stored record answer is not an object');
  return { ...stored };
}
