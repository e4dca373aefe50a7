import { Field, ID, InterfaceType } from 'type-graphql';
import type { PlaceRow } from '../../graph/read/rows';
import { Node } from './node.interface';

@InterfaceType({
  implements: Node,
  resolveType: (row: PlaceRow) => row.nodeType,
  description: 'Any place: a district or county, a functional zone, a region of 一区两群, or a place outside Chongqing.',
})
export abstract class Place extends Node {
  @Field(() => ID)
  declare id: string;

  @Field()
  name!: string;

  @Field({ description: 'The name the plan mostly uses (万州, 石柱); the full name where there is no shorter one.' })
  shortName!: string;

  @Field({ description: 'district | county | autonomous_county | functional_zone | region | outside' })
  kind!: string;
}
