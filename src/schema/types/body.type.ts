import { Field, ID, ObjectType } from 'type-graphql';
import type { BodyKind } from '../../graph/read/values';
import { BodyKindEnum } from '../enums/closed-sets.enum';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A responsible body: a coordination mechanism, government, department, party or mass organisation.' })
export class Body extends Node {
  @Field(() => ID)
  declare id: string;

  @Field()
  name!: string;

  /** Read as `bodyKind` (one type per field name: Task.kind is a TaskKind); `kind` is its deprecated String twin (BodyResolver). */
  @Field(() => BodyKindEnum, { name: 'bodyKind', description: 'What the body is.' })
  kind!: BodyKind;

  @Field(() => String, { nullable: true })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: 'What the body is in charge of (for curated bodies).' })
  remit!: string | null;
}
