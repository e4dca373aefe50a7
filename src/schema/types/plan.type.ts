import { DateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A government plan, as ingested from its text.' })
export class Plan extends Node {
  @Field(() => ID)
  declare id: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'e.g. 渝府发〔2022〕9号' })
  documentNumber!: string | null;

  @Field(() => String, { nullable: true })
  issuer!: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Date of issue.' })
  issuedOn!: string | null;

  @Field({ description: 'sha256 of the normalised text; equal texts give equal graphs.' })
  checksum!: string;

  @Field(() => Int, { description: 'How many times this plan has been (re)loaded with a changed text or parser.' })
  revision!: number;
}
