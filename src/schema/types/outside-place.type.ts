import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';
import { Place } from './place.interface';

@ObjectType({ implements: [Node, Place], description: 'A place outside Chongqing that the plan names (成都, 广安, 黔北 ...). Not a district of this plan.' })
export class OutsidePlace extends Place {
  @Field(() => ID)
  declare id: string;
}
