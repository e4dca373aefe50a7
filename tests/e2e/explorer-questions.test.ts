import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { RowShape } from '../../src/graph/decode';
import { shape } from '../helpers/rows';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { PROJECT_ROOT } from '../../src/project-root';
import type { GraphClient } from '../../src/graph/graph-client';
import { startTestApi, type TestApi } from '../helpers/api';
import { testClient } from '../helpers/graph';
import { launchChromium, SIZES, PAGE_WAIT_MS } from './browser';

/**
 * The five questions a policy researcher brought to the explorer, at 1440×900 and 390×844, each
 * from the landing page in at most three actions (a click, a fill, a key press or a choice each
 * count as one). Expected answers come from Cypher written here or from the seed text. The time
 * from the first action to the answer on screen is written to test-artifacts/explorer-questions.json.
 */
jest.setTimeout(300_000);

const PLAN = SEED_PLAN_ID;
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');

interface Timing {
  question: string;
  size: string;
  actions: number;
  ms: number;
}

describe.each(SIZES)('the five questions at $name ($width×$height)', (size) => {
  let api: TestApi;
  let client: GraphClient;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  const external: string[] = [];
  const timings: Timing[] = [];

  const rows = async <T>(cypher: string, params: Record<string, unknown>, rowShape: RowShape<T>): Promise<T[]> => client.readRows(cypher, { p: PLAN, ...params }, rowShape);

  /** Opens the landing page and counts the actions until `answer` resolves. */
  async function ask(question: string, steps: (page: Page, act: <T>(step: Promise<T>) => Promise<T>) => Promise<void>): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/explorer`);
    await page.waitForSelector('#heatmap .cell-button');
    let actions = 0;
    const started = Date.now();
    await steps(page, (step) => {
      actions += 1;
      return step;
    });
    timings.push({ question, size: size.name, actions, ms: Date.now() - started });
    expect(actions).toBeLessThanOrEqual(3);
    return page;
  }

  beforeAll(async () => {
    api = await startTestApi();
    base = api.url.replace(/\/graphql$/, '');
    client = await testClient();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    context.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) external.push(r.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await client?.close();
    await api?.stop();
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'explorer-questions.json');
    let previous: Timing[] = [];
    try {
      previous = (JSON.parse(readFileSync(file, 'utf8')) as Timing[]).filter((t) => t.size !== size.name);
    } catch {
      previous = [];
    }
    writeFileSync(file, JSON.stringify([...previous, ...timings], null, 2) + '\n');
  });

  it('1. which districts carry most tasks of chapter 3: one choice sorts the heat map', async () => {
    // Tasks of chapter 3 that name each district, counted here.
    const [top] = await rows(
      `MATCH (t:Task {planId: $p, chapterId: $c})-[:MENTIONS]->(d:District) WITH d, count(DISTINCT t) AS n
       RETURN d.shortName AS name, n ORDER BY n DESC, d.code LIMIT 1`,
      { c: `${PLAN}/chp_3` }, shape({ name: z.string(), n: z.number() }));
    const page = await ask('哪些区县承担第3章任务最多', async (p, act) => {
      await act(p.selectOption('#heatmap-sort', 'chp3'));
      await p.waitForSelector('#heatmap th[aria-sort="descending"]');
    });
    const first = page.locator('#heatmap tbody tr').first();
    expect(await first.locator('th').innerText()).toBe(top.name);
    expect(await first.locator(`td[data-chapter="${PLAN}/chp_3"]`).innerText()).toBe(String(top.n));
    expect(page.url()).toContain('sort=chp3');
    await page.close();
  });

  it('2. find a topic and open its source: search from the header, open the first hit', async () => {
    const page = await ask('找到“保障性租赁住房”并打开原文', async (p, act) => {
      await act(p.fill('#quick-q', '保障性租赁住房'));
      await act(p.press('#quick-q', 'Enter'));
      await p.waitForSelector('#search-results li');
      await act(p.locator('#search-results li a.source-link').first().click());
      await p.waitForSelector('#source-text mark');
    });
    expect(await page.locator('#source-text mark').innerText()).toContain('保障性租赁住房');
    expect(await page.locator('#source-crumbs').innerText()).toMatch(/第\d+章/);
    await page.close();
  });

  it('3. share a link to a task: open a cell, open its source, copy the link', async () => {
    const page = await ask('复制一条任务的分享链接', async (p, act) => {
      await act(p.locator('#heatmap td[data-district="万州"] .cell-button').first().click());
      await p.waitForSelector('#cell-tasks li');
      await act(p.locator('#cell-tasks a.source-link').first().click());
      await p.waitForSelector('#source-info .copy');
      await act(p.click('#source-info .copy'));
      await p.waitForSelector('#source-info .copy-status:has-text("已复制")');
    });
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied).toMatch(new RegExp(`^${base.replace(/[.]/g, '\\.')}/explorer#source/${PLAN}/`));
    const quote = await page.locator('#source-text mark').innerText();
    const other = await context.newPage();
    await other.goto(copied);
    await other.waitForSelector('#source-text mark');
    expect(await other.locator('#source-text mark').innerText()).toBe(quote);
    await other.close();
    await page.close();
  });

  it('4. which bodies are responsible for 忠县’s tasks, and on what basis: open its dossier', async () => {
    // Every body linked to a task naming 忠县, on the task itself or on its measure, with the
    // basis; of the district governments derived from the names in a task, only 忠县's own.
    const expected = await rows(
      `MATCH (t:Task {planId: $p})-[:MENTIONS {basis: 'text'}]->(:District {id: 'place/500233'})
       CALL (t) {
         MATCH (t)-[r:RESPONSIBLE]->(b:Body) RETURN b, r
         UNION
         MATCH (t)-[:PART_OF]->(:Measure)-[r:RESPONSIBLE]->(b:Body) RETURN b, r
       }
       WITH b, r WHERE r.basis <> 'derived' OR b.governs = 'place/500233'
       RETURN DISTINCT b.name AS name, r.basis AS basis ORDER BY name, basis`, {}, shape({ name: z.string(), basis: z.string() }));
    const page = await ask('忠县任务的责任主体及依据', async (p, act) => {
      await act(p.click('nav a[data-view="dossier"]'));
      await act(p.selectOption('#dossier-district', '忠县'));
      await p.waitForSelector('#dossier h2:has-text("忠县（500233）")');
      await p.waitForSelector('#dossier-bodies table');
    });
    const label: Record<string, string> = { text: '原文', derived: '推定', curated: '人工' };
    const shown = await page.locator('#dossier-bodies tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.querySelector('th')!.textContent}|${tr.querySelector('.basis')!.textContent}`));
    expect(shown.sort()).toEqual(expected.map((e) => `${e.name}|${label[e.basis]}`).sort());
    // The seed's curated file gives 县城新型城镇化建设示范 (chp_3__sec_5__para_1) to 市发展改革委; 忠县 is named there.
    expect(shown).toContain('市发展改革委|人工');
    expect(shown).toContain('忠县人民政府|推定');
    expect(shown.filter((b) => b.endsWith('|推定'))).toEqual(['忠县人民政府|推定']);
    // Every task in the list shows its bodies with the basis tag.
    const tasks = page.locator('#dossier-tasks .tasks > li');
    expect(await tasks.count()).toBe(7);
    for (const text of await tasks.allInnerTexts()) expect(text).toMatch(/责任主体（\d+）：[\s\S]*(原文|推定|人工)/);
    await page.close();
  });

  it('5. which tasks do 万州 and 开州 share: the compare view', async () => {
    const [shared] = await rows(
      `MATCH (a:District {id: 'place/500101'}), (b:District {id: 'place/500154'})
       MATCH (t:Task {planId: $p}) WHERE (t)-[:MENTIONS]->(a) AND (t)-[:MENTIONS]->(b)
       RETURN count(t) AS n`, {}, shape({ n: z.number() }));
    const page = await ask('万州与开州的共同任务', async (p, act) => {
      await act(p.click('nav a[data-view="compare"]'));
      await act(p.fill('#compare-places', '万州、开州'));
      await act(p.press('#compare-places', 'Enter'));
      await p.waitForSelector('#shared-tasks');
    });
    expect(shared.n).toBeGreaterThan(0);
    expect(await page.locator('#compare-title').innerText()).toBe(`万州、开州：共同任务 ${shared.n} 项`);
    const items = await page.locator('#shared-tasks > li').allInnerTexts();
    expect(items).toHaveLength(shared.n);
    // Each shared task says which words link each district (万达开 stands for 万州, 达州 and 开州).
    for (const item of items) expect(item).toMatch(/万州：经“[^”]+”关联[\s\S]*开州：经“[^”]+”关联/);
    expect(await page.locator('details.alone summary').allInnerTexts()).toEqual([expect.stringMatching(/^万州区单独承担的任务（\d+ 项）$/), expect.stringMatching(/^开州区单独承担的任务（\d+ 项）$/)]);
    expect(page.url()).toContain('#compare?places=');
    await page.close();
  });

  it('fetched nothing from outside', () => {
    expect(external).toEqual([]);
  });
});
