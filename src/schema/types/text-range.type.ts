import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class TextRange {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}
