import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { toGraph } from '../../src/ingest/to-graph';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { PROJECT_ROOT } from '../../src/project-root';
import { startTestApi, type TestApi } from '../helpers/api';
import { removePlan, testClient } from '../helpers/graph';
import { referenceData } from '../helpers/seed-document';
import { launchChromium, PAGE_WAIT_MS, seriousViolations, waitForView } from './browser';

/**
 * With a second plan loaded, the explorer offers a chooser: the seed plan by default, the other
 * one on choice (?plan=<id> in the address, the view kept), and an unknown plan is said so.
 */
jest.setTimeout(300_000);

const OTHER = 'test-changning-15th';
const FILE = join(PROJECT_ROOT, 'seed', 'other-plans', 'shanghai-changning-15th-five-year-plan.txt');

describe('the explorer’s plan chooser', () => {
  let client: GraphClient;
  let api: TestApi;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    client = await testClient();
    await removePlan(client, OTHER);
    await writePlan(client, toGraph(ingestPlan({ file: FILE, bytes: readFileSync(FILE), planId: OTHER, ...referenceData() })));
    api = await startTestApi();
    base = api.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await removePlan(client, OTHER);
    await client.close();
  });

  const open = async (path: string, ready: string): Promise<Page> => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    page.setDefaultTimeout(PAGE_WAIT_MS);
    await page.goto(`${base}${path}`);
    await waitForView(page, ready);
    return page;
  };

  it('shows the seed plan first and lists both plans', async () => {
    const page = await open('/explorer#source', '#source-text');
    expect(await page.locator('#plan-title').innerText()).toBe('重庆市新型城镇化规划(2021—2035 年)');
    expect(await page.locator('#plan-chooser').isVisible()).toBe(true);
    expect(await page.locator('#plan-choice').inputValue()).toBe(SEED_PLAN_ID);
    expect(await page.locator('#plan-choice option').allInnerTexts()).toEqual(
      expect.arrayContaining(['重庆市新型城镇化规划(2021—2035 年)', '《上海市长宁区国民经济和社会发展第十五个五年规划纲要》']),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('switches to the chosen plan and keeps the view', async () => {
    const page = await open('/explorer#source', '#source-text');
    await Promise.all([page.waitForURL(/[?&]plan=test-changning-15th/), page.selectOption('#plan-choice', OTHER)]);
    // The text arrives after the page: wait for it to show (a timeout fails the test).
    await page.locator('#source-text', { hasText: '全力服务上海“五个中心”建设' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#source');
    expect(await page.locator('#plan-title').innerText()).toBe('《上海市长宁区国民经济和社会发展第十五个五年规划纲要》');
    expect(await page.locator('#source-text').innerText()).toContain('全力服务上海“五个中心”建设');
    await page.close();
  });

  it('shows a district’s positioning, projects and pilot zones of the chosen plan only', async () => {
    // 专栏 of the seed: “忠县：建设渝东北绿色工业基地、…” (seed line 277). The Changning plan names no
    // Chongqing district, so its dossier of 忠县 has no positioning at all.
    const seed = await open('/explorer#dossier/忠县', '#dossier .card h3');
    expect(await seed.locator('#dossier').innerText()).toContain('建设渝东北绿色工业基地');
    await seed.close();
    const other = await open(`/explorer?plan=${OTHER}#dossier/忠县`, '#dossier .card h3');
    const text = await other.locator('#dossier').innerText();
    expect(text).not.toContain('建设渝东北绿色工业基地');
    expect(text).toContain('本规划专栏未列出该区县的功能定位。');
    await other.close();
  });

  it('says so when the address names no plan', async () => {
    const page = await open('/explorer?plan=no-such-plan#source', '#boot.not-found');
    expect(await page.locator('#boot').innerText()).toContain('没有编号为“no-such-plan”的规划。');
    await page.close();
  });
});
