import { badInput } from '../errors/app-error';
import type { SharingKey } from '../graph/read/crossref';
import type { AuditKey } from '../graph/read/monitoring';
import type { SearchKey } from '../graph/read/search';
import { linkKey, type TaskKey } from '../graph/read/task-pages';

/**
 * Opaque cursors: a list's keyset position as base64url JSON, tagged with the kind of list. A task
 * cursor is (plan id, offset in the text, link); a search cursor (score, id); an audit cursor
 * (time, id); a sharing-district cursor (shared tasks, id). Anything else given in `after` or
 * `before` is BAD_USER_INPUT on that argument.
 */

type CursorArgument = 'after' | 'before';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode(cursor: string, argument: CursorArgument, tag: string, valid: (v: unknown[]) => boolean): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (!Array.isArray(value) || value[0] !== tag || !valid(value)) throw badInput(`\`${argument}\` is not a cursor of this list returned by this API`, argument);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isInteger = (v: unknown): v is number => Number.isInteger(v);

export const taskCursor = (row: { planId: string; sourceStart: number }, link: { basis: string; role: string | null }): string => encode(['t', row.planId, row.sourceStart, linkKey(link)]);

export function decodeTaskCursor(cursor: string, argument: CursorArgument): TaskKey {
  // Cursors of earlier versions have no link part: they stand for the whole task, so after it
  // means after its last edge and before it before its first.
  const v = decode(cursor, argument, 't', (v) => isString(v[1]) && isInteger(v[2]) && (v.length === 3 || isString(v[3])));
  return { planId: String(v[1]), sourceStart: Number(v[2]), link: isString(v[3]) ? v[3] : argument === 'after' ? '\uffff' : '' };
}

export const searchCursor = (key: SearchKey): string => encode(['s', key.score, key.id]);

export function decodeSearchCursor(cursor: string, argument: CursorArgument): SearchKey {
  const v = decode(cursor, argument, 's', (v) => isNumber(v[1]) && isString(v[2]));
  return { score: Number(v[1]), id: String(v[2]) };
}

export const auditCursor = (key: AuditKey): string => encode(['a', key.at, key.id]);

export function decodeAuditCursor(cursor: string, argument: CursorArgument): AuditKey {
  const v = decode(cursor, argument, 'a', (v) => isString(v[1]) && isString(v[2]));
  return { at: String(v[1]), id: String(v[2]) };
}

export const sharingCursor = (key: SharingKey): string => encode(['d', key.shared, key.id]);

export function decodeSharingCursor(cursor: string, argument: CursorArgument): SharingKey {
  const v = decode(cursor, argument, 'd', (v) => isInteger(v[1]) && isString(v[2]));
  return { shared: Number(v[1]), id: String(v[2]) };
}
