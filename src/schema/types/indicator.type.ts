import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Comparator } from '../../graph/read/values';
import { ComparatorEnum } from '../enums/closed-sets.enum';
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

  @Field(() => Float, { description: 'The target value of the target cell.' })
  target!: number;

  @Field({ description: 'The target cell as written, e.g. ≥73, 68左右, <5.5.' })
  targetText!: string;

  /** Read as `targetComparison`; the deprecated `targetComparator` gives the stored symbol (IndicatorResolver). */
  @Field(() => ComparatorEnum, { name: 'targetComparison', description: 'How the target cell compares: ≥73 is gte, 68左右 about, <5.5 lt, 13 eq.' })
  targetComparator!: Comparator;

  @Field(() => Int)
  targetYear!: number;

  @Field({ description: '预期性 (expected) or 约束性 (binding), as the table writes it.' })
  attribute!: string;
}
