import { readCuratedLinks } from './curated-responsibilities';
import type { BodyRecord, PlanDocument } from './document';
import { extractTargets } from './extract-targets';
import type { BodyLinker } from './link-bodies';
import type { PlaceLinker } from './link-places';
import { linkDocument } from './link';
import { normalise } from './normalise';
import { parsePlan } from './parse-plan';
import { jurisdictionFromNames, planJurisdiction } from './china-divisions';
import { CHONGQING, placeLinkerFor, provinceScopedLinker } from './plan-places';
import { buildIngestReport } from './ingest-report';
import { readSource } from './read-source';
import { restoreServedText } from './restore-served-text';
import { segment } from './segment';

export interface IngestInput {
  file: string;
  bytes: Uint8Array;
  planId: string;
  places: PlaceLinker;
  bodies: BodyLinker;
  /** Bodies that the text does not name but curated links may use (municipal departments). */
  curatedBodies?: BodyRecord[];
  /** A curated responsibilities CSV for this plan (seed/curated-responsibilities.csv). */
  curatedLinks?: { file: string; csv: string };
}

/** The whole pure pipeline: bytes -> normalise -> segment -> parse -> link -> typed document. */
export function ingestPlan(input: IngestInput): PlanDocument {
  const decoded = readSource(input.file, input.bytes);
  const norm = normalise(decoded);
  // The stages read the canonical view; restoreServedText puts the served characters back.
  const view = { ...norm, text: norm.canonical };
  const blocks = segment(view);
  const doc = parsePlan(view, blocks, { planId: input.planId, sourceFile: input.file });
  doc.targets.push(...extractTargets(doc, view));
  const named = [doc.plan.issuer ?? '', doc.plan.title, decoded.trimStart().split('\n')[0]];
  const national = named.some((t) => /^(国务院|中共中央|国家|全国)/.test(t));
  doc.plan.jurisdiction = planJurisdiction(named) ?? (national ? null : jurisdictionFromNames(norm.canonical));
  // A curated gazetteer (Chongqing's) lists the outside places its plans name; other plans read
  // the places of a province in the sentences that name it (provinceScopedLinker).
  const places = doc.plan.jurisdiction === CHONGQING ? placeLinkerFor(CHONGQING, input.places) : provinceScopedLinker(doc.plan.jurisdiction, input.places);
  linkDocument(doc, places, input.bodies, input.curatedBodies ?? []);
  restoreServedText(doc, norm);
  doc.report = buildIngestReport(doc, norm);
  if (input.curatedLinks) doc.curated = readCuratedLinks(input.curatedLinks.file, input.curatedLinks.csv, doc);
  return doc;
}
