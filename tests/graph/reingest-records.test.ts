import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { recordObservation, reportProgress } from '../../src/graph/write/monitoring';
import { toGraph } from '../../src/ingest/to-graph';
import { testClient } from '../helpers/graph';
import { seedDocument } from '../helpers/seed-document';
import { z } from 'zod';
import { shape } from '../helpers/rows';

/** Monitoring records hang on stable ids: no re-ingest loses one. */
describe('records survive re-ingest', () => {
  const P = 'test-reingest';
  let client: GraphClient;
  const actor = { name: 'test', keyId: null };
  const TASK = `${P}/chp_9__sec_4__para_1__sent_3`;
  const GONE = `${P}/chp_9__sec_5__para_1__sent_3`;

  const records = async () =>
    (
      await client.readRows(
        `MATCH (r:Record) WHERE r.taskId STARTS WITH $p OR r.indicatorId STARTS WITH $p OR r.aboutId STARTS WITH $p
         RETURN count(r) AS records, sum(CASE WHEN EXISTS { (r)-[:ABOUT]->(:Entity {planId: $plan}) } THEN 1 ELSE 0 END) AS attached`,
        { p: `${P}/`, plan: P }, shape({ records: z.number(), attached: z.number() }),
      )
    )[0];

  // The file starts on the seed state (tests/setup/test-databases.ts): plan P and its records are new.
  beforeAll(async () => {
    client = await testClient();
    await writePlan(client, toGraph(seedDocument(P)));
    const report = (taskId: string, period: string) =>
      reportProgress(client, { taskId, placeId: 'place/500101', period, status: 'in_progress', note: null, evidence: [], reporter: 'r' }, actor);
    await report(TASK, '2025-Q1');
    await report(TASK, '2025-Q2');
    await report(GONE, '2025-Q2');
    await recordObservation(client, { indicatorId: `${P}/box_1__ind_7`, year: 2023, value: 91.8, source: 's', note: null, reporter: 'r' }, actor);
  });
  afterAll(() => client.close());

  it('keeps every record attached when the same plan is ingested again', async () => {
    const before = await records();
    expect(before).toEqual({ records: 8, attached: 8 }); // 4 records + 4 audit events
    await writePlan(client, toGraph(seedDocument(P)), { force: true });
    expect(await records()).toEqual(before);
  });

  it('keeps records of a task that a revised text drops, and reports the task as retired', async () => {
    const doc = seedDocument(P);
    const revised = { ...doc, tasks: doc.tasks.filter((t) => t.id !== GONE), plan: { ...doc.plan, checksum: 'revised-text' } };
    const before = await records();
    const result = await writePlan(client, toGraph(revised));
    expect(result.retired).toEqual([GONE]);
    expect(await records()).toEqual(before);
    const [task] = await client.readRows(`MATCH (t:Task {id: $id}) RETURN t.retired AS retired`, { id: GONE }, shape({ retired: z.boolean() }));
    expect(task.retired).toBe(true);
    // The task comes back with the original text: it is no longer retired.
    await writePlan(client, toGraph(doc), { force: true });
    const [back] = await client.readRows(`MATCH (t:Task {id: $id}) RETURN t.retired AS retired`, { id: GONE }, shape({ retired: z.boolean().nullable() }));
    expect(back.retired).toBeNull();
  });
});
