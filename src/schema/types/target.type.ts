import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Comparator } from '../../graph/read/values';
import { ComparatorEnum } from '../enums/closed-sets.enum';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A quantitative commitment of the prose or a box: 13 平方米, 15 万个, ≥73%.' })
export class Target extends Node {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'The words of the commitment, verbatim.' })
  text!: string;

  @Field(() => Float)
  value!: number;

  /** Read as `statedUnit` (one type per field name: Indicator.unit may be null); `unit` is its deprecated twin (TargetResolver). */
  @Field({ name: 'statedUnit', description: 'Unit as written, with its multiplier: %, 平方米, 万个, 亿平方米.' })
  unit!: string;

  /** Read as `comparison`; the deprecated `comparator` gives the stored symbol (TargetResolver). */
  @Field(() => ComparatorEnum, { name: 'comparison', description: 'How the commitment compares: 达到 13 is eq, 以上 gte, 左右 about.' })
  comparator!: Comparator;

  /** Read as `statedYear` (Observation.year is never null); `year` is its deprecated twin (TargetResolver). */
  @Field(() => Int, { name: 'statedYear', nullable: true, description: 'Target year when the text states one (到2025年).' })
  year!: number | null;
}
