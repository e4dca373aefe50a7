// Plan Graph schema. Idempotent: every statement uses IF NOT EXISTS (or IF EXISTS), so it is applied at each start.
// Every node carries the label Entity and a unique id; lookups by id go through this constraint.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE;

// Plan membership: every plan node has planId; loads and exports select by it.
CREATE INDEX entity_plan IF NOT EXISTS FOR (n:Entity) ON (n.planId);
CREATE INDEX task_plan_order IF NOT EXISTS FOR (n:Task) ON (n.planId, n.sourceStart);
// One plan's positioning entries, projects and pilot zones, from the plan's side (src/graph/read/links.ts: planSources).
CREATE INDEX task_plan_kind IF NOT EXISTS FOR (n:Task) ON (n.planId, n.kind);
CREATE INDEX project_plan IF NOT EXISTS FOR (n:Project) ON (n.planId);
CREATE INDEX pilot_zone_plan IF NOT EXISTS FOR (n:PilotZone) ON (n.planId);
CREATE INDEX measure_plan_order IF NOT EXISTS FOR (n:Measure) ON (n.planId, n.sourceStart);
CREATE INDEX chapter_plan IF NOT EXISTS FOR (n:Chapter) ON (n.planId, n.number);
CREATE INDEX box_plan IF NOT EXISTS FOR (n:Box) ON (n.planId, n.number);

// Place lookups: by full name, short name and GB/T 2260 code.
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX place_short_name IF NOT EXISTS FOR (n:Place) ON (n.shortName);
CREATE INDEX place_code IF NOT EXISTS FOR (n:Place) ON (n.code);
CREATE INDEX place_kind IF NOT EXISTS FOR (n:Place) ON (n.kind);
// Aliases are lists, which range indexes do not hold; a full-text index with the keyword analyzer
// keeps each alias whole, so that a lookup by name finds an alias equal to it (places.ts).
CREATE FULLTEXT INDEX place_aliases IF NOT EXISTS FOR (n:Place) ON EACH [n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};

// Body lookups by name and full name (responsibilities.ts).
CREATE INDEX body_name IF NOT EXISTS FOR (n:Body) ON (n.name);
CREATE INDEX body_full_name IF NOT EXISTS FOR (n:Body) ON (n.fullName);

// Relationship properties that filters use.
CREATE INDEX mentions_basis IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.basis);
CREATE INDEX responsibility_basis IF NOT EXISTS FOR ()-[r:RESPONSIBLE]-() ON (r.basis);

// Chinese full-text search. The cjk analyzer indexes bigrams of Han characters. planId is indexed
// too, so that a search within one plan asks Lucene for that plan's hits only (search-query.ts:
// the clause adds nothing to the score) instead of every plan's hits filtered afterwards. It
// replaces plan_text (text and name only); a database that has it builds this one once.
DROP INDEX plan_text IF EXISTS;
CREATE FULLTEXT INDEX plan_search IF NOT EXISTS FOR (n:Measure|Task|Indicator|Target|Project) ON EACH [n.text, n.name, n.planId]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// Measures of a chapter (including those of its sections), for Chapter.measures.
CREATE INDEX measure_chapter IF NOT EXISTS FOR (n:Measure) ON (n.chapterId);

// Tasks per chapter, for the district x chapter matrix.
CREATE INDEX task_chapter IF NOT EXISTS FOR (n:Task) ON (n.chapterId);

// Monitoring records and the audit trail (labels Record + kind; never part of a plan's load).
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:ProgressReport) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT observation_id IF NOT EXISTS FOR (n:Observation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
CREATE INDEX audit_event_about IF NOT EXISTS FOR (n:AuditEvent) ON (n.aboutId);
CREATE INDEX audit_event_reporter IF NOT EXISTS FOR (n:AuditEvent) ON (n.reporter);
CREATE INDEX report_task_place IF NOT EXISTS FOR (n:ProgressReport) ON (n.taskId, n.placeId);
// A place's reports, for its scorecard. (A task's reports are found by the index above: every
// report has a place, and reads by task say so, `placeId IS NOT NULL`, which lets it serve them.)
CREATE INDEX report_place IF NOT EXISTS FOR (n:ProgressReport) ON (n.placeId);
CREATE INDEX observation_indicator IF NOT EXISTS FOR (n:Observation) ON (n.indicatorId);

// The versions response caches key on (structure: plan loads; records: monitoring writes).
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE;

// Correction chains: one node per (task, place, period) or (indicator, year). A write locks its
// chain first, so concurrent corrections are serialised and exactly one record stays current.
CREATE CONSTRAINT record_chain_id IF NOT EXISTS FOR (n:RecordChain) REQUIRE n.id IS UNIQUE;

// Idempotent writes: one node per (API key, idempotency key), written in the transaction of the
// write it answers, holding that answer.
CREATE CONSTRAINT idempotent_write_id IF NOT EXISTS FOR (n:IdempotentWrite) REQUIRE n.id IS UNIQUE;
