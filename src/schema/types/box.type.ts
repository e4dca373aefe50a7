import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { BoxKind } from '../../graph/read/values';
import { BoxKindEnum } from '../enums/closed-sets.enum';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A box (专栏): indicators, projects, positioning, corridors, pilot zones.' })
export class Box extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  /** Read as `boxKind` (one type per field name: Task.kind is a TaskKind); `kind` is its deprecated String twin (BoxResolver). */
  @Field(() => BoxKindEnum, { name: 'boxKind', description: 'What the box holds.' })
  kind!: BoxKind;
}
