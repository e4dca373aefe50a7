import { badInput } from '../errors/app-error';
import { linkKey, type TaskKey } from '../graph/read/task-pages';

/**
 * Opaque cursors. A task cursor is its keyset position (plan id, offset in the text); a search
 * cursor is (score, id). Both are base64url JSON; anything else is BAD_USER_INPUT on `after`.
 */

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('`after` is not a cursor returned by this API', 'after');
  }
}

export const taskCursor = (row: { planId: string; sourceStart: number }, link: { basis: string; role: string | null }): string => encode(['t', row.planId, row.sourceStart, linkKey(link)]);

export function decodeTaskCursor(cursor: string | null | undefined): TaskKey | null {
  if (cursor === null || cursor === undefined) return null;
  const v = decode(cursor);
  // Cursors of earlier versions have no link part: they resume after the task's last edge.
  if (!Array.isArray(v) || v[0] !== 't' || typeof v[1] !== 'string' || !Number.isInteger(v[2]) || (v.length > 3 && typeof v[3] !== 'string')) {
    throw badInput('`after` is not a task cursor returned by this API', 'after');
  }
  return { planId: v[1], sourceStart: v[2], link: typeof v[3] === 'string' ? v[3] : '\uffff' };
}

export const searchCursor = (score: number, id: string): string => encode(['s', score, id]);

export function decodeSearchCursor(cursor: string | null | undefined): { score: number; id: string } | null {
  if (cursor === null || cursor === undefined) return null;
  const v = decode(cursor);
  if (!Array.isArray(v) || v[0] !== 's' || typeof v[1] !== 'number' || typeof v[2] !== 'string') {
    throw badInput('`after` is not a search cursor returned by this API', 'after');
  }
  return { score: v[1], id: v[2] };
}

export const auditCursor = (at: string, id: string): string => encode(['a', at, id]);

export function decodeAuditCursor(cursor: string | null | undefined): { at: string; id: string } | null {
  if (cursor === null || cursor === undefined) return null;
  const v = decode(cursor);
  if (!Array.isArray(v) || v[0] !== 'a' || typeof v[1] !== 'string' || typeof v[2] !== 'string') {
    throw badInput('`after` is not an audit cursor returned by this API', 'after');
  }
  return { at: v[1], id: v[2] };
}
