import { deprecatedFor } from '../deprecations';
import { seesKeyEvents } from '../key-events';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { generateKey, hashSecret, ROLES, type Role } from '../../auth/api-key';
import { AppError, badInput, notFound } from '../../errors/app-error';
import { RowDecodeError } from '../../graph/decode';
import { auditTrail } from '../../graph/read/monitoring';
import { placeByName } from '../../graph/read/places';
import type { AuditEventRow, IndicatorRow, NodeRow, ObservationRow, PlaceRow, ProgressReportRow, TaskRow } from '../../graph/read/rows';
import { createKey, listKeys, revokeKey, type Actor, type ApiKeyRow } from '../../graph/write/api-keys';
import { recordObservation, reportProgress } from '../../graph/write/monitoring';
import { AuditTrailArgs } from '../args/audit.args';
import { checkIdempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../args/idempotency-key';
import { cleanText } from '../inputs/clean-text';
import type { Context } from '../context';
import type { MaybePromise } from '../maybe-promise';
import { decodeAuditCursor, auditCursor } from '../cursor';
import { RecordObservationInput } from '../inputs/record-observation.input';
import { ReportProgressInput } from '../inputs/report-progress.input';
import { pageWindow, toConnection } from '../connection';
import { ApiKeyInfo, AuditEvent, AuditEventConnection, IssuedApiKey, Observation, ProgressReport } from '../types/monitoring.types';
import { Node } from '../types/node.interface';
import { Place } from '../types/place.interface';
import { Indicator } from '../types/indicator.type';
import { Task } from '../types/task.type';

const PLACE_TYPES: readonly string[] = ['District', 'Zone', 'Region', 'OutsidePlace'] satisfies PlaceRow['nodeType'][];
const isPlace = (n: NodeRow): n is PlaceRow => PLACE_TYPES.includes(n.nodeType);

const isKeyRole = (role: string): role is Role => ROLES.some((r) => r === role);

async function actor(ctx: Context): Promise<Actor> {
  const auth = await ctx.auth();
  if (!auth || auth === 'invalid') throw new AppError('UNAUTHENTICATED', 'The API key is invalid or revoked');
  return { name: auth.name, keyId: auth.keyId };
}

/** Who reports, as the auditor will read it: no control or bidi characters, not empty. */
function cleanReporter(reporter: string): string {
  const cleaned = cleanText(wellFormed(reporter, 'reporter'));
  if (!cleaned) throw badInput('reporter must name a person or office (printable text)', 'reporter');
  return cleaned;
}

function cleanNote(note: string | null | undefined): string | null {
  return note === null || note === undefined ? null : cleanText(wellFormed(note, 'note'), true) || null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses text with lone surrogates, which would be stored as U+FFFD without a word. */
function wellFormed(text: string, field: string): string {
  if (LONE_SURROGATE.test(text)) throw badInput(`${field} holds an invalid character (a lone UTF-16 surrogate)`, field);
  return text;
}

const keyInfo = (k: ApiKeyRow): ApiKeyInfo => ({ keyId: k.keyId, name: k.name, role: k.role, createdAt: k.createdAt, createdBy: k.createdBy, revokedAt: k.revokedAt ?? null });

@Resolver()
export class MonitoringResolver {
  @Authorized('editor')
  @Mutation(() => ProgressReport, { description: 'Report progress on a task for a place and a period (editor). A second report for the same task, place and period is a correction that supersedes the first.' })
  async reportProgress(
    @Arg('input') input: ReportProgressInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProgressReportRow> {
    const key = checkIdempotencyKey(idempotencyKey);
    const place = await placeByName(ctx.client, input.place);
    if (!place) throw notFound('place', input.place, 'place');
    return reportProgress(
      ctx.client,
      { taskId: input.taskId, placeId: place.id, period: input.period, status: input.status, note: cleanNote(input.note), evidence: input.evidence ?? [], reporter: cleanReporter(input.reporter) },
      await actor(ctx),
      key,
    );
  }

  @Authorized('editor')
  @Mutation(() => Observation, { description: 'Record an observed value of an indicator for a year (editor). A second one for the same year supersedes the first.' })
  async recordObservation(
    @Arg('input') input: RecordObservationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<ObservationRow> {
    const key = checkIdempotencyKey(idempotencyKey);
    return recordObservation(
      ctx.client,
      { indicatorId: input.indicatorId, year: input.year, value: input.value, source: cleanText(input.source), note: cleanNote(input.note), reporter: cleanReporter(input.reporter) },
      await actor(ctx),
      key,
    );
  }

  @Authorized('admin')
  @Mutation(() => IssuedApiKey, { description: 'Issue an API key (admin). The token is shown once.' })
  async issueApiKey(
    @Arg('name') name: string,
    @Arg('role') role: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: `${IDEMPOTENCY_KEY_DESCRIPTION} The token is shown once: a retry of a key already issued answers CONFLICT with its keyId.` }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<IssuedApiKey> {
    if (!isKeyRole(role)) throw badInput(`role must be one of ${ROLES.join(', ')}`, 'role');
    const holder = name.trim();
    if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,59}$/u.test(holder)) throw badInput('name must be 1-60 letters, digits, spaces, dots, dashes, starting with a letter or digit', 'name');
    const key = checkIdempotencyKey(idempotencyKey);
    const issued = generateKey();
    const row = await createKey(ctx.client, { keyId: issued.keyId, name: holder, role, hash: hashSecret(issued.secret) }, await actor(ctx), key);
    return { key: keyInfo(row), token: issued.token };
  }

  @Authorized('admin')
  @Mutation(() => ApiKeyInfo, { description: 'Revoke an API key (admin). Takes effect at once.' })
  async revokeApiKey(
    @Arg('keyId') keyId: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: `${IDEMPOTENCY_KEY_DESCRIPTION} Revoking is idempotent anyway: a revoked key stays revoked and no second event is written.` }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<ApiKeyInfo> {
    checkIdempotencyKey(idempotencyKey);
    const row = await revokeKey(ctx.client, keyId, await actor(ctx));
    if (!row) throw notFound('API key', keyId, 'keyId');
    return keyInfo(row);
  }

  @Authorized('admin')
  @Query(() => [ApiKeyInfo], { description: 'The API keys (admin); never their secrets.' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKeyInfo[]> {
    return (await listKeys(ctx.client)).map(keyInfo);
  }

  @Query(() => AuditEventConnection, { description: 'The audit trail, oldest first, filtered by task, place, body, reporter, action and time. Events about API keys are listed to admins only.' })
  async auditTrail(@Args() args: AuditTrailArgs, @Ctx() ctx: Context): Promise<AuditEventConnection> {
    const includeKeyEvents = await seesKeyEvents(ctx);
    const window = pageWindow(args, ctx, decodeAuditCursor);
    let placeId: string | null = null;
    if (args.place) {
      const place = await placeByName(ctx.client, args.place);
      if (!place) throw notFound('place', args.place, 'place');
      placeId = place.id;
    }
    const iso = (s: string | null | undefined) => (s ? new Date(s).toISOString() : null);
    const trail = await auditTrail(
      ctx.client,
      { aboutId: args.taskId ?? null, placeId, bodyId: args.bodyId ?? null, reporter: args.reporter ?? null, action: args.action ?? null, from: iso(args.from), to: iso(args.to), includeKeyEvents },
      window,
    );
    return toConnection(trail, window, trail.total, (e) => ({ cursor: auditCursor(e), node: e }));
  }
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => Task, { nullable: true })
  task(@Root() r: ProgressReportRow, @Ctx() ctx: Context): MaybePromise<TaskRow | null> {
    return ctx.loaders.nodeOf('Task', r.taskId);
  }

  @FieldResolver(() => Place, { nullable: true })
  async place(@Root() r: ProgressReportRow, @Ctx() ctx: Context): Promise<PlaceRow | null> {
    const place = await ctx.loaders.node.load(r.placeId);
    if (place === null || isPlace(place)) return place;
    throw new RowDecodeError('Place', 'nodeType', `report ${r.id} is for ${place.id}, a ${place.nodeType}`);
  }
}

@Resolver(() => Observation)
export class ObservationResolver {
  @FieldResolver(() => Indicator, { nullable: true })
  indicator(@Root() o: ObservationRow, @Ctx() ctx: Context): MaybePromise<IndicatorRow | null> {
    return ctx.loaders.nodeOf('Indicator', o.indicatorId);
  }

  @FieldResolver(() => String, deprecatedFor('dataSource', 'source is a SourceSpan on every other Node, and one field name has one type across the schema.'))
  source(@Root() o: ObservationRow): string {
    return o.source;
  }
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The task or indicator (null for events about keys).' })
  about(@Root() e: AuditEventRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return e.aboutId.startsWith('key/') ? Promise.resolve(null) : ctx.loaders.node.load(e.aboutId);
  }

  @FieldResolver(() => ID, { nullable: true, ...deprecatedFor('recordPlaceId', 'ProgressReport.placeId is never null, and one field name has one type across the schema.') })
  placeId(@Root() e: AuditEventRow): string | null {
    return e.placeId;
  }

  @FieldResolver(() => String, { nullable: true, ...deprecatedFor('recordReporter', 'ProgressReport.reporter is never null, and one field name has one type across the schema.') })
  reporter(@Root() e: AuditEventRow): string | null {
    return e.reporter;
  }
}
