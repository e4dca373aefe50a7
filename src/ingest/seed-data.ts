import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildGazetteer, type GazetteerData } from './gazetteer';
import { BodyLinker, type BodyData } from './link-bodies';
import { PlaceLinker } from './link-places';

/** The reference data every ingest needs, read from the project's seed folder. */
export interface ReferenceData {
  places: PlaceLinker;
  bodies: BodyLinker;
}

/** The project root: the nearest folder above this file with a package.json (from src/ or dist/src/). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot(__dirname);
export const SEED_DIR = join(PROJECT_ROOT, 'seed');
export const SEED_PLAN_FILE = join(SEED_DIR, 'chongqing-new-urbanization-plan-2021-2035.txt');

export function loadReferenceData(seedDir: string = SEED_DIR): ReferenceData {
  const csv = readFileSync(join(seedDir, 'chongqing-districts.csv'), 'utf8');
  const gazetteer = JSON.parse(readFileSync(join(seedDir, 'gazetteer.json'), 'utf8')) as GazetteerData;
  const bodies = JSON.parse(readFileSync(join(seedDir, 'bodies.json'), 'utf8')) as BodyData;
  return { places: new PlaceLinker(buildGazetteer(csv, gazetteer)), bodies: new BodyLinker(bodies) };
}
