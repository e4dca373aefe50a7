import type { BoxNode, PlanDocument, SourceSpan, TaskKind, TaskNode } from './document';
import type { NormalisedText } from './normalise';
import type { Block } from './segment';
import { compactDigits, readIndicatorRow, readTableHeader } from './parse-indicator-row';
import { transportItems } from './transport-items';

/**
 * Reads the entries of one box (专栏). A box's end is not marked in the text: the box takes
 * blocks while they have the form of its entries (table rows, `名称：...` entries, pilot zones
 * `名称。包括...`), and the first block of another form closes it.
 */

type SpanFn = (eId: string, start: number, end: number) => SourceSpan;

const COLON_ENTRY = /^([^，。：；,;:\t]{1,24})：/;
const PILOT_ZONE = /^([^，。：；]{2,40})。包括/;
const PILOT_FOCUS = /^试验重点：/;
const AREA = /总面积约?\s*([\d.]+)\s*(万)?\s*平方公里/;

const TASK_KIND: Record<BoxNode['kind'], TaskKind> = {
  indicators: 'indicator',
  projects: 'project',
  positioning: 'positioning',
  corridors: 'corridor',
  transport_projects: 'transport',
  renewal_projects: 'renewal',
  pilot_zones: 'pilot_zone',
};

export class BoxParser {
  private entries = 0;
  private group: string | null = null;
  private years = { baseline: 2020, target: 2025 };
  private lastTask: TaskNode | null = null;

  constructor(
    private readonly doc: PlanDocument,
    private readonly norm: NormalisedText,
    private readonly box: BoxNode,
    private readonly span: SpanFn,
  ) {
    const region = /^(.+?)各区县?功能定位/.exec(box.title);
    if (region) this.group = region[1];
  }

  accepts(block: Block): boolean {
    const t = block.text.trim();
    switch (this.box.kind) {
      case 'indicators':
        return block.kind === 'row';
      case 'pilot_zones':
        return block.kind === 'paragraph' && (PILOT_ZONE.test(t) || (PILOT_FOCUS.test(t) && this.lastTask !== null));
      default:
        return block.kind === 'group' || (block.kind === 'paragraph' && COLON_ENTRY.test(t));
    }
  }

  take(block: Block): void {
    const t = block.text.trim();
    if (block.kind === 'group') {
      this.group = block.title!;
      return;
    }
    if (this.box.kind === 'indicators') return this.takeRow(block);
    if (this.box.kind === 'pilot_zones') return this.takePilotZone(block, t);
    this.takeColonEntry(block, t);
  }

  finish(): void {
    if (this.entries === 0) {
      this.doc.warnings.push({ line: this.box.source.line, message: `box ${this.box.number} has no entries` });
    }
  }

  private boxEId(): string {
    return `box_${this.box.number}`;
  }

  private newTask(eId: string, start: number, end: number, group: string | null): TaskNode {
    const task: TaskNode = {
      id: `${this.doc.plan.id}/${eId}`,
      kind: TASK_KIND[this.box.kind],
      mood: null,
      text: this.norm.text.slice(start, end),
      measureId: null,
      boxId: this.box.id,
      order: this.entries,
      group,
      places: [],
      bodies: [],
      source: this.span(eId, start, end),
    };
    this.doc.tasks.push(task);
    this.lastTask = task;
    return task;
  }

