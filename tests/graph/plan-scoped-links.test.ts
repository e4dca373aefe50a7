import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { incomingLinks, linksTo, type LinkType } from '../../src/graph/read/links';
import type { TaskKind } from '../../src/graph/read/values';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { PROJECT_ROOT } from '../../src/project-root';
import { profiledRead } from '../helpers/profile';
import { seedCopies, type SeedCopies } from '../helpers/seed-copies';

/**
 * A district's positioning entries, projects and pilot zones in one plan (the explorer's dossier
 * asks for all three) cost what they cost with one plan loaded: they are read from the plan's
 * side. Read from the district's side, they walked every plan's links into it (万州: about seven
 * MENTIONS per plan, thousands at a thousand plans) to keep a handful.
 */
describe('a district’s links from one plan, among many plans', () => {
  const WANZHOU = 'place/500101';
  const HECHUAN = 'place/500117';
  // Each read with a district the seed gives it rows for (万州 is in no pilot zone; 合川 is).
  const READS: [string, LinkType, TaskKind | null, string][] = [
    ['positioning entries', 'MENTIONS', 'positioning', WANZHOU],
    ['projects', 'LOCATED_IN', null, WANZHOU],
    ['pilot zones', 'HAS_MEMBER', null, HECHUAN],
  ];
  let copies: SeedCopies;
  let driver: Driver;
  let districts: string[];
  const alone = new Map<string, { rows: number; hits: number }>();

  const params = (ids: string[]) => ({ ids, planId: SEED_PLAN_ID, basis: null });
  /**
   * The rows per id, as a loader hands them out: in the order the statements define (plan, then
   * place in the text); rows of one node that tie there (a project in two districts is one row
   * per district) keep no order in either statement, so ties are sorted here.
   */
  const rows = async (cypher: string, ids: string[]) => {
    const { records } = await driver.executeQuery(cypher, params(ids), { routing: neo4j.routing.READ });
    const perId = new Map<string, { at: string; row: string }[]>();
    for (const r of records) {
      const { node, link } = r.get('value');
      perId.set(r.get('key'), [...(perId.get(r.get('key')) ?? []), { at: `${node.planId}@${Number(node.sourceStart)}`, row: JSON.stringify([node.id, link]) }]);
    }
    const tiesSorted = (list: { at: string; row: string }[]): string[] => {
      const runs: { at: string; rows: string[] }[] = [];
      for (const x of list) {
        const last = runs[runs.length - 1];
        if (last?.at === x.at) last.rows.push(x.row);
        else runs.push({ at: x.at, rows: [x.row] });
      }
      return runs.flatMap((run) => run.rows.sort());
    };
    return new Map([...perId].map(([id, list]) => [id, tiesSorted(list)]));
  };
  const profiled = async (type: LinkType, kind: TaskKind | null, place: string) => {
    const { records, hits } = await profiledRead(driver, incomingLinks(type, kind, true), params([place]));
    return { rows: records.length, hits };
  };

  beforeAll(async () => {
    copies = await seedCopies('test-scoped-links');
    ({ driver } = copies);
    districts = (await driver.executeQuery('MATCH (d:District) RETURN d.id AS id ORDER BY d.id')).records.map((r) => r.get('id') as string);
    for (const [name, type, kind, place] of READS) alone.set(name, await profiled(type, kind, place));
    await copies.load();
  });
  afterAll(() => copies?.close());

  it('万州’s positioning entries in the seed are its own line and 云阳’s (seed lines 265 and 279)', async () => {
    const lines = readFileSync(join(PROJECT_ROOT, 'seed/chongqing-new-urbanization-plan-2021-2035.txt'), 'utf8').split('\n');
    const { records } = await driver.executeQuery(incomingLinks('MENTIONS', 'positioning', true), params([WANZHOU]));
    expect(records.map((r) => r.get('value').node.text)).toEqual([lines[264], lines[278]]);
  });

  it.each(READS)('%s: the rows of the reading from the district’s side, for every district at once', async (_name, type, kind, _place) => {
    const scoped = await rows(incomingLinks(type, kind, true), districts);
    expect(scoped.size).toBeGreaterThan(0);
    // The district's side, filtered by plan: the statement used before, kept for reads of every plan.
    expect(scoped).toEqual(await rows(linksTo(type, kind), districts));
  });

  it.each(READS)('%s: the same rows, and no more of the graph, with four more plans', async (name, type, kind, place) => {
    const before = alone.get(name)!;
    expect(before.rows).toBeGreaterThan(0);
    const among = await profiled(type, kind, place);
    expect(among.rows).toBe(before.rows);
    expect(among.hits).toBeLessThanOrEqual(before.hits * 1.1);
  });

  it('reads of every plan still start from the district', () => {
    expect(incomingLinks('LOCATED_IN', null, false)).toBe(linksTo('LOCATED_IN'));
    expect(incomingLinks('OVERLAPS', null, true)).toBe(linksTo('OVERLAPS'));
  });
});
