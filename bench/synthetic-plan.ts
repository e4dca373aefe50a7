import { readFileSync } from 'node:fs';
import { SEED_DIR, SEED_PLAN_FILE } from '../src/ingest/seed-data';
import { parseDistrictCsv } from '../src/ingest/gazetteer';
import { join } from 'node:path';

/**
 * Synthetic plans of the seed's shape: the seed text with its districts swapped for others (a
 * permutation drawn from a seeded generator, so plan k is the same every run) and its numbers
 * varied. Chapters, sections, boxes, lengths and the kinds of place mention stay realistic; the
 * districts each plan names differ, so cross-plan queries have real work to do.
 */

function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const seedText = (): string => readFileSync(SEED_PLAN_FILE, 'utf8');
const shortNames = (): string[] =>
  parseDistrictCsv(readFileSync(join(SEED_DIR, 'chongqing-districts.csv'), 'utf8'))
    .filter((p) => p.code && p.shortName.length >= 2)
    .map((p) => p.shortName);

export function syntheticPlanText(k: number, text: string = seedText(), names: string[] = shortNames()): string {
  const random = generator(k * 7919 + 17);
  const shuffled = [...names];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const swap = new Map(names.map((n, i) => [n, shuffled[i]]));
  const pattern = new RegExp(names.sort((a, b) => b.length - a.length).join('|'), 'g');
  return text
    .replace(pattern, (name) => swap.get(name) ?? name)
    .replace(/(\d+)(\s*(?:万|亿)?(?:%|平方米|公里|个|座))/g, (_m, n: string, unit: string) => `${Math.max(1, Math.round(Number(n) * (0.8 + random() * 0.4)))}${unit}`);
}

export const syntheticPlanId = (k: number): string => `synthetic-${String(k).padStart(4, '0')}`;
