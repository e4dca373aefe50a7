import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { PROJECT_ROOT } from '../../src/project-root';
import { planText, referenceData } from '../helpers/seed-document';

const ingest = (lines: string[]) => ingestPlan({ file: 'plan.txt', bytes: planText(lines), planId: 't', ...referenceData() });

describe('the ingest report', () => {
  const lines = [
    '某市城市更新规划', // 1
    '第一章 主要任务', // 2
    '加快老旧小区改造。推进城市更新，', // 3: a sentence cut by a page end the text marks with a heading-like line
    '第三章 保障措施', // 4: chapter 2 is missing
    '强化组织领导。完善工作机制。', // 5
    '重点项目清单', // 6: a short line without sentence marks
    '加强资金保障。落实配套政策。', // 7
  ];
  const doc = ingest(lines);

  it('counts what it found and says how it read the layout', () => {
    expect(doc.report!.counts).toMatchObject({ parts: 0, chapters: 2, sections: 0, measures: 4, tasks: 4 });
    expect(doc.report!.layout).toEqual({ wrapWidth: null, joinedLines: 0, furnitureLines: 0 });
  });

  it('gives each doubt its line of the file', () => {
    expect(doc.report!.warnings.map((w) => [w.line, w.kind])).toEqual([
      [3, 'fragment'],
      [4, 'numbering'],
      [6, 'unknown_heading'],
    ]);
  });

  it('prints the warnings as file:line and refuses with --strict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-report-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, lines.join('\n'));
    const cli = join(PROJECT_ROOT, 'dist/src/ingest/cli.js');
    const strict = spawnSync(process.execPath, [cli, file, '--dry-run', '--strict'], { encoding: 'utf8' });
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain(`${file}:4: numbering: `);
    expect(strict.stderr).toContain('The database was not changed.');
    expect(strict.stdout).toBe('');
    const lenient = spawnSync(process.execPath, [cli, file, '--dry-run'], { encoding: 'utf8' });
    expect(lenient.status).toBe(0);
    expect(JSON.parse(lenient.stdout).report.warnings).toHaveLength(3);
  });
});
