import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A box (专栏): indicators, projects, positioning, corridors, pilot zones.' })
export class Box extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field({ description: 'indicators | projects | positioning | corridors | transport_projects | renewal_projects | pilot_zones' })
  kind!: string;
}
