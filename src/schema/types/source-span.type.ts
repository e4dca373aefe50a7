import { Field, Int, ObjectType } from 'type-graphql';

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

/** Reads the flattened source* properties of a stored node. */
export function sourceOf(row: Record<string, unknown>): SourceSpan {
  return {
    // Tasks and measures do not store their quote twice: it is their text.
    quote: (row.quote ?? row.text) as string,
    path: row.sourcePath as string,
    start: row.sourceStart as number,
    end: row.sourceEnd as number,
    line: row.sourceLine as number,
    endLine: row.sourceEndLine as number,
    planId: row.planId as string,
  };
}
