import { z } from 'zod';
import { rowShape } from '../../src/graph/decode';

/** The shape of a test's own query: `shape({ n: z.number() })`. */
export const shape = <T extends z.ZodRawShape>(props: T) => rowShape('TestRow', z.object(props));

/** For statements whose records a test does not read. */
export const NO_ROWS = rowShape('NoRows', z.object({}));

/** Records a test reads as they are (a property dump). */
export const ANY_ROW = rowShape('AnyRow', z.record(z.string(), z.unknown()));
