import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A quantitative commitment of the prose or a box: 13 平方米, 15 万个, ≥73%.' })
export class Target extends Node {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'The words of the commitment, verbatim.' })
  text!: string;

  @Field(() => Float)
  value!: number;

  @Field({ description: 'Unit as written, with its multiplier: %, 平方米, 万个, 亿平方米.' })
  unit!: string;

  @Field(() => String, { nullable: true, description: '= | >= | > | <= | < | about' })
  comparator!: string | null;

  @Field(() => Int, { nullable: true, description: 'Target year when the text states one (到2025年).' })
  year!: number | null;
}
