/**
 * Decoding at the boundary: every record that comes out of Neo4j passes a row shape, a named
 * zod schema of what the query returns. The driver's values are first made plain by toPlain
 * (integers checked and made numbers, temporals made ISO strings), then the shape checks every
 * property and drops the ones it does not name, so that the code above src/graph gets values of
 * the declared types or nothing at all.
 *
 * A record that does not fit is a defect of the data or of the query, never of the request: it
 * throws RowDecodeError (code ROW_DECODE_FAILED), which the server logs and masks as an internal
 * error. No wrong value is ever passed on silently.
 */
import { z } from 'zod';
import { toPlain } from './to-plain';

export const ROW_DECODE_FAILED = 'ROW_DECODE_FAILED';

export class RowDecodeError extends Error {
  readonly code = ROW_DECODE_FAILED;

  constructor(
    /** The name of the row shape that refused the record. */
    readonly shape: string,
    /** The path of the offending property in the record, e.g. `value.sourceStart`. */
    readonly property: string,
    readonly problem: string,
  ) {
    super(`${ROW_DECODE_FAILED}: a ${shape} row has a bad property ${property}: ${problem}`);
    this.name = 'RowDecodeError';
  }
}

/** A named decoder for the records of one query (or one family of queries). */
export interface RowShape<T> {
  readonly name: string;
  readonly schema: { safeParse(value: unknown): z.ZodSafeParseResult<T> };
}

/** The type a shape decodes to. */
export type Decoded<R> = R extends RowShape<infer T> ? T : never;

export function rowShape<S extends z.ZodType>(name: string, schema: S): RowShape<z.output<S>> {
  return { name, schema };
}

/** Decodes one value (a record's columns as an object, or any driver value) with a shape. */
export function decodeRow<T>(shape: RowShape<T>, value: unknown): T {
  return decodePlain(shape, toPlain(value));
}

/**
 * Decodes a value that is plain already: a part of a record that an outer shape decoded (and so
 * converted) as a whole, checked again here with the part's own shape.
 */
export function decodePlain<T>(shape: RowShape<T>, value: unknown): T {
  const result = shape.schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RowDecodeError(shape.name, issue.path.map(String).join('.') || '(row)', issue.message);
}

/** Decodes the records of a driver result, each as an object keyed by column. */
export function decodeRecords<T>(shape: RowShape<T>, records: readonly { toObject(): object }[]): T[] {
  return records.map((record) => decodeRow(shape, record.toObject()));
}

// Property decoders shared by the row shapes.

/** An integer property. Stored integers arrive as numbers (toPlain); a fraction is refused. */
export const integer = z.number().int();

/**
 * A property that may be absent. Neo4j does not store nulls: `SET n = {x: null}` leaves no `x`,
 * so absent and null are the same fact, and both decode to null.
 */
export const optional = <S extends z.ZodType>(schema: S) => schema.nullish().transform((v): z.output<S> | null => v ?? null);

/** A list property that may be absent, which stands for an empty list (see `optional`). */
export const optionalList = <S extends z.ZodType>(item: S) => z.array(item).nullish().transform((v): z.output<S>[] => v ?? []);
