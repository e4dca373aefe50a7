import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A section (第N节) of a chapter.' })
export class Section extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => Int)
  number!: number;

  @Field({ description: 'The title as the body of the text gives it.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The title in the table of contents, only where it differs from the body’s.' })
  tocTitle!: string | null;
}
