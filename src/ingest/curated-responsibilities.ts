import type { BodyRecord, CuratedLink, PlanDocument } from './document';
import { IngestError } from './ingest-error';

/**
 * Reads seed/curated-responsibilities.csv: measure_id,body_id,role,basis,rationale — one row per
 * link, reviewed by hand. A row that names an unknown measure or body, a role other than lead or
 * support, or a basis other than `curated` is refused with its line: an inference must never
 * pass for the text.
 */

export interface CuratedBodiesFile {
  bodies: (BodyRecord & { fullName: string; remit: string })[];
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

export function readCuratedLinks(file: string, csv: string, doc: PlanDocument): CuratedLink[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].trim();
  if (header !== 'measure_id,body_id,role,basis,rationale') {
    throw new IngestError(file, 1, 1, 'the header must be measure_id,body_id,role,basis,rationale');
  }
  const measures = new Set(doc.measures.map((m) => m.id));
  const bodies = new Set(doc.bodies.map((b) => b.id));
  const links: CuratedLink[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const n = i + 2;
    const cells = splitCsvLine(line);
    if (cells.length !== 5) throw new IngestError(file, n, 1, `expected 5 columns, found ${cells.length}`);
    const [measure, bodyId, role, basis, rationale] = cells.map((c) => c.trim());
    const measureId = `${doc.plan.id}/${measure}`;
    if (!measures.has(measureId)) throw new IngestError(file, n, 1, `no measure ${measure} in plan ${doc.plan.id}`);
    if (!bodies.has(bodyId)) throw new IngestError(file, n, measure.length + 2, `unknown body ${bodyId}`);
    if (role !== 'lead' && role !== 'support') throw new IngestError(file, n, 1, `role must be lead or support, not "${role}"`);
    if (basis !== 'curated') throw new IngestError(file, n, 1, `basis must be curated, not "${basis}": a curated file never claims the text`);
    if (!rationale) throw new IngestError(file, n, 1, 'every curated link needs a rationale');
    links.push({ measureId, bodyId, role, basis: 'curated', rationale });
  });
  return links;
}
