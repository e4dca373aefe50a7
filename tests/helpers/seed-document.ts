import { readFileSync } from 'node:fs';
import type { PlanDocument } from '../../src/ingest/document';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { loadReferenceData, SEED_PLAN_FILE, type ReferenceData } from '../../src/ingest/seed-data';

/** The seed plan parsed once per test file (parsing is pure and takes tens of milliseconds). */
let cached: PlanDocument | null = null;
let reference: ReferenceData | null = null;

export const SEED_TEXT_BYTES = (): Buffer => readFileSync(SEED_PLAN_FILE);

export function referenceData(): ReferenceData {
  return (reference ??= loadReferenceData());
}

export function seedDocument(planId = 'seed'): PlanDocument {
  if (planId !== 'seed') return ingestPlan({ file: SEED_PLAN_FILE, bytes: SEED_TEXT_BYTES(), planId, ...referenceData() });
  return (cached ??= ingestPlan({ file: SEED_PLAN_FILE, bytes: SEED_TEXT_BYTES(), planId, ...referenceData() }));
}

/** A small plan text for builders: chapters, sections and paragraphs given as lines. */
export function planText(lines: string[]): Uint8Array {
  return Buffer.from(lines.join('\n'), 'utf8');
}
