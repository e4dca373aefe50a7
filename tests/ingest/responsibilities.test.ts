import { readFileSync } from 'node:fs';
import { IngestError } from '../../src/ingest/ingest-error';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { readCuratedLinks } from '../../src/ingest/curated-responsibilities';
import { CURATED_LINKS_FILE, SEED_PLAN_FILE } from '../../src/ingest/seed-data';
import { referenceData, SEED_TEXT_BYTES } from '../helpers/seed-document';

describe('responsible bodies', () => {
  const csv = readFileSync(CURATED_LINKS_FILE, 'utf8');
  const doc = ingestPlan({ file: SEED_PLAN_FILE, bytes: SEED_TEXT_BYTES(), planId: 'seed', ...referenceData(), curatedLinks: { file: CURATED_LINKS_FILE, csv } });

  it('the curated file gives every measure of chapters 3-9 exactly one lead', () => {
    const directive = doc.measures.filter((m) => Number(/chp_(\d+)/.exec(m.id)?.[1]) >= 3);
    expect(directive).toHaveLength(85);
    for (const m of directive) {
      const leads = doc.curated.filter((c) => c.measureId === m.id && c.role === 'lead');
      expect({ measure: m.id, leads: leads.length }).toEqual({ measure: m.id, leads: 1 });
    }
  });

  it('no curated link claims basis text, and every one has a rationale', () => {
    const rows = csv.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.length).toBe(doc.curated.length);
    expect(rows.every((r) => r[3] === 'curated')).toBe(true);
    expect(doc.curated.every((c) => c.basis === 'curated' && c.rationale.length > 0)).toBe(true);
  });

  it('refuses a curated row that claims the text, with its line', () => {
    const bad = `measure_id,body_id,role,basis,rationale\nchp_4__sec_1__para_1,body/public-security-bureau,lead,text,户籍由公安负责\n`;
    expect(() => readCuratedLinks('bad.csv', bad, doc)).toThrow(IngestError);
    expect(() => readCuratedLinks('bad.csv', bad, doc)).toThrow('bad.csv:2:1: basis must be curated, not "text"');
  });

  it('links the bodies the text names with their quote, and district governments by a stated rule', () => {
    const conference = doc.tasks.find((t) => t.text.startsWith('依托重庆市城镇化工作暨城乡融合发展工作联席会议'))!;
    expect(conference.bodies).toEqual([expect.objectContaining({ bodyId: 'body/urbanization-joint-conference', basis: 'text', quote: '重庆市城镇化工作暨城乡融合发展工作联席会议' })]);
    const zhong = doc.tasks.find((t) => t.text === '支持垫江、忠县、彭水开展国家县城新型城镇化建设示范。')!;
    const derived = zhong.bodies.filter((b) => b.basis === 'derived');
    expect(derived.map((b) => b.bodyId)).toEqual(['body/gov/500231', 'body/gov/500233', 'body/gov/500243']);
    expect(derived[1]).toMatchObject({ quote: '忠县', role: 'deliver' });
    expect(derived[1].rationale).toContain('区县政府');
    expect(doc.bodies.find((b) => b.id === 'body/gov/500240')!.name).toBe('石柱土家族自治县人民政府');
  });
});
