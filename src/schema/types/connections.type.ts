import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ChapterRow, DistrictRow, LinkRow, PartialTaskRow, SearchableRow, TaskRow } from '../../graph/read/rows';
import { SearchHitNode } from './search-hit-node.union';
import { District } from './district.type';
import { Link } from './link.type';
import { PageInfo } from './page-info.type';
import { Task } from './task.type';
import { Chapter } from './chapter.type';
import { TextRange } from './text-range.type';

@ObjectType()
export class TaskEdge {
  @Field()
  cursor!: string;

  /** A partial row when the page was read with a projection (TaskPageArgs.properties). */
  @Field(() => Task)
  node!: TaskRow | PartialTaskRow;

  @Field(() => Link, { description: 'How the task is tied to the place, body or places the list hangs off.' })
  link!: LinkRow;
}

@ObjectType({ description: 'Relay connection of tasks in text order, with keyset cursors.' })
export class TaskConnection {
  @Field(() => [TaskEdge])
  edges!: TaskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Null only where the operation does not select it: the list is then not counted (task-connection.ts). */
  @Field(() => Int, { description: 'All tasks of the list, counted without reading them.' })
  totalCount!: number | null;
}

@ObjectType()
export class SearchHit {
  @Field(() => Float)
  score!: number;

  @Field({ description: 'The text of the node that matched.' })
  text!: string;

  @Field({ description: 'A snippet with the matches in <em>…</em>; the rest HTML-escaped (the opening of the text where no literal match is found).' })
  highlight!: string;

  @Field(() => [TextRange], { description: 'Where the terms occur in `text` (offsets into text; add source.start for the plan text).' })
  matches!: TextRange[];

  @Field(() => SearchHitNode)
  node!: SearchableRow;
}

@ObjectType()
export class SearchEdge {
  @Field()
  cursor!: string;

  @Field(() => SearchHit)
  node!: SearchHit;
}

@ObjectType({ description: 'How many hits a search has, counted up to a bound (as a search box shows "2,000+").' })
export class HitCount {
  @Field(() => Int, { description: 'The hits counted: all of them when `exact`, else a lower bound.' })
  value!: number;

  @Field({ description: 'Whether `value` is every hit. False when there are more than the server counts (SEARCH_HIT_COUNT_LIMIT, 2,000 by default).' })
  exact!: boolean;
}

@ObjectType()
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description:
      'Every hit, counted exactly. Reads every hit: a common term over many plans matches hundreds of thousands, and counting them costs more than the page. `hitCount` counts up to a bound instead.',
  })
  totalCount!: number;

  @Field(() => HitCount, {
    description:
      'The hits counted up to a bound; exact when there are no more. Without `totalCount`, a search reads only the best hits up to the bound, unless its page could reach past them (`last` without `before`, a page deep in the list): then it reads every hit, and the count is exact.',
  })
  hitCount!: HitCount;
}

@ObjectType({ description: 'A district and how many tasks it shares with another place.' })
export class SharedDistrict {
  @Field(() => District)
  district!: DistrictRow;

  @Field(() => Int)
  sharedTasks!: number;
}

@ObjectType({ description: 'A district that shares tasks with a place, and how many.' })
export class SharedDistrictEdge {
  @Field()
  cursor!: string;

  @Field(() => District)
  node!: DistrictRow;

  @Field(() => Int, { description: 'Tasks that name both the district and the place.' })
  sharedTasks!: number;
}

@ObjectType({ description: 'Relay connection of the districts that share tasks with a place, most shared tasks first (ties by code).' })
export class SharedDistrictConnection {
  @Field(() => [SharedDistrictEdge])
  edges!: SharedDistrictEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All districts that share at least one task with the place.' })
  totalCount!: number;
}

@ObjectType({ description: 'A district and how many tasks name it.' })
export class DistrictTaskCount {
  @Field(() => District)
  district!: DistrictRow;

  @Field(() => Int)
  taskCount!: number;
}

@ObjectType({ description: 'One cell of the district x chapter matrix: tasks of the chapter that name the district.' })
export class MatrixCell {
  @Field(() => District)
  district!: DistrictRow;

  @Field(() => Chapter)
  chapter!: ChapterRow;

  @Field(() => Int)
  taskCount!: number;
}

@ObjectType({ description: 'Task counts per district (rows) and chapter (columns) of a plan, for heat maps.' })
export class DistrictChapterMatrix {
  @Field(() => [District])
  districts!: DistrictRow[];

  @Field(() => [Chapter])
  chapters!: ChapterRow[];

  @Field(() => [MatrixCell], { description: 'Non-zero cells only.' })
  cells!: MatrixCell[];
}
