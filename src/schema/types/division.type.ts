import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';
import { Place } from './place.interface';

@ObjectType({
  implements: [Node, Place],
  description: 'An administrative division of China that a plan names (province, prefecture or county_level in kind), with its GB/T 2260 code; read in the light of the plan’s jurisdiction.',
})
export class Division extends Place {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'GB/T 2260 code, e.g. 510100 for 成都市.' })
  code!: string;
}
