import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A pilot zone of 专栏9 with its member districts.' })
export class PilotZone extends Node {
  @Field(() => ID)
  declare id: string;

  @Field()
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Total area in km² (1.5 万平方公里 = 15000).' })
  areaKm2!: number | null;

  @Field(() => String, { nullable: true, description: 'The 试验重点 (focus of the trial), verbatim.' })
  focus!: string | null;
}
