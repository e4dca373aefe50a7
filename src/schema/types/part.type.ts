import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A part (第N篇) that groups chapters, in plans that have parts. Chapters keep their own numbering across parts.' })
export class Part extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => Int)
  number!: number;

  @Field({ description: 'The title as the body of the text gives it.' })
  title!: string;
}
