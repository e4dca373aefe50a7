/** How many narrowed shapes one family keeps; selections are few, but each operation picks its own. */
const KEPT = 64;

/**
 * The properties of a row shape that a read returns, as a mask for zod's `pick`: a partial row
 * (a measure or task read with some of its properties, rows.ts) decoded with a shape narrowed to
 * them. zod visits every property of a shape on every row, present or not: a tree's task row of
 * 9 properties cost 8.5 µs decoded with the 22 of PartialTaskRow and 3.2 µs with its own
 * (measured on the seed's 349 tasks). The narrowed shape checks the same properties the same
 * way; those it leaves out are optional in the partial row and absent from the read.
 */
export function maskOf<Shape extends object>(shape: Shape, keys: readonly string[]): Partial<Record<keyof Shape, true>> {
  const mask: Partial<Record<keyof Shape, true>> = {};
  for (const key of Object.keys(shape) as (keyof Shape & string)[]) if (keys.includes(key)) mask[key] = true;
  return mask;
}

/**
 * One value per key list, made once: zod compiles a shape the first time it parses with it, so
 * a narrowed shape is kept for the next read of the same selection (the most recent KEPT).
 */
export function keptPerKeys<T>(make: (keys: readonly string[]) => T): (keys: readonly string[]) => T {
  const kept = new Map<string, T>();
  return (keys) => {
    const id = keys.join('\n');
    const known = kept.get(id);
    if (known !== undefined) return known;
    const made = make(keys);
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value ?? id);
    kept.set(id, made);
    return made;
  };
}