  private takeRow(block: Block): void {
    const header = readTableHeader(block.text);
    if (header) {
      this.years = header;
      return;
    }
    const row = readIndicatorRow(block.text);
    if (!row) {
      this.doc.warnings.push({ line: block.line, message: `box ${this.box.number}: a table row that is not an indicator` });
      return;
    }
    this.entries++;
    const rowEId = `${this.boxEId()}__row_${row.number}`;
    const task = this.newTask(rowEId, block.start, block.end, null);
    const indicatorEId = `${this.boxEId()}__ind_${row.number}`;
    const indicatorId = `${this.doc.plan.id}/${indicatorEId}`;
    this.doc.indicators.push({
      id: indicatorId,
      boxId: this.box.id,
      taskId: task.id,
      number: row.number,
      name: row.name,
      unit: row.unit,
      baseline: row.baseline,
      baselineYear: this.years.baseline,
      target: row.target,
      targetText: row.targetText,
      targetComparator: row.comparator,
      targetYear: this.years.target,
      attribute: row.attribute,
      source: this.span(indicatorEId, block.start, block.end),
    });
    const targetStart = block.start + row.targetOffset;
    const targetEId = `${rowEId}__tgt_1`;
    this.doc.targets.push({
      id: `${this.doc.plan.id}/${targetEId}`,
      taskId: task.id,
      measureId: null,
      indicatorId,
      text: row.targetText,
      value: row.target,
      unit: row.unit ?? '',
      comparator: row.comparator,
      year: this.years.target,
      source: this.span(targetEId, targetStart, targetStart + row.targetText.length),
    });
  }

  private takeColonEntry(block: Block, t: string): void {
    this.entries++;
    const start = block.start + (block.text.length - block.text.trimStart().length);
    const entryEId = `${this.boxEId()}__entry_${this.entries}`;
    const name = COLON_ENTRY.exec(t)![1];
    const task = this.newTask(entryEId, start, block.end, this.box.kind === 'positioning' ? this.group : null);
    if (this.box.kind === 'projects' || this.box.kind === 'renewal_projects') {
      const area = AREA.exec(compactDigits(t));
      const projectEId = `${entryEId}__prj`;
      this.doc.projects.push({
        id: `${this.doc.plan.id}/${projectEId}`,
        boxId: this.box.id,
        taskId: task.id,
        kind: this.box.kind === 'projects' ? 'demonstration' : 'renewal',
        name,
        category: null,
        areaKm2: area ? Number(area[1]) * (area[2] ? 10_000 : 1) : null,
        places: [],
        source: this.span(projectEId, start, block.end),
      });
    }
    if (this.box.kind === 'transport_projects') {
      let k = 0;
      for (const item of transportItems(t.slice(name.length + 1))) {
        k++;
        const itemStart = start + name.length + 1 + item.start;
        const itemEId = `${entryEId}__item_${k}`;
        this.doc.projects.push({
          id: `${this.doc.plan.id}/${itemEId}`,
          boxId: this.box.id,
          taskId: task.id,
          kind: 'transport',
          name: item.name,
          category: name,
          areaKm2: null,
          places: [],
          source: this.span(itemEId, itemStart, itemStart + item.name.length),
        });
      }
    }
  }

  private takePilotZone(block: Block, t: string): void {
    const start = block.start + (block.text.length - block.text.trimStart().length);
    if (PILOT_FOCUS.test(t) && this.lastTask) {
      // The focus line belongs to the zone above: widen its task and zone to cover it.
      const task = this.lastTask;
      const zone = this.doc.pilotZones[this.doc.pilotZones.length - 1];
      task.text = this.norm.text.slice(task.source.start, block.end);
      task.source = this.span(task.source.path.slice(this.doc.plan.id.length + 1), task.source.start, block.end);
      zone.focus = t.replace(PILOT_FOCUS, '');
      return;
    }
    this.entries++;
    const entryEId = `${this.boxEId()}__entry_${this.entries}`;
    const task = this.newTask(entryEId, start, block.end, null);
    const name = PILOT_ZONE.exec(t)![1];
    const area = AREA.exec(compactDigits(t));
    this.doc.pilotZones.push({
      id: `${this.doc.plan.id}/${entryEId}__zone`,
      boxId: this.box.id,
      taskId: task.id,
      name,
      areaKm2: area ? Number(area[1]) * (area[2] ? 10_000 : 1) : null,
      members: [],
      focus: null,
      source: this.span(`${entryEId}__zone`, start, block.end),
    });
  }
}
