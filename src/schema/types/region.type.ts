import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';
import { Place } from './place.interface';

@ObjectType({ implements: [Node, Place], description: 'A region of the plan’s spatial pattern (一区两群 and its parts).' })
export class Region extends Place {
  @Field(() => ID)
  declare id: string;

  @Field(() => [String], { description: 'Other names the text uses, e.g. 主城区 for 主城都市区, 三峡库区.' })
  aliases!: string[];
}
