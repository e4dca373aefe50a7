import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A responsible body: a coordination mechanism, government, department, party or mass organisation.' })
export class Body extends Node {
  @Field(() => ID)
  declare id: string;

  @Field()
  name!: string;

  @Field({ description: 'coordination | government | department | party | mass_organisation' })
  kind!: string;

  @Field(() => String, { nullable: true })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: 'What the body is in charge of (for curated bodies).' })
  remit!: string | null;
}
