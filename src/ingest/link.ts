import type { BodyRecord, PlanDocument } from './document';
import { deliveringGovernments, districtGovernments } from './district-governments';
import type { BodyLinker } from './link-bodies';
import { distinctPlaces } from './link-places';
import type { PlaceLinking } from './plan-places';

/**
 * Stage 4: link. Attaches places and bodies to the tasks, projects and pilot zones of a
 * parsed document. Pure: returns the same document with the links filled in.
 */
export function linkDocument(doc: PlanDocument, places: PlaceLinking, bodies: BodyLinker, otherBodies: BodyRecord[] = []): PlanDocument {
  const placesById = new Map(places.gazetteer.places.map((p) => [p.id, p]));
  for (const task of doc.tasks) {
    task.places = distinctPlaces(places.link(task.text, task.source.start));
    task.bodies = [...bodies.link(task.text, task.source.start), ...deliveringGovernments(task.places, placesById)];
  }
  for (const project of doc.projects) {
    const task = doc.tasks.find((t) => t.id === project.taskId)!;
    // A demonstration project is described by its whole entry; a listed item by its name.
    const [text, start] = project.kind === 'transport' ? [project.name, project.source.start] : [task.text, task.source.start];
    project.places = distinctPlaces(places.link(text, start)).filter((m) => !m.placeId.startsWith('place/outside/'));
  }
  for (const zone of doc.pilotZones) {
    const m = /包括(.+?)等/.exec(zone.source.quote);
    if (m) zone.members = distinctPlaces(places.link(m[1], zone.source.start + m.index! + 2));
  }
  // Divisions of China are many: a plan carries those it mentions, beside its curated places.
  const mentioned = new Set([...doc.tasks.flatMap((t) => t.places), ...doc.projects.flatMap((p) => p.places), ...doc.pilotZones.flatMap((z) => z.members)].map((m) => m.placeId));
  const divisions = [...(places.gazetteer.divisions?.values() ?? [])].filter((d) => mentioned.has(d.id) && !placesById.has(d.id));
  for (const d of divisions) placesById.set(d.id, d);
  doc.places = [...places.gazetteer.places, ...divisions];
  doc.zoneOverlaps = places.gazetteer.zoneOverlaps;
  doc.bodies = [...bodies.bodies, ...otherBodies, ...districtGovernments(places.gazetteer.places)];
  return doc;
}
