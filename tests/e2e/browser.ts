import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-root';

/**
 * Debian's headless Chromium driven by playwright-core (never a browser download), and axe-core
 * run inside the page. Shared by the explorer's browser tests.
 */

export const CHROMIUM = '/usr/bin/chromium';

/** How long a page may take to show something: generous, for a machine busy with other work. */
export const PAGE_WAIT_MS = 90_000;

/**
 * Waits until `ready` shows, and fails with the page's own words when an error state shows
 * instead: a view that answered with an error would otherwise wait out PAGE_WAIT_MS in silence.
 */
export async function waitForView(page: Page, ready: string): Promise<void> {
  const shown = await page.waitForSelector(`${ready}, .state.error`);
  const error = await shown.evaluate((n) => (n.matches('.state.error') ? n.textContent : null));
  if (error !== null) throw new Error(`the view showed an error instead of ${ready}: ${error}`);
}

export const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk); .ci/run does`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE = join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** WCAG 2.0-2.2 A and AA rules; the violations that are serious or critical, as id: targets. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's CSP rightly refuses inline scripts.
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] }).then((r) => r.violations)`)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
