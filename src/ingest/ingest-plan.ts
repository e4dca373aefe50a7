import type { PlanDocument } from './document';
import { extractTargets } from './extract-targets';
import type { BodyLinker } from './link-bodies';
import type { PlaceLinker } from './link-places';
import { linkDocument } from './link';
import { normalise } from './normalise';
import { parsePlan } from './parse-plan';
import { readSource } from './read-source';
import { segment } from './segment';

export interface IngestInput {
  file: string;
  bytes: Uint8Array;
  planId: string;
  places: PlaceLinker;
  bodies: BodyLinker;
}

/** The whole pure pipeline: bytes -> normalise -> segment -> parse -> link -> typed document. */
export function ingestPlan(input: IngestInput): PlanDocument {
  const decoded = readSource(input.file, input.bytes);
  const norm = normalise(decoded);
  const blocks = segment(norm);
  const doc = parsePlan(norm, blocks, { planId: input.planId, sourceFile: input.file });
  doc.targets.push(...extractTargets(doc, norm));
  return linkDocument(doc, input.places, input.bodies);
}
