import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';
import { Place } from './place.interface';

@ObjectType({ implements: [Node, Place], description: 'One of the 38 districts and counties (区县) of Chongqing.' })
export class District extends Place {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'GB/T 2260 code.' })
  code!: string;
}
