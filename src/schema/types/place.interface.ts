import { Field, ID, InterfaceType } from 'type-graphql';
import type { PlaceRow } from '../../graph/read/rows';
import type { PlaceKind } from '../../graph/read/values';
import { PlaceKindEnum } from '../enums/closed-sets.enum';
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

  /** Read as `placeKind` (one type per field name: Task.kind is a TaskKind); `kind` is its deprecated String twin (PlaceResolver). */
  @Field(() => PlaceKindEnum, { name: 'placeKind', description: 'What the place is.' })
  kind!: PlaceKind;
}
