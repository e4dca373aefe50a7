import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay page information. Cursors are opaque keyset positions, not offsets.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
