import { IngestError } from '../../src/ingest/ingest-error';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { planText, referenceData } from '../helpers/seed-document';

const ingest = (bytes: Uint8Array) => ingestPlan({ file: 'input.txt', bytes, planId: 't', ...referenceData() });

function failure(bytes: Uint8Array): IngestError {
  try {
    ingest(bytes);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('malformed input', () => {
  it('refuses an empty file at 1:1', () => {
    const e = failure(new Uint8Array());
    expect([e.line, e.column]).toEqual([1, 1]);
    expect(e.message).toBe('input.txt:1:1: the file is empty; expected the text of a plan');
  });

  it('refuses a binary file where its first NUL byte is', () => {
    const e = failure(Buffer.concat([Buffer.from('第一章 规划\n背景', 'utf8'), Buffer.from([0x00, 0x01, 0x02])]));
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.reason).toMatch(/binary/);
  });

  it('refuses another encoding (GB18030 bytes) with line and column', () => {
    // "第一章" is fine UTF-8; then 规划 in GB18030 (B9E6 BBAE) on line 2.
    const e = failure(Buffer.concat([Buffer.from('第一章 总则\nab', 'utf8'), Buffer.from([0xb9, 0xe6, 0xbb, 0xae])]));
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.reason).toMatch(/not valid UTF-8/);
  });

  it('refuses a text that is not a plan', () => {
    const e = failure(planText(['Hello world', '', 'This is a README.']));
    expect(e.reason).toMatch(/no chapter heading/);
  });

  it('reads a plan whose chapters skip a number, with a warning at the heading', () => {
    const doc = ingest(planText(['第一章 总则', '', '坚持党的领导。加强领导。', '', '第三章 保障', '', '强化保障。完善机制。']));
    expect(doc.chapters.map((c) => c.number)).toEqual([1, 3]);
    expect(doc.warnings).toEqual([{ line: 5, message: expect.stringMatching(/chapter 3 after chapter 1 \(expected 2\)/) }]);
  });

  it('parses a minimal plan built from lines', () => {
    const doc = ingest(planText(['第一章 总体要求', '', '坚持党的领导。加强领导。', '', '第二章 主要任务', '', '第一节 推进落户', '', '深化户籍制度改革。支持万州、忠县放开落户限制。完善服务。']));
    expect(doc.chapters).toHaveLength(2);
    // Tasks come from every chapter that directs, whatever its title (加强领导 directs).
    expect(doc.tasks.map((t) => [t.id, t.mood])).toEqual([
      ['t/chp_1__para_1__sent_1', 'directive'],
      ['t/chp_2__sec_1__para_1__sent_1', 'directive'],
      ['t/chp_2__sec_1__para_1__sent_2', 'directive'],
    ]);
    expect(doc.tasks[1].places.map((p) => p.placeId)).toEqual(['place/500101', 'place/500233']);
  });
});
