import type { RowShape } from '../decode';
import { listBatch, type BatchRead } from './batch';
import { BoxRow, ChapterRow, IndicatorRow, keyed, MeasureRow, PartRow, PilotZoneRow, ProjectRow, SectionRow, TargetRow, TaskRow } from './rows';

/** The labels whose nodes hang off a parent through PART_OF (fixed list: never from input). */
export type ChildLabel = 'Part' | 'Chapter' | 'Section' | 'Measure' | 'Task' | 'Box' | 'Indicator' | 'Project' | 'PilotZone';

/** Direct children of each parent, in text order. */
export const childrenOf = (label: ChildLabel): string => `
UNWIND $ids AS id
MATCH (n:${label})-[:PART_OF]->(:Entity {id: id})
WITH id, n ORDER BY n.sourceStart
RETURN id AS key, n {.*} AS value`;

/** Every node of a label in each plan, in text order. */
export const planMembers = (label: ChildLabel | 'Target'): string => `
UNWIND $ids AS id
MATCH (n:Entity {planId: id}) WHERE n:${label}
WITH id, n ORDER BY n.sourceStart
RETURN id AS key, n {.*} AS value`;

/** All measures of each chapter, its sections' included, in text order. */
export const MEASURES_OF_CHAPTERS = `
UNWIND $ids AS id
MATCH (n:Measure {chapterId: id})
WITH id, n ORDER BY n.sourceStart
RETURN id AS key, n {.*} AS value`;

/** The row of a node of each label. */
interface ChildRows {
  Part: PartRow;
  Chapter: ChapterRow;
  Section: SectionRow;
  Measure: MeasureRow;
  Task: TaskRow;
  Box: BoxRow;
  Indicator: IndicatorRow;
  Target: TargetRow;
  Project: ProjectRow;
  PilotZone: PilotZoneRow;
}
export type ChildRowOf<L extends keyof ChildRows> = ChildRows[L];

/** The row shape of each label's nodes, keyed by the parent (or plan) id. */
const CHILD_ROWS: { [L in keyof ChildRows]: RowShape<{ key: string; value: ChildRows[L] }> } = {
  Part: keyed('Part', PartRow),
  Chapter: keyed('Chapter', ChapterRow),
  Section: keyed('Section', SectionRow),
  Measure: keyed('Measure', MeasureRow),
  Task: keyed('Task', TaskRow),
  Box: keyed('Box', BoxRow),
  Indicator: keyed('Indicator', IndicatorRow),
  Target: keyed('Target', TargetRow),
  Project: keyed('Project', ProjectRow),
  PilotZone: keyed('PilotZone', PilotZoneRow),
};

/** Rows of `label` per id, for a query of this file over that label. */
export function childBatch<L extends ChildLabel | 'Target'>(label: L, cypher: string): BatchRead<{ key: string; value: ChildRows[L] }, ChildRows[L][]> {
  return listBatch(`children:${label}`, cypher, CHILD_ROWS[label]);
}
