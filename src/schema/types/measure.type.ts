import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A paragraph of the plan. Its lead sentence (深化户籍制度改革。) is its title when it has one.' })
export class Measure extends Node {
  @Field(() => ID)
  declare id: string;

  /** Read as `heading` (one type per field name: every other title is String!); `title` is its deprecated twin (MeasureResolver). */
  @Field(() => String, { name: 'heading', nullable: true, description: 'The lead sentence without its full stop (深化户籍制度改革), when the paragraph opens with one; null otherwise.' })
  title!: string | null;

  @Field()
  text!: string;
}
