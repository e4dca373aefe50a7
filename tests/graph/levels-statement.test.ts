import { z } from 'zod';
import { rowShape } from '../../src/graph/decode';
import { levelsStatement, type LevelStep, type RootRead } from '../../src/graph/read/levels';

/**
 * The statement of a compiled read, read as text: parameters of each level renamed into their
 * own map, ids read from the level above, one id list per (level, property), and nothing built
 * from a level that is not above or a property that is not a name.
 */
const shape = rowShape('Test', z.unknown());
const root: RootRead<unknown> = { name: 'root', cypher: 'MATCH (n:Place {name: $name}) RETURN n {.*} AS value', params: { name: 'x' }, columns: ['value'], shape, nodes: (row) => `[${row}.value]` };
const step = (parent: number, keyProperty: string, cypher = 'UNWIND $ids AS id MATCH (m {id: id}) WHERE $basis IS NULL RETURN id AS key, m {.*} AS value'): LevelStep => ({
  parent,
  keyProperty,
  read: { name: 'step', cypher, params: { basis: null }, columns: ['key', 'value'], shape, nodes: (row) => `[${row}.value]` },
  accept: () => undefined,
});

describe('levelsStatement', () => {
  it('renames each level’s parameters into its own map and reads its ids from the level above', () => {
    const { cypher, idColumns } = levelsStatement(root, [step(0, 'id'), step(1, 'measureId')]);
    expect(cypher).toContain('MATCH (n:Place {name: $s0.name})');
    expect(cypher).toContain('UNWIND l0 AS row UNWIND [row.value] AS n WITH DISTINCT n.id AS x WHERE x IS NOT NULL RETURN x } AS i1');
    expect(cypher).toContain('CALL (i1) { UNWIND i1 AS id MATCH (m {id: id}) WHERE $s1.basis IS NULL');
    expect(cypher).toContain('UNWIND l1 AS row UNWIND [row.value] AS n WITH DISTINCT n.measureId AS x');
    expect(cypher).toContain('CALL (i2) { UNWIND i2 AS id MATCH (m {id: id}) WHERE $s2.basis IS NULL');
    expect(cypher.endsWith('RETURN l0, i1, l1, i2, l2')).toBe(true);
    expect(idColumns).toEqual(['i1', 'i2']);
  });

  it('gathers the ids of a level once for every step that hangs off it by the same property', () => {
    const { cypher, idColumns } = levelsStatement(root, [step(0, 'id'), step(0, 'id'), step(0, 'code')]);
    expect(idColumns).toEqual(['i1', 'i1', 'i3']);
    expect(cypher.match(/AS i1\b/g)).toHaveLength(1);
    expect(cypher).toContain('CALL (i1) { UNWIND i1 AS id');
    expect(cypher.endsWith('RETURN l0, i1, l1, l2, i3, l3')).toBe(true);
  });

  it('refuses a level that hangs off itself or below, and a key that is not a property name', () => {
    expect(() => levelsStatement(root, [step(1, 'id')])).toThrow('level 1 hangs off level 1');
    expect(() => levelsStatement(root, [step(0, 'id) DETACH DELETE (n')])).toThrow('is not a property name');
  });
});
