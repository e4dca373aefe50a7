import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { toGraph } from '../../src/ingest/to-graph';
import { countPlan, testClient } from '../helpers/graph';
import { seedDocument } from '../helpers/seed-document';
import { z } from 'zod';
import { shape } from '../helpers/rows';

describe('loading a plan into Neo4j', () => {
  let client: GraphClient;
  const A = 'test-load-a';
  const B = 'test-load-b';

  // The file starts on the seed state (tests/setup/test-databases.ts): plans A and B are new.
  beforeAll(async () => {
    client = await testClient();
  });
  afterAll(() => client.close());

  it('is idempotent: loading twice gives identical node and relationship counts', async () => {
    const rows = toGraph(seedDocument(A));
    const first = await writePlan(client, rows);
    const afterFirst = await countPlan(client, A);
    const second = await writePlan(client, rows, { force: true });
    const afterSecond = await countPlan(client, A);
    expect(first.skipped).toBe(false);
    expect(second.skipped).toBe(false);
    expect(afterSecond).toEqual(afterFirst);
    // Counted in the seed text, not by the parser (F = seed/chongqing-new-urbanization-plan-2021-2035.txt;
    // the body starts at line 112, after the table of contents):
    //   chapters  awk 'NR>=105' $F | grep -c '^第[一二三四五六七八九]章'            -> 9
    //   sections  awk 'NR>=105' $F | grep -c '^第[一二三四五六七八九十]节'          -> 34
    //   boxes     grep -c '^专栏' $F                                                 -> 9
    //   indicators  sed -n '162,176p' $F | grep -cP '^\d+\t'  (专栏1's rows 1-9)     -> 9
    //   pilot zones sed -n '555,562p' $F | grep -c '。包括'     (专栏9's two zones)  -> 2
    const [labels] = await client.readRows(
      `MATCH (n:Entity {planId: $planId}) WITH labels(n) AS l
       RETURN sum(CASE WHEN 'Plan' IN l THEN 1 ELSE 0 END) AS Plan, sum(CASE WHEN 'Chapter' IN l THEN 1 ELSE 0 END) AS Chapter,
              sum(CASE WHEN 'Section' IN l THEN 1 ELSE 0 END) AS Section, sum(CASE WHEN 'Box' IN l THEN 1 ELSE 0 END) AS Box,
              sum(CASE WHEN 'Indicator' IN l THEN 1 ELSE 0 END) AS Indicator, sum(CASE WHEN 'PilotZone' IN l THEN 1 ELSE 0 END) AS PilotZone`,
      { planId: A },
      shape({ Plan: z.number(), Chapter: z.number(), Section: z.number(), Box: z.number(), Indicator: z.number(), PilotZone: z.number() }),
    );
    expect(labels).toEqual({ Plan: 1, Chapter: 9, Section: 34, Box: 9, Indicator: 9, PilotZone: 2 });
    // Without --force the same text is recognised and nothing is written.
    const third = await writePlan(client, rows);
    expect(third.skipped).toBe(true);
    expect(await countPlan(client, A)).toEqual(afterFirst);
  });

  it('is atomic: a load that fails half-way leaves the previous graph as it was', async () => {
    const before = await countPlan(client, A);
    const [task] = await client.readRows(`MATCH (t:Task {id: $id}) RETURN t.text AS text`, { id: `${A}/chp_4__sec_1__para_1__sent_1` }, shape({ text: z.string() }));
    const rows = toGraph(seedDocument(A));
    // Change a task, then poison the last relationship batch: Neo4j refuses a map as a property value.
    rows.nodes.Task[0] = { ...rows.nodes.Task[0], text: 'CHANGED' };
    rows.rels.RESPONSIBLE.push({ from: rows.nodes.Task[0].id as string, to: 'body/district-governments', props: { basis: { nested: true } as unknown as string } });
    await expect(writePlan(client, rows, { force: true })).rejects.toThrow();
    expect(await countPlan(client, A)).toEqual(before);
    const [after] = await client.readRows(`MATCH (t:Task {id: $id}) RETURN t.text AS text`, { id: `${A}/chp_4__sec_1__para_1__sent_1` }, shape({ text: z.string() }));
    expect(after.text).toBe(task.text);
  });

  it('keeps plans apart and shares their places', async () => {
    const places = async () => (await client.readRows(`MATCH (p:Place) RETURN count(p) AS n`, {}, shape({ n: z.number() })))[0].n;
    const placesBefore = await places();
    const aBefore = await countPlan(client, A);
    await writePlan(client, toGraph(seedDocument(B)));
    expect(await countPlan(client, A)).toEqual(aBefore);
    expect(await countPlan(client, B)).toEqual(aBefore);
    expect(await places()).toBe(placesBefore);
    const [shared] = await client.readRows(
      `MATCH (:Place {id: 'place/500233'})<-[:MENTIONS]-(t:Task) WHERE t.planId IN [$a, $b] RETURN collect(DISTINCT t.planId) AS plans`,
      { a: A, b: B }, shape({ plans: z.array(z.string()) }),
    );
    expect(shared.plans.sort()).toEqual([A, B]);
  });

  it('removes what a revised text no longer has', async () => {
    const doc = seedDocument(A);
    const revised = { ...doc, tasks: doc.tasks.filter((t) => t.id !== `${A}/chp_9__sec_5__para_1__sent_3`), plan: { ...doc.plan, checksum: 'revised' } };
    const result = await writePlan(client, toGraph(revised));
    expect(result.deleted).toBe(1);
    const [gone] = await client.readRows(`MATCH (t:Task {id: $id}) RETURN count(t) AS n`, { id: `${A}/chp_9__sec_5__para_1__sent_3` }, shape({ n: z.number() }));
    expect(gone.n).toBe(0);
  });
});
