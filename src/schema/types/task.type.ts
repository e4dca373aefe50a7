import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject, TASK_KINDS, type TaskKind, type TaskMood } from '../../graph/read/values';
import { TaskMoodEnum } from '../enums/closed-sets.enum';
import { Node } from './node.interface';

export const TaskKindEnum = enumObject(TASK_KINDS);
registerEnumType(TaskKindEnum, {
  name: 'TaskKind',
  description: 'sentence: a sentence of a measure that asks for something; the others: an entry of a box of that kind.',
});

@ObjectType({ implements: Node, description: 'The unit that places and bodies attach to: a sentence of a measure, or an entry of a box.' })
export class Task extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => TaskKindEnum)
  kind!: TaskKind;

  @Field(() => TaskMoodEnum, { nullable: true, description: 'For sentences: directive (it asks for something to be done) or descriptive, read from its words; null for box entries.' })
  mood!: TaskMood | null;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'For positioning entries: the group they sit under, e.g. 同城化先行区.' })
  group!: string | null;

  @Field(() => Int, { description: 'Position within its measure or box, from 1.' })
  order!: number;

  @Field({ description: 'True when a re-ingested text no longer has this task; kept because monitoring records hang on it.' })
  retired!: boolean;
}
