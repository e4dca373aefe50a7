/**
 * Converts values that come out of the Neo4j driver into plain JavaScript values, once, at the
 * boundary, so that nothing above src/graph ever sees a driver type.
 *
 * Contract:
 * - Integer -> number; an integer outside Number.MAX_SAFE_INTEGER throws (silently losing
 *   precision would corrupt ids and counts).
 * - Date, DateTime, LocalDateTime, LocalTime, Time, Duration -> ISO 8601 strings.
 * - Node and Relationship -> their properties (converted); Path -> { nodes, relationships }.
 * - Point -> { srid, x, y } (plus z for 3D points).
 * - Lists and maps are converted recursively; other primitives pass through unchanged.
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
  type Integer,
} from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

function integerToNumber(value: Integer): number {
  if (!value.inSafeRange()) {
    throw new RangeError(`Neo4j integer ${value.toString()} is outside the safe JavaScript number range`);
  }
  return value.toNumber();
}

function mapValues(obj: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const key of Object.keys(obj)) out[key] = toPlain(obj[key]);
  return out;
}

/**
 * A map as the driver returns it: an object whose prototype is Object's (or none). The driver's
 * own types (Integer, temporal, graph and spatial types) are instances of its classes, so a map
 * is told apart at once, before the dozen type checks below: most values of a record are maps.
 */
function isMap(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return value;
    case 'bigint':
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new RangeError(`Neo4j integer ${value} is outside the safe JavaScript number range`);
      }
      return Number(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (isMap(value)) return mapValues(value);
  if (isInt(value)) return integerToNumber(value);
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  ) {
    // The driver's toString() of every temporal type is its ISO 8601 form.
    return value.toString();
  }
  if (isNode(value) || isRelationship(value) || isUnboundRelationship(value)) {
    return mapValues(value.properties);
  }
  if (isPath(value)) {
    return {
      nodes: [toPlain(value.start), ...value.segments.map((s) => toPlain(s.end))],
      relationships: value.segments.map((s) => toPlain(s.relationship)),
    };
  }
  if (isPoint(value)) {
    const out: { [key: string]: Plain } = { srid: toPlain(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) out.z = value.z;
    return out;
  }
  if (value instanceof globalThis.Date) return value.toISOString();
  return mapValues({ ...value });
}
