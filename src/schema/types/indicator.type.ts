import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A row of an indicator table (专栏1).' })
export class Indicator extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => Int)
  number!: number;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Float, { nullable: true, description: 'Baseline value; null where the table has — (none).' })
  baseline!: number | null;

  @Field(() => Int)
  baselineYear!: number;

  @Field(() => Float, { nullable: true })
  target!: number | null;

  @Field({ description: 'The target cell as written, e.g. ≥73, 68左右, <5.5.' })
  targetText!: string;

  @Field(() => String, { nullable: true, description: '= | >= | > | <= | < | about' })
  targetComparator!: string | null;

  @Field(() => Int)
  targetYear!: number;

  @Field(() => String, { nullable: true, description: '预期性 (expected) or 约束性 (binding).' })
  attribute!: string | null;
}
