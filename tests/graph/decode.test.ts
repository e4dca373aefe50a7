import { z } from 'zod';
import { decodeRow, integer, optional, RowDecodeError, rowShape } from '../../src/graph/decode';
import { int } from '../../src/graph/graph-client';
import { keyed, LinkRow, NodeRow, TaskRow } from '../../src/graph/read/rows';
import { LINK_BASES } from '../../src/graph/read/values';

/** The decoders at the boundary: what comes out of Neo4j has the declared types, or is refused loudly. */
describe('row decoders', () => {
  const task = {
    nodeType: 'Task',
    id: 'p/chp_3__sec_5__para_1__sent_3',
    planId: 'p',
    sourcePath: 'p/chp_3__sec_5__para_1__sent_3',
    sourceStart: int(4120),
    sourceEnd: int(4150),
    sourceLine: int(230),
    sourceEndLine: int(230),
    kind: 'sentence',
    text: '支持垫江、忠县、彭水开展国家县城新型城镇化建设示范。',
    order: int(3),
    measureId: 'p/chp_3__sec_5__para_1',
    chapterId: 'p/chp_3',
    sectionId: 'p/chp_3__sec_5',
  };
  const TaskPage = keyed('TasksOfPlace', TaskRow);

  /** The error a decoder throws, for asserting on its fields. */
  const refusal = (run: () => unknown): RowDecodeError => {
    try {
      run();
    } catch (error) {
      if (error instanceof RowDecodeError) return error;
      throw error;
    }
    throw new Error('the decoder accepted the row');
  };

  it('converts driver integers and fills absent optional properties with null', () => {
    const row = decodeRow(TaskPage, { key: 'place/500233', value: task });
    expect(row.value.sourceStart).toBe(4120);
    expect(row.value.order).toBe(3);
    expect(row.value.group).toBeNull();
    expect(row.value.boxId).toBeNull();
    expect(row.value.retired).toBe(false);
  });

  it('refuses a row with a missing property, naming the row shape and the property', () => {
    const { sourceStart: _dropped, ...missing } = task;
    const error = refusal(() => decodeRow(TaskPage, { key: 'place/500233', value: missing }));
    expect(error.code).toBe('ROW_DECODE_FAILED');
    expect(error.shape).toBe('TasksOfPlace');
    expect(error.property).toBe('value.sourceStart');
    expect(error.message).toMatch(/TasksOfPlace/);
    expect(error.message).toMatch(/value\.sourceStart/);
  });

  it('refuses a mistyped property, naming the row shape and the property', () => {
    const error = refusal(() => decodeRow(TaskPage, { key: 'place/500233', value: { ...task, text: 42 } }));
    expect([error.shape, error.property]).toEqual(['TasksOfPlace', 'value.text']);
  });

  it('refuses a fraction where an integer is stored, rather than rounding it', () => {
    const error = refusal(() => decodeRow(TaskPage, { key: 'k', value: { ...task, order: 2.5 } }));
    expect(error.property).toBe('value.order');
  });

  it('refuses a value outside a closed list (a task kind, a link basis)', () => {
    expect(refusal(() => decodeRow(TaskPage, { key: 'k', value: { ...task, kind: 'paragraph' } })).property).toBe('value.kind');
    const Link = rowShape('Link', LinkRow);
    expect(refusal(() => decodeRow(Link, { basis: 'inferred' })).property).toBe('basis');
    expect(refusal(() => decodeRow(Link, { basis: 'text', role: 'owner' })).property).toBe('role');
  });

  it('accepts every basis and role that ingest writes, derived and deliver included', () => {
    const Link = rowShape('Link', LinkRow);
    for (const basis of LINK_BASES) expect(decodeRow(Link, { basis }).basis).toBe(basis);
    expect(decodeRow(Link, { basis: 'derived', role: 'deliver', quote: '忠县', start: int(10), end: int(12) })).toEqual({
      basis: 'derived',
      role: 'deliver',
      quote: '忠县',
      start: 10,
      end: 12,
      rationale: null,
    });
  });

  it('refuses a node of an unknown type, and a node missing what its type requires', () => {
    const Node = rowShape('NodeById', NodeRow);
    expect(refusal(() => decodeRow(Node, { ...task, nodeType: 'Paragraph' })).property).toBe('nodeType');
    expect(refusal(() => decodeRow(Node, { nodeType: 'Chapter', id: 'p/chp_3' })).shape).toBe('NodeById');
  });

  it('drops properties the shape does not name', () => {
    const Small = rowShape('Small', z.object({ n: integer, note: optional(z.string()) }));
    expect(decodeRow(Small, { n: int(7), extra: 'x' })).toEqual({ n: 7, note: null });
  });
});
