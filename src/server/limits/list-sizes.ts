/**
 * The size the cost model prices each unpaged list field at.
 *
 * Paged fields (those with a `first` argument) are priced at the page size the operation asks
 * for, after its variables are coerced. Every other list field appears here with about twice the
 * largest size the seed plan gives (measured with Cypher over the loaded seed: 9 chapters, at most
 * 6 sections a chapter, 7 measures a section, 9 tasks a measure, 38 measures for one body, 22 bodies
 * on one task), so that a plan of the genre prices the same. These are estimates, not guarantees:
 * lists that grow with monitoring records or the number of plans, and plans larger than these,
 * are bounded exactly at run time by GRAPHQL_MAX_RESULT_ITEMS and GRAPHQL_TIMEOUT_MS. A test fails when a list field of the schema
 * has no entry here, so a new field cannot slip in priced at one item.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.plans': 200,
  'Query.bodies': 150,
  'Query.districts': 50,
  'Query.apiKeys': 100,
  'Plan.parts': 10,
  'Part.chapters': 20,
  'IngestReport.warnings': 200,
  'Plan.chapters': 20,
  'Plan.boxes': 20,
  'Plan.indicators': 30,
  'Plan.pilotZones': 10,
  'Plan.preface': 10,
  'Plan.projects': 100,
  'Plan.regions': 10,
  'Plan.targets': 120,
  'Chapter.sections': 10,
  'Chapter.measures': 40,
  'Chapter.boxes': 4,
  'Section.measures': 12,
  'Section.boxes': 4,
  'Box.entries': 40,
  'Box.indicators': 20,
  'Box.projects': 60,
  'Box.pilotZones': 10,
  'Measure.tasks': 15,
  'Measure.sentences': 15,
  'Measure.targets': 6,
  'Task.bodies': 25,
  'Task.bodyLinks': 25,
  'Task.places': 30,
  'Task.placeLinks': 30,
  'Task.targets': 6,
  'Task.reports': 100,
  'Task.latestReports': 40,
  'Indicator.targets': 6,
  'Indicator.observations': 30,
  'Body.measures': 80,
  'District.positioning': 5,
  'District.projects': 60,
  'District.pilotZones': 20,
  'District.regions': 4,
  'District.zones': 4,
  'Zone.districts': 10,
  'Region.districts': 40,
  'Region.subregions': 6,
  'Region.aliases': 6,
  'Region.districtTaskCounts': 40,
  'PilotZone.members': 20,
  'PilotZone.memberLinks': 20,
  'Project.places': 12,
  'Project.placeLinks': 12,
  'ProgressReport.evidence': 20,
  'SearchHit.matches': 20,
  'Scorecard.byStatus': 5,
  'Scorecard.items': 200,
  'Scorecard.stale': 200,
  'Scorecard.staleWindow': 2,
  'DistrictChapterMatrix.cells': 2500,
  'DistrictChapterMatrix.chapters': 60,
  'DistrictChapterMatrix.districts': 40,
  // Edges of a connection: the connection field already multiplies by its page size.
  'TaskConnection.edges': 1,
  'SearchConnection.edges': 1,
  'AuditEventConnection.edges': 1,
  'SharedDistrictConnection.edges': 1,
};

/** Page-size arguments, in the order they are read. */
export const PAGE_SIZE_ARGUMENTS = ['first', 'last'] as const;

/** What a paged field gives when the operation names no page size. */
export { DEFAULT_PAGE_SIZE } from '../../schema/args/page.args';

/**
 * Items that cost more than one value each: every item of these fields is an aggregate computed
 * by a query of its own per parent (the tasks two districts share, counted), so one item weighs as
 * much as the few dozen values that query reads. A field not named here weighs 1 per item. With
 * these, one level of the cross-reference over every district is let through and a nested one is
 * refused before it runs (nested, it was the dearest operation the limits still allowed: 1,900
 * queries, 3 s, 800 kB).
 */
export const ITEM_WEIGHTS: Readonly<Record<string, number>> = {
  'District.sharingDistricts': 20,
  'Query.districtsSharingTasks': 20,
  'District.sharingDistrictsConnection': 20,
  'Query.districtsSharingTasksConnection': 20,
};
