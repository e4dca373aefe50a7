import { int } from './graph-client';

/**
 * The properties that hold integers, on nodes and relationships alike: numbers and positions of
 * the text's divisions, source offsets and lines, years, counters, link offsets. The driver
 * sends every JavaScript number as a FLOAT, so writers pass their values through withIntegers,
 * and the start-up migration (migrate-integers.ts) converts FLOATs that older loads stored.
 * Everything else that is numeric (values, baselines, targets, areas) is a FLOAT on purpose.
 */
export const INTEGER_PROPERTIES = [
  'number',
  'order',
  'sourceStart',
  'sourceEnd',
  'sourceLine',
  'sourceEndLine',
  'start',
  'end',
  'year',
  'baselineYear',
  'targetYear',
  'textLength',
  'parserVersion',
  'revision',
  'version',
] as const;

const INTEGER_KEYS: ReadonlySet<string> = new Set(INTEGER_PROPERTIES);

/**
 * A copy of a property map whose integer properties are driver integers. A number with a
 * fraction under an integer key is left as it is: decoders refuse it on the way back, loudly,
 * rather than this writer rounding it silently.
 */
export function withIntegers(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    out[key] = INTEGER_KEYS.has(key) && typeof value === 'number' && Number.isSafeInteger(value) ? int(value) : value;
  }
  return out;
}
