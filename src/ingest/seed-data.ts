import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { buildGazetteer, type GazetteerData } from './gazetteer';
import type { CuratedBodiesFile } from './curated-responsibilities';
import type { BodyRecord } from './document';
import { BodyLinker, type BodyData } from './link-bodies';
import { PlaceLinker } from './link-places';

/** The reference data every ingest needs, read from the project's seed folder. */
export interface ReferenceData {
  places: PlaceLinker;
  bodies: BodyLinker;
  curatedBodies: BodyRecord[];
}


export const SEED_DIR = join(PROJECT_ROOT, 'seed');
export const SEED_PLAN_FILE = join(SEED_DIR, 'chongqing-new-urbanization-plan-2021-2035.txt');
/** Curated responsibilities of the seed plan: one row per measure-body link, basis curated. */
export const CURATED_LINKS_FILE = join(SEED_DIR, 'curated-responsibilities.csv');

export function loadReferenceData(seedDir: string = SEED_DIR): ReferenceData {
  const csv = readFileSync(join(seedDir, 'chongqing-districts.csv'), 'utf8');
  const gazetteer = JSON.parse(readFileSync(join(seedDir, 'gazetteer.json'), 'utf8')) as GazetteerData;
  const bodies = JSON.parse(readFileSync(join(seedDir, 'bodies.json'), 'utf8')) as BodyData;
  const curated = JSON.parse(readFileSync(join(seedDir, 'curated-bodies.json'), 'utf8')) as CuratedBodiesFile;
  return { places: new PlaceLinker(buildGazetteer(csv, gazetteer)), bodies: new BodyLinker(bodies), curatedBodies: curated.bodies };
}
