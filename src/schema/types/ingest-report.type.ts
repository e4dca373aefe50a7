import { Field, Int, ObjectType } from 'type-graphql';
import type { IngestWarningKind } from '../../graph/read/values';
import { IngestWarningKindEnum } from '../enums/closed-sets.enum';

@ObjectType({ description: 'A doubt of the ingestion, at its line of the source file.' })
export class IngestWarning {
  @Field(() => Int, { description: '1-based line of the source file.' })
  line!: number;

  @Field(() => IngestWarningKindEnum)
  kind!: IngestWarningKind;

  @Field()
  message!: string;
}

@ObjectType({ description: 'How many of each kind of node ingestion found.' })
export class IngestCounts {
  @Field(() => Int) parts!: number;
  @Field(() => Int) chapters!: number;
  @Field(() => Int) sections!: number;
  @Field(() => Int) measures!: number;
  @Field(() => Int) boxes!: number;
  @Field(() => Int) tasks!: number;
  @Field(() => Int, { description: 'Tasks that are sentences which direct (要, 加快, 推进 …).' }) directiveTasks!: number;
  @Field(() => Int, { description: 'Tasks that are sentences which describe (in a chapter that mostly directs).' }) descriptiveTasks!: number;
  @Field(() => Int) indicators!: number;
  @Field(() => Int) targets!: number;
  @Field(() => Int) projects!: number;
  @Field(() => Int) pilotZones!: number;
  @Field(() => Int, { description: 'Links from tasks to places.' }) placeLinks!: number;
  @Field(() => Int, { description: 'Distinct places that tasks link to.' }) linkedPlaces!: number;
}

@ObjectType({ description: 'How ingestion read the layout of the file.' })
export class IngestLayout {
  @Field(() => Int, { nullable: true, description: 'Width (in ems) the file is hard-wrapped at, when it is.' })
  wrapWidth!: number | null;

  @Field(() => Int, { description: 'Lines joined to the line before (wraps, page ends).' })
  joinedLines!: number;

  @Field(() => Int, { description: 'Lines left out as page furniture (page numbers, running titles).' })
  furnitureLines!: number;
}

@ObjectType({ description: 'What ingestion made of the plan text: counts, layout and warnings with their lines.' })
export class IngestReport {
  @Field({ description: 'The source file’s name.' })
  file!: string;

  @Field(() => IngestCounts)
  counts!: IngestCounts;

  @Field(() => IngestLayout)
  layout!: IngestLayout;

  @Field(() => [IngestWarning])
  warnings!: IngestWarning[];
}
