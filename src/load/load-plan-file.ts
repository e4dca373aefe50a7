import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { GraphClient } from '../graph/graph-client';
import { writePlan, type LoadOptions, type LoadResult } from '../graph/plan-writer';
import type { PlanDocument } from '../ingest/document';
import { IngestError } from '../ingest/ingest-error';
import { ingestPlan } from '../ingest/ingest-plan';
import type { ReferenceData } from '../ingest/seed-data';
import { toGraph } from '../ingest/to-graph';

/** Plan ids become part of every node id: lowercase ASCII, digits and dashes. */
export const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function defaultPlanId(file: string): string {
  return basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
}

export function parsePlanFile(file: string, planId: string, reference: ReferenceData, curatedFile?: string): PlanDocument {
  if (!PLAN_ID.test(planId)) {
    throw new IngestError(file, 1, 1, `plan id "${planId}" must be lowercase letters, digits and dashes; pass --plan-id`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new IngestError(file, 1, 1, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const curatedLinks = curatedFile ? { file: curatedFile, csv: readFileSync(curatedFile, 'utf8') } : undefined;
  return ingestPlan({ file, bytes, planId, ...reference, curatedLinks });
}

/** Parses a plan file and writes it to the graph in one transaction. */
export async function loadPlanFile(
  client: GraphClient,
  file: string,
  planId: string,
  reference: ReferenceData,
  options: LoadOptions & { curatedFile?: string } = {},
): Promise<{ doc: PlanDocument; result: LoadResult }> {
  const doc = parsePlanFile(file, planId, reference, options.curatedFile);
  const result = await writePlan(client, toGraph(doc), options);
  return { doc, result };
}
