import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { PROJECT_ROOT } from '../../src/project-root';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * The explorer in a real browser: Debian's headless Chromium driven by playwright-core (never a
 * browser download). Screenshots go to test-artifacts/screenshots.
 */
jest.setTimeout(120_000);

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(PROJECT_ROOT, 'test-artifacts', 'screenshots');

describe('explorer page', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let base: string;
  const external: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`);
    mkdirSync(SHOTS, { recursive: true });
    api = await startTestApi();
    base = api.url.replace('/graphql', '');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) external.push(r.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('shows the district x chapter heat map, and a cell opens its tasks with quotes', async () => {
    await page.goto(`${base}/explorer#heatmap`);
    await page.waitForSelector('#heatmap td.cell');
    expect(await page.locator('#heatmap tr').count()).toBe(39); // header + 38 districts
    await page.screenshot({ path: join(SHOTS, 'heatmap.png'), fullPage: false });
    await page.locator(`#heatmap td.cell[data-district="万州"][data-chapter="${SEED_PLAN_ID}/chp_3"]`).click();
    await page.waitForSelector('#cell-tasks li');
    const text = await page.locator('#cell-tasks').innerText();
    expect(text).toContain('万州区 · 第3章');
    expect(text).toContain('提及“万州”');
    await page.locator('#cell-tasks').screenshot({ path: join(SHOTS, 'heatmap-cell.png') });
  });

  it('searches with highlighted snippets and filters', async () => {
    await page.goto(`${base}/explorer#search`);
    await page.fill('#search-query', '保障性租赁住房');
    await page.selectOption('#search-kind', 'Task');
    await page.click('#search-form button');
    await page.waitForSelector('#search-results li em');
    expect(await page.locator('#search-results li em').first().innerText()).toBe('保障性租赁住房');
    expect(await page.locator('#search-count').innerText()).toMatch(/共 \d+ 条结果/);
    await page.screenshot({ path: join(SHOTS, 'search.png') });
  });

  it('opens a district dossier', async () => {
    await page.goto(`${base}/explorer#dossier/忠县`);
    await page.waitForSelector('#dossier .card h3');
    const text = await page.locator('#dossier').innerText();
    expect(text).toContain('忠县（500233）');
    expect(text).toContain('功能定位');
    expect(text).toContain('建设渝东北绿色工业基地');
    expect(text).toContain('G348忠县县城至涂井');
    expect(text).toContain('市级城乡融合发展先行示范区');
    await page.screenshot({ path: join(SHOTS, 'dossier.png'), fullPage: true });
  });

  it('opens the source text at a node, highlighted, with a link to share', async () => {
    await page.locator('#dossier a.source-link').first().click();
    await page.waitForSelector('#source-text mark');
    const mark = await page.locator('#source-text mark').innerText();
    expect(mark.length).toBeGreaterThan(5);
    expect(await page.locator('#source-info').innerText()).toMatch(/原文第 \d+/);
    expect(page.url()).toContain('#source/');
    await page.screenshot({ path: join(SHOTS, 'source.png') });
  });

  it('shows 一区两群 with the districts of each region and their task counts', async () => {
    await page.goto(`${base}/explorer#regions`);
    await page.waitForSelector('#regions .card .bar');
    const text = await page.locator('#regions').innerText();
    expect(text).toContain('渝东南武陵山区城镇群');
    expect(text).toContain('黔江');
    await page.screenshot({ path: join(SHOTS, 'regions.png'), fullPage: true });
  });

  it('is readable on a phone and fetches nothing from outside', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/explorer#dossier/石柱`);
    await page.waitForSelector('#dossier .card h3');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as number;
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(SHOTS, 'phone-dossier.png') });
    expect(external).toEqual([]);
  });
});
