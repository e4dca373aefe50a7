import type { PlanDocument } from '../../src/ingest/document';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { referenceData, SEED_TEXT_BYTES, seedDocument } from '../helpers/seed-document';
import { RUNNING_TITLE, seedVariant, withoutNoise, type VariantOptions } from '../helpers/seed-variants';

/**
 * The same plan, extracted differently, is the same plan: every variant of the seed must give
 * the seed's chapters, sections, measures, boxes, tasks and place links, under the same ids.
 */
const seed = seedDocument();
const seedText = SEED_TEXT_BYTES().toString('utf8');

function ingestVariant(options: VariantOptions): { doc: PlanDocument; source: string } {
  const source = seedVariant(seedText, options);
  const doc = ingestPlan({ file: 'variant.txt', bytes: Buffer.from(source, 'utf8'), planId: 'seed', ...referenceData() });
  return { doc, source };
}

const isFurniture = (line: string) => line === RUNNING_TITLE || /^(— \d+ —|- \d+ -|第\d+页)$/.test(line);

const structure = (doc: PlanDocument) => ({
  chapters: doc.chapters.map((c) => [c.id, withoutNoise(c.title)]),
  sections: doc.sections.map((s) => [s.id, withoutNoise(s.title)]),
  measures: doc.measures.map((m) => [m.id, m.title === null ? null : withoutNoise(m.title), withoutNoise(m.text)]),
  boxes: doc.boxes.map((b) => [b.id, b.kind, withoutNoise(b.title)]),
});
const tasks = (doc: PlanDocument) => doc.tasks.map((t) => [t.id, t.kind, withoutNoise(t.text), t.group === null ? null : withoutNoise(t.group)]);
const placeLinks = (doc: PlanDocument) => doc.tasks.map((t) => [t.id, t.places.map((m) => `${m.placeId}@${withoutNoise(m.quote)}`)]);
const boxContents = (doc: PlanDocument) => ({
  projects: doc.projects.map((p) => [p.id, withoutNoise(p.name), p.areaKm2, p.places.map((m) => m.placeId)]),
  pilotZones: doc.pilotZones.map((z) => [z.id, withoutNoise(z.name), z.members.map((m) => m.placeId)]),
  indicators: doc.indicators.map((i) => [i.id, withoutNoise(i.name), i.baseline, i.target, i.targetComparator]),
});

const VARIANTS: [string, VariantOptions][] = [
  ['wrapped at 30 ems', { width: 30 }],
  ['wrapped at 38 ems, page numbers and running titles every 42 lines, no contents', { width: 38, pageLines: 42, dropToc: true }],
  ['wrapped at 50 ems, page furniture every 40 lines', { width: 50, pageLines: 40 }],
  ['punctuation widths swapped', { swapPunctuation: true }],
  ['digits spaced as OCR leaves them', { spaceDigits: true }],
  ['everything at once, wrapped at 30', { width: 30, pageLines: 40, dropToc: true, swapPunctuation: true, spaceDigits: true }],
  ['everything at once, wrapped at 38', { width: 38, pageLines: 38, dropToc: true, swapPunctuation: true, spaceDigits: true }],
];

describe.each(VARIANTS)('a variant of the seed: %s', (_name, options) => {
  const { doc, source } = ingestVariant(options);

  it('really is another layout', () => {
    expect(source).not.toBe(seedText);
    if (options.width) expect(source.split('\n').length).toBeGreaterThan(seedText.split('\n').length);
  });

  it('gives the same chapters, sections, measures and boxes', () => {
    expect(structure(doc)).toEqual(structure(seed));
  });

  it('gives the same tasks, in the same order', () => {
    expect(doc.tasks).toHaveLength(409);
    expect(tasks(doc)).toEqual(tasks(seed));
  });

  it('gives the same place links', () => {
    expect(placeLinks(doc)).toEqual(placeLinks(seed));
  });

  it('gives the same projects, pilot zones and indicators', () => {
    expect(boxContents(doc)).toEqual(boxContents(seed));
  });

  it('gives the same targets, with their values and years', () => {
    const targets = (d: PlanDocument) => d.targets.map((t) => [t.id, t.value, withoutNoise(t.unit), t.comparator, t.year, withoutNoise(t.text)]);
    expect(targets(doc)).toEqual(targets(seed));
  });

  it('keeps the title and the preamble', () => {
    expect(withoutNoise(doc.plan.title)).toBe(withoutNoise(seed.plan.title));
    expect(doc.measures[0].id).toBe('seed/preface__para_1');
  });

  it('quotes the served text and maps every quote back to the lines of its source', () => {
    // Lines of page furniture lie between the lines of a quote in the source: the check skips them.
    const sourceLines = source.split('\n').map((l) => (isFurniture(l) ? '' : l));
    for (const t of doc.tasks) {
      expect(doc.text.slice(t.source.start, t.source.end)).toBe(t.source.quote);
      // The quote, without the line breaks the normaliser removed, runs over lines line..endLine of the source.
      const span = sourceLines.slice(t.source.line - 1, t.source.endLine).join('');
      expect(span.replace(/\s+/g, '')).toContain(t.source.quote.replace(/\s+/g, ''));
    }
  });

  it('leaves no page furniture in the served text', () => {
    expect(doc.text.split('\n').filter(isFurniture)).toEqual([]);
    if (options.pageLines) expect(source.split('\n').filter(isFurniture).length).toBeGreaterThan(30);
  });
});
