import { z } from 'zod';
import { rowShape, type Decoded } from '../decode';
import { oneBatch, type BatchRead } from './batch';
import { RecordRow } from './rows';

/**
 * Monitoring records by id, for `node(id:)`: progress reports, observations and audit events
 * (ids `report/…`, `observation/…`, `audit/…`). Events about API keys are never read here: an
 * answer of node(id:) must not depend on who asks (response caches share it between callers);
 * admins read them in the audit trail.
 */
export const RECORDS_BY_ID = `
UNWIND $ids AS id
MATCH (r:Record {id: id})
WHERE r:ProgressReport OR r:Observation OR (r:AuditEvent AND NOT EXISTS { (r)-[:ABOUT]->(:ApiKey) })
RETURN id AS key, r {.*, nodeType: CASE WHEN r:ProgressReport THEN 'ProgressReport' WHEN r:Observation THEN 'Observation' ELSE 'AuditEvent' END} AS value`;

const KeyedRecordRow = rowShape('RecordById', z.object({ key: z.string(), value: RecordRow }));

/** Records by id; null for an id that names no record readable here. */
export const RECORDS_BATCH: BatchRead<Decoded<typeof KeyedRecordRow>, RecordRow | null> = oneBatch('records', RECORDS_BY_ID, KeyedRecordRow);
