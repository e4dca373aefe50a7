import { Field, Int, ObjectType } from 'type-graphql';
import { decodeRow, RowDecodeError, rowShape } from '../../graph/decode';
import { SourceRow } from '../../graph/read/rows';

@ObjectType({ description: 'Where a node comes from: the verbatim quote and its place in the plan text.' })
export class SourceSpan {
  @Field({ description: 'The text exactly as the plan has it (normalised text; see README).' })
  quote!: string;

  @Field({ description: 'The eId path of the node, e.g. chp_4__sec_1__para_1__sent_2, prefixed with the plan id.' })
  path!: string;

  @Field(() => Int, { description: 'Start offset (UTF-16 code units) in the normalised plan text.' })
  start!: number;

  @Field(() => Int, { description: 'End offset, exclusive.' })
  end!: number;

  @Field(() => Int, { description: '1-based line in the original file where the quote starts.' })
  line!: number;

  @Field(() => Int, { description: '1-based line in the original file where the quote ends.' })
  endLine!: number;

  @Field()
  planId!: string;
}

const SourceShape = rowShape('SourceSpan', SourceRow);

/**
 * Reads the flattened source* properties of a stored node. Whole rows always have them; a row of
 * a plan tree has them when `source` was selected (tree-projection.ts), and is checked all the same.
 */
export function sourceOf(row: object): SourceSpan {
  const s = decodeRow(SourceShape, row);
  // Tasks and measures do not store their quote twice: it is their text.
  const quote = s.quote ?? s.text;
  if (quote === null) throw new RowDecodeError('SourceSpan', 'quote', 'a node has neither quote nor text');
  return { quote, path: s.sourcePath, start: s.sourceStart, end: s.sourceEnd, line: s.sourceLine, endLine: s.sourceEndLine, planId: s.planId };
}
