import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A paragraph of the plan. Its lead sentence (深化户籍制度改革。) is its title when it has one.' })
export class Measure extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field()
  text!: string;
}
