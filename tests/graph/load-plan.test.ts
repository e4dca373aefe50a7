import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { toGraph } from '../../src/ingest/to-graph';
import { countPlan, removePlan, testClient } from '../helpers/graph';
import { seedDocument } from '../helpers/seed-document';

describe('loading a plan into Neo4j', () => {
  let client: GraphClient;
  const A = 'test-load-a';
  const B = 'test-load-b';

  beforeAll(async () => {
    client = await testClient();
    await removePlan(client, A);
    await removePlan(client, B);
  });
  afterAll(async () => {
    await removePlan(client, A);
    await removePlan(client, B);
    await client.close();
  });

  it('is idempotent: loading twice gives identical node and relationship counts', async () => {
    const rows = toGraph(seedDocument(A));
    const first = await writePlan(client, rows);
    const afterFirst = await countPlan(client, A);
    const second = await writePlan(client, rows, { force: true });
    const afterSecond = await countPlan(client, A);
    expect(first.skipped).toBe(false);
    expect(second.skipped).toBe(false);
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst.nodes).toBe(1 + 9 + 34 + 103 + 9 + 409 + 9 + 56 + 50 + 2);
    // Without --force the same text is recognised and nothing is written.
    const third = await writePlan(client, rows);
    expect(third.skipped).toBe(true);
    expect(await countPlan(client, A)).toEqual(afterFirst);
  });

  it('is atomic: a load that fails half-way leaves the previous graph as it was', async () => {
    const before = await countPlan(client, A);
    const [task] = await client.readRows<{ text: string }>(`MATCH (t:Task {id: $id}) RETURN t.text AS text`, { id: `${A}/chp_4__sec_1__para_1__sent_1` });
    const rows = toGraph(seedDocument(A));
    // Change a task, then poison the last relationship batch: Neo4j refuses a map as a property value.
    rows.nodes.Task[0] = { ...rows.nodes.Task[0], text: 'CHANGED' };
    rows.rels.RESPONSIBLE.push({ from: rows.nodes.Task[0].id as string, to: 'body/district-governments', props: { basis: { nested: true } as unknown as string } });
    await expect(writePlan(client, rows, { force: true })).rejects.toThrow();
    expect(await countPlan(client, A)).toEqual(before);
    const [after] = await client.readRows<{ text: string }>(`MATCH (t:Task {id: $id}) RETURN t.text AS text`, { id: `${A}/chp_4__sec_1__para_1__sent_1` });
    expect(after.text).toBe(task.text);
  });

  it('keeps plans apart and shares their places', async () => {
    // Divisions of China (place/510100 …) are left out: another test file loads a plan of another
    // jurisdiction, whose divisions are new places, at the same time.
    const places = async () => (await client.readRows<{ n: number }>(`MATCH (p:Place) WHERE NOT p:Division RETURN count(p) AS n`))[0].n;
    const placesBefore = await places();
    const aBefore = await countPlan(client, A);
    await writePlan(client, toGraph(seedDocument(B)));
    expect(await countPlan(client, A)).toEqual(aBefore);
    expect(await countPlan(client, B)).toEqual(aBefore);
    expect(await places()).toBe(placesBefore);
    const [shared] = await client.readRows<{ plans: string[] }>(
      `MATCH (:Place {id: 'place/500233'})<-[:MENTIONS]-(t:Task) WHERE t.planId IN [$a, $b] RETURN collect(DISTINCT t.planId) AS plans`,
      { a: A, b: B },
    );
    expect(shared.plans.sort()).toEqual([A, B]);
  });

  it('removes what a revised text no longer has', async () => {
    const doc = seedDocument(A);
    const revised = { ...doc, tasks: doc.tasks.filter((t) => t.id !== `${A}/chp_9__sec_5__para_1__sent_3`), plan: { ...doc.plan, checksum: 'revised' } };
    const result = await writePlan(client, toGraph(revised));
    expect(result.deleted).toBe(1);
    const [gone] = await client.readRows<{ n: number }>(`MATCH (t:Task {id: $id}) RETURN count(t) AS n`, { id: `${A}/chp_9__sec_5__para_1__sent_3` });
    expect(gone.n).toBe(0);
  });
});
