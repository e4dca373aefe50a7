import { createUnionType } from 'type-graphql';
import { Indicator } from './indicator.type';
import { Measure } from './measure.type';
import { Project } from './project.type';
import { Target } from './target.type';
import { Task } from './task.type';

/** What search can find (the labels of its full-text index), so a client handles five kinds, not every Node. */
export const SearchHitNode = createUnionType({
  name: 'SearchHitNode',
  description: 'A node that search finds: a measure, task, indicator, target or project.',
  types: () => [Measure, Task, Indicator, Target, Project] as const,
  // The values are SearchableRows (src/graph/read/search.ts), decoded with their nodeType.
  resolveType: (value: object) => ('nodeType' in value && typeof value.nodeType === 'string' ? value.nodeType : undefined),
});
