import { Field, ObjectType } from 'type-graphql';
import type { BodyRow, LinkRow, NodeRow } from '../../graph/read/rows';
import { Body } from './body.type';
import { Link } from './link.type';
import { Place } from './place.interface';

@ObjectType({ description: 'A place a node is tied to, with the evidence.' })
export class PlaceLink {
  @Field(() => Place)
  place!: NodeRow;

  @Field(() => Link)
  link!: LinkRow;
}

@ObjectType({ description: 'A body responsible for a task, with the basis of the responsibility.' })
export class BodyLink {
  @Field(() => Body)
  body!: BodyRow;

  @Field(() => Link)
  link!: LinkRow;
}
