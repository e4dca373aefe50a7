import { mkdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { shape } from '../helpers/rows';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { PROJECT_ROOT } from '../../src/project-root';
import { startTestApi, type TestApi } from '../helpers/api';
import { testClient } from '../helpers/graph';
import { launchChromium, seriousViolations, SIZES, PAGE_WAIT_MS, waitForView } from './browser';

/**
 * Every view of the explorer at 1440×900 and 390×844: it renders, axe-core finds no serious or
 * critical WCAG 2.2 A/AA violation, and a screenshot goes to docs/screenshots/<view>-<size>.png.
 * Then the states (loading, empty, not found, errors in Chinese), keyboard paths, the CSV
 * download, the icon and the share link.
 */
jest.setTimeout(300_000);

const PLAN = SEED_PLAN_ID;
const SHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');

/** Each view: its hash and what shows that it has rendered. */
const VIEWS: { name: string; hash: string; ready: string }[] = [
  { name: 'heatmap', hash: '#heatmap?cell=万州~3', ready: '#cell-tasks li' },
  { name: 'search', hash: '#search?q=保障性租赁住房', ready: '#search-results li' },
  { name: 'dossier', hash: '#dossier/忠县', ready: '#dossier-bodies table' },
  { name: 'compare', hash: '#compare?places=万州、开州', ready: '#shared-tasks li' },
  { name: 'bodies', hash: '#bodies', ready: '.body-index li' },
  { name: 'body', hash: '#bodies/body/gov/500233', ready: '#portfolio-h' },
  { name: 'indicators', hash: '#indicators', ready: '.chart-card canvas' },
  { name: 'regions', hash: '#regions', ready: '#regions .bar' },
  { name: 'source', hash: `#source/${PLAN}/chp_3__sec_5__para_1__sent_3`, ready: '#source-text mark' },
  { name: 'not-found', hash: '#source/no-such-node', ready: '.state.not-found' },
];

describe.each(SIZES)('explorer views at $name ($width×$height)', (size) => {
  let api: TestApi;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  const external: string[] = [];

  const open = async (hash: string, ready: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${base}/explorer${hash}`);
    await waitForView(page, ready);
    return page;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    api = await startTestApi();
    base = api.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN', acceptDownloads: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    context.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) external.push(r.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it.each(VIEWS)('$name renders, passes axe-core and is photographed', async (view) => {
    const page = await open(view.hash, view.ready);
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing wider than the screen, except inside the scroll boxes that are meant for it.
    expect((await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(SHOTS, `${view.name}-${size.name}.png`) });
    await page.close();
  });

  it('speaks Chinese in its states: loading, an empty query, no hits, an unknown view, an unknown place', async () => {
    const page = await open('#search', '#search-form');
    await page.fill('#search-query', '   ');
    await page.click('#search-form button');
    expect(await page.locator('#search-error').innerText()).toBe('请输入检索词（不能只有空格）。');
    await page.goto(`${base}/explorer#search?q=${encodeURIComponent('不存在的词语组合甲乙丙')}`);
    await page.waitForSelector('#search-out .state.empty');
    expect(await page.locator('#search-out').innerText()).toContain('没有找到包含“不存在的词语组合甲乙丙”的内容。');
    await page.goto(`${base}/explorer#search?q=${encodeURIComponent('住房')}&place=${encodeURIComponent('不存在县')}`);
    await page.waitForSelector('#search-out .state.error');
    expect(await page.locator('#search-out .state.error p').first().innerText()).toBe('出错了：没有名为“不存在县”的区县或地点，请检查区县筛选。');
    await page.goto(`${base}/explorer#nowhere`);
    await page.waitForSelector('#missing .state.not-found');
    expect(await page.locator('#missing').innerText()).toContain('没有“nowhere”这个页面。');
    await page.goto(`${base}/explorer#compare?places=${encodeURIComponent('万州、不存在县')}`);
    await page.waitForSelector('#compare .state.not-found');
    expect(await page.locator('#compare').innerText()).toContain('没有名为“不存在县”的区县。');
    await page.close();
  });

  it('pages search results with the query in the URL', async () => {
    const page = await open(`#search?q=${encodeURIComponent('城市')}`, '#search-results li');
    const count = await page.locator('#search-count').innerText();
    const total = Number(/共 (\d+) 条结果/.exec(count)![1]);
    expect(total).toBeGreaterThan(20);
    expect(await page.locator('#search-results > li').count()).toBe(20);
    const firstPage = await page.locator('#search-results > li').allInnerTexts();
    await page.click('.pager a[rel="next"]');
    await page.waitForSelector('#search-count:has-text("第 2 /")');
    expect(page.url()).toContain('page=2');
    const secondPage = await page.locator('#search-results > li').allInnerTexts();
    expect(secondPage.length).toBe(Math.min(20, total - 20));
    expect(secondPage.some((t) => firstPage.includes(t))).toBe(false);
    expect(await page.locator('#search-results .kind').allInnerTexts()).not.toContain('Task');
    await page.close();
  });

  it('gives the heat map one tab stop and arrow keys that skip empty cells', async () => {
    const page = await open('#heatmap', '#heatmap .cell-button');
    expect(await page.locator('#heatmap [tabindex="0"]').count()).toBe(1);
    expect(await page.locator('#heatmap td.cell:not(:has(button)) [tabindex]').count()).toBe(0);
    await page.locator('#heatmap .cell-button[tabindex="0"]').focus();
    const before = (await page.evaluate('document.activeElement.getAttribute("aria-label")')) as string;
    await page.keyboard.press('ArrowDown');
    const after = (await page.evaluate('document.activeElement.getAttribute("aria-label")')) as string;
    expect(after).not.toBe(before);
    expect(after).toMatch(/：\d+ 项任务$/);
    await page.keyboard.press('Enter');
    await waitForView(page, '#cell-tasks li');
    // The list is announced, and focus and view move to it.
    expect((await page.evaluate('document.activeElement.closest("#cell-tasks") !== null')) as boolean).toBe(true);
    expect(await page.locator('#cell-tasks h2').isVisible()).toBe(true);
    const box = await page.locator('#cell-tasks h2').boundingBox();
    expect(box!.y).toBeLessThan(size.height);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(page.url()).toContain('cell=');
    await page.close();
  });

  it('counts the tasks that name a district’s region when asked, and keeps that in the URL', async () => {
    const client = await testClient();
    try {
      const [row] = await client.readRows(
        `MATCH (d:District {id: 'place/500238'})
         OPTIONAL MATCH (t:Task {planId: $p, chapterId: $c})-[:MENTIONS]->(d)
         WITH d, count(DISTINCT t) AS own
         OPTIONAL MATCH (d)-[:WITHIN*1..4]->(:Region)<-[:MENTIONS]-(u:Task {planId: $p, chapterId: $c}) WHERE NOT (u)-[:MENTIONS]->(d)
         RETURN own, count(DISTINCT u) AS region`,
        { p: PLAN, c: `${PLAN}/chp_3` },
        shape({ own: z.number(), region: z.number() }),
      );
      expect(row.region).toBeGreaterThan(0);
      const page = await open('#heatmap', '#heatmap .cell-button');
      const cell = page.locator(`#heatmap td[data-district="巫溪"][data-chapter="${PLAN}/chp_3"]`);
      expect(await cell.innerText()).toBe(row.own ? String(row.own) : '0');
      await page.selectOption('#heatmap-scope', 'region');
      await page.waitForSelector('#heatmap caption:has-text("含点名所在区域")');
      expect(await cell.innerText()).toBe(String(row.own + row.region));
      expect(page.url()).toContain('scope=region');
      await page.close();
    } finally {
      await client.close();
    }
  });

  it('downloads the view as CSV with a BOM', async () => {
    const page = await open('#compare?places=万州、开州', '#shared-tasks li');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare .download')]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('任务,章,原文,万州：关联词,开州：关联词,责任主体');
    await page.close();
  });

  it('draws the nine indicators of 专栏1 as charts and lists the targets', async () => {
    const page = await open('#indicators', '.chart-card canvas');
    // Read by hand: 专栏1 has nine indicator rows.
    expect(await page.locator('.chart-card canvas').count()).toBe(9);
    expect(await page.locator('.chart-card canvas').first().getAttribute('aria-label')).toMatch(/年基期|无基期值/);
    expect(await page.locator('#targets tbody tr').count()).toBeGreaterThan(9);
    await page.close();
  });

  it('serves an icon and fetched nothing from outside', async () => {
    const res = await fetch(`${base}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(external).toEqual([]);
  });
});

describe('the accessibility check itself', () => {
  it('reports a serious violation when there is one', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html lang="zh-CN"><title>t</title><main><input type="text"><p style="color:#ddd;background:#fff">浅色文字</p></main></html>');
      const found = await seriousViolations(page);
      expect(found.some((v) => v.startsWith('label '))).toBe(true);
      expect(found.some((v) => v.startsWith('color-contrast '))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
