import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';
import { Place } from './place.interface';

@ObjectType({ implements: [Node, Place], description: 'A functional zone: 两江新区, 重庆高新区, 万盛经开区.' })
export class Zone extends Place {
  @Field(() => ID)
  declare id: string;
}
