import neo4j from 'neo4j-driver';
import { toPlain } from '../../src/graph/to-plain';

/**
 * The boundary conversion of driver values (src/graph/to-plain.ts), case by case as its contract
 * states them. Expected values are written out by hand.
 */
describe('values out of the driver, made plain', () => {
  const { Date: Day, DateTime, Duration, Node, Point, Relationship } = neo4j.types;

  it('turns integers into numbers and refuses those a number cannot hold', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int(-7))).toBe(-7);
    expect(() => toPlain(neo4j.int('9007199254740993'))).toThrow(RangeError);
    expect(toPlain(12n)).toBe(12);
  });

  it('converts maps and lists all the way down, as new objects', () => {
    const input = { a: [neo4j.int(1), { b: neo4j.int(2), c: [neo4j.int(3)] }], d: null, e: '重庆', f: true, g: 1.5 };
    const out = toPlain(input);
    expect(out).toEqual({ a: [1, { b: 2, c: [3] }], d: null, e: '重庆', f: true, g: 1.5 });
    expect(out).not.toBe(input);
    const bare: Record<string, unknown> = Object.create(null);
    bare.n = neo4j.int(5);
    expect(toPlain(bare)).toEqual({ n: 5 });
    expect(toPlain(undefined)).toBeNull();
  });

  it('gives temporal values as ISO 8601 strings', () => {
    expect(toPlain(new Day(2025, 3, 31))).toBe('2025-03-31');
    expect(toPlain(new DateTime(2025, 1, 2, 3, 4, 5, 0, 0))).toBe('2025-01-02T03:04:05Z');
    expect(toPlain(new Duration(1, 2, 3, 0))).toBe('P1M2DT3S');
    expect(toPlain(new globalThis.Date(Date.UTC(2024, 11, 7)))).toBe('2024-12-07T00:00:00.000Z');
  });

  it('gives graph values as their properties, and points as coordinates', () => {
    const task = new Node(neo4j.int(1), ['Task'], { id: 'p/chp_1', order: neo4j.int(3) }, 'e1');
    const link = new Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'MENTIONS', { start: neo4j.int(10), basis: 'text' }, 'e2', 'e1', 'e3');
    expect(toPlain(task)).toEqual({ id: 'p/chp_1', order: 3 });
    expect(toPlain({ node: task, link })).toEqual({ node: { id: 'p/chp_1', order: 3 }, link: { start: 10, basis: 'text' } });
    expect(toPlain(new Point(neo4j.int(7203), 1, 2))).toEqual({ srid: 7203, x: 1, y: 2 });
    expect(toPlain(new Point(neo4j.int(9157), 1, 2, 3))).toEqual({ srid: 9157, x: 1, y: 2, z: 3 });
  });
});
