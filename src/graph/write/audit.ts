import { randomUUID } from 'node:crypto';
import type { WriteTx } from '../graph-client';
import { decodeRow, rowShape } from '../decode';
import { AuditEventRow } from '../read/rows';

/**
 * The audit trail: every write appends one AuditEvent in the same transaction as the write, so
 * there is no write without its event and no event without its write. Events are only ever
 * created: nothing in the code base updates or deletes them (corrections are new events).
 */

export interface AuditInput {
  actor: string;
  keyId: string | null;
  action: string;
  /** The node the write is about (task, indicator, key). */
  aboutId: string;
  recordId: string | null;
  placeId?: string | null;
  reporter?: string | null;
  before: unknown;
  after: unknown;
}

/** Events are about plan nodes (Entity) or API keys; the label is a fixed choice, never input. */
export const appendAuditEventQuery = (aboutLabel: 'Entity' | 'ApiKey'): string => `
MATCH (about:${aboutLabel} {id: $aboutId})
CREATE (e:Record:AuditEvent {
  id: $id, at: $at, actor: $actor, keyId: $keyId, action: $action, aboutId: $aboutId,
  recordId: $recordId, placeId: $placeId, reporter: $reporter, before: $before, after: $after
})-[:ABOUT]->(about)
RETURN e {.*} AS event`;

/** Monitoring writes bump the records version in their transaction (see the response cache). */
export const BUMP_RECORDS_VERSION = `
MERGE (v:GraphVersion {id: 'records'})
SET v.version = coalesce(v.version, 0) + 1, v.updatedAt = $at`;

const AuditEventShape = rowShape('AuditEvent', AuditEventRow);

export async function appendAuditEvent(tx: WriteTx, input: AuditInput, at: string): Promise<AuditEventRow> {
  const label = input.aboutId.startsWith('key/') ? 'ApiKey' : 'Entity';
  const result = await tx.run(appendAuditEventQuery(label), {
    id: `audit/${randomUUID()}`,
    at,
    actor: input.actor,
    keyId: input.keyId,
    action: input.action,
    aboutId: input.aboutId,
    recordId: input.recordId,
    placeId: input.placeId ?? null,
    reporter: input.reporter ?? null,
    before: input.before === null || input.before === undefined ? null : JSON.stringify(input.before),
    after: JSON.stringify(input.after),
  });
  if (result.records.length === 0) throw new Error(`audit: node ${input.aboutId} vanished during the write`);
  // Every audited write changes records: one place bumps the version that caches key on.
  await tx.run(BUMP_RECORDS_VERSION, { at });
  return decodeRow(AuditEventShape, result.records[0].get('event'));
}
