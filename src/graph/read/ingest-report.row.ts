import { z } from 'zod';
import { decodeRow, integer, rowShape } from '../decode';
import { INGEST_WARNING_KINDS } from './values';

/** The ingest report kept on a plan as JSON (written from src/ingest/ingest-report.ts), decoded. */
const IngestReportRow = z.object({
  file: z.string(),
  counts: z.object({
    parts: integer,
    chapters: integer,
    sections: integer,
    measures: integer,
    boxes: integer,
    tasks: integer,
    directiveTasks: integer,
    descriptiveTasks: integer,
    indicators: integer,
    targets: integer,
    projects: integer,
    pilotZones: integer,
    placeLinks: integer,
    linkedPlaces: integer,
  }),
  layout: z.object({ wrapWidth: integer.nullable(), joinedLines: integer, furnitureLines: integer }),
  warnings: z.array(z.object({ line: integer, kind: z.enum(INGEST_WARNING_KINDS), message: z.string() })),
});
export type IngestReportRow = z.output<typeof IngestReportRow>;

const IngestReportShape = rowShape('IngestReport', IngestReportRow);

/** Parses and checks a stored report; null when the plan has none. */
export function decodeIngestReport(json: string | null): IngestReportRow | null {
  return json === null ? null : decodeRow(IngestReportShape, JSON.parse(json));
}
