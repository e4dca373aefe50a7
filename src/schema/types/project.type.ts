import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { ProjectKind } from '../../graph/read/values';
import { ProjectKindEnum } from '../enums/closed-sets.enum';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A project of a box: a demonstration project, a transport project, a renewal programme.' })
export class Project extends Node {
  @Field(() => ID)
  declare id: string;

  @Field()
  name!: string;

  /** Read as `projectKind` (one type per field name: Task.kind is a TaskKind); `kind` is its deprecated String twin (ProjectResolver). */
  @Field(() => ProjectKindEnum, { name: 'projectKind', description: 'What the project is.' })
  kind!: ProjectKind;

  @Field(() => String, { nullable: true, description: 'For transport projects: 铁路, 高速公路, 普通国省道.' })
  category!: string | null;

  @Field(() => Float, { nullable: true, description: 'Area in km² where the text gives one (总面积).' })
  areaKm2!: number | null;
}
