import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import { shape } from '../helpers/rows';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import * as jsonld from 'jsonld';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { testClient } from '../helpers/graph';
import type { GraphClient } from '../../src/graph/graph-client';

/**
 * The exports as a user receives them, over HTTP, read back with tools that share no code with
 * the writers: the system's `tar` and `unzip`, csv-parse, zlib + JSON.parse, and jsonld.js to
 * N-Quads. Expected values come from the seed text (read by hand) or from Cypher written here.
 */
jest.setTimeout(180_000);

const PLAN = SEED_PLAN_ID;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

type Row = Record<string, string>;

describe('exports read back by independent parsers', () => {
  let api: TestApi;
  let client: GraphClient;
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), 'plan-graph-read-back-'));
  const count = async (cypher: string): Promise<number> => (await client.readRows(cypher, { p: PLAN }, shape({ n: z.number() })))[0].n;

  const download = async (name: string): Promise<{ status: number; type: string | null; disposition: string | null; body: Buffer }> => {
    const res = await fetch(`${base}/export/${name}`);
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    api = await startTestApi();
    base = api.url.replace(/\/graphql$/, '');
    client = await testClient();
  });
  afterAll(async () => {
    await client?.close();
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('CSV as tar.gz and as zip', () => {
    let tarDir: string;
    let zipDir: string;
    let loadedAt: number;

    beforeAll(async () => {
      const tgz = await download(`${PLAN}.csv.tar.gz`);
      const zip = await download(`${PLAN}.csv.zip`);
      expect([tgz.status, zip.status]).toEqual([200, 200]);
      expect(zip.type).toBe('application/zip');
      expect(zip.disposition).toBe(`attachment; filename="${PLAN}.csv.zip"`);
      tarDir = join(dir, 'tar');
      zipDir = join(dir, 'zip');
      writeFileSync(join(dir, 'a.tar.gz'), tgz.body);
      writeFileSync(join(dir, 'a.zip'), zip.body);
      execFileSync('mkdir', ['-p', tarDir, zipDir]);
      execFileSync('tar', ['-xzf', join(dir, 'a.tar.gz'), '-C', tarDir]);
      // unzip reads the MS-DOS time as local time: pin the zone so the date check is exact.
      execFileSync('unzip', ['-q', join(dir, 'a.zip'), '-d', zipDir], { env: { ...process.env, TZ: 'UTC' } });
      const [row] = await client.readRows('MATCH (p:Plan {id: $p}) RETURN p.loadedAt AS at', { p: PLAN }, shape({ at: z.string() }));
      loadedAt = Date.parse(row.at);
    });

    it('holds the same files in both archives, dated with the plan load, each starting with a BOM', () => {
      const names = readdirSync(join(tarDir, PLAN)).sort();
      expect(readdirSync(join(zipDir, PLAN)).sort()).toEqual(names);
      expect(names).toEqual(expect.arrayContaining(['README.md', 'tasks.csv', 'nodes-Task.csv', 'nodes-District.csv', 'relationships-MENTIONS.csv', 'relationships-RESPONSIBLE.csv']));
      expect(Number.isNaN(loadedAt)).toBe(false);
      for (const name of names) {
        const fromTar = readFileSync(join(tarDir, PLAN, name));
        expect(readFileSync(join(zipDir, PLAN, name)).equals(fromTar)).toBe(true);
        if (name.endsWith('.csv')) expect(fromTar.subarray(0, 3).equals(BOM)).toBe(true);
        // tar keeps seconds; a zip keeps local (here UTC) time to two seconds.
        expect(Math.abs(statSync(join(tarDir, PLAN, name)).mtimeMs - loadedAt)).toBeLessThan(1000);
        expect(Math.abs(statSync(join(zipDir, PLAN, name)).mtimeMs - loadedAt)).toBeLessThan(2000);
      }
      // A real date: the plan was loaded by this test run's setup, not in 1970.
      expect(new Date(loadedAt).getUTCFullYear()).toBeGreaterThanOrEqual(2024);
    });

    it('has one tasks.csv row per task of the plan, everything joined in', async () => {
      const rows: Row[] = parse(readFileSync(join(zipDir, PLAN, 'tasks.csv')), { bom: true, columns: true });
      expect(rows.length).toBe(await count('MATCH (t:Task {planId: $p}) RETURN count(t) AS n'));
      expect(new Set(rows.map((r) => r.task_id)).size).toBe(rows.length);
      // Read by hand: the title is seed lines 15 and 17; the task is seed line 311, the third
      // sentence of 第三章 第五节's first paragraph.
      const row = rows.find((r) => r.task_id === `${PLAN}/chp_3__sec_5__para_1__sent_3`)!;
      expect(row).toMatchObject({
        plan_id: PLAN,
        plan_title: '重庆市新型城镇化规划(2021—2035 年)',
        chapter_number: '3',
        chapter_title: '高水平构建城镇化空间格局',
        section_number: '5',
        section_title: '推进以区县城区为重要载体的城镇化建设',
        measure_title: '提升区县城区综合承载能力',
        kind: 'sentence',
        text: '支持垫江、忠县、彭水开展国家县城新型城镇化建设示范。',
        source_line: '311',
      });
      expect(row.places.split('\n').sort()).toEqual(['垫江县 [text]', '彭水苗族土家族自治县 [text]', '忠县 [text]'].sort());
      const bodies = row.bodies.split('\n');
      const evidence = row.body_evidence.split('\n');
      expect(evidence).toHaveLength(bodies.length);
      const evidenceOf = (name: string) => evidence[bodies.findIndex((b) => b.startsWith(name))];
      // seed/curated-responsibilities.csv, chp_3__sec_5__para_1: lead 发展改革, with its rationale.
      expect(bodies[0]).toMatch(/^市发展改革委 \[curated\/lead\]$/);
      expect(evidenceOf('市发展改革委')).toBe('县城新型城镇化建设示范由发展改革部门牵头');
      // The task names 忠县: its government delivers it, by a rule (derived), not by the text.
      expect(bodies.filter((b) => b.startsWith('忠县人民政府 [derived/'))).toHaveLength(1);
      expect(evidenceOf('忠县人民政府')).toBe('忠县');
    });

    it('lists 忠县 on exactly the seven tasks that name it', () => {
      const rows: Row[] = parse(readFileSync(join(tarDir, PLAN, 'tasks.csv')), { bom: true, columns: true });
      // Read by hand (as in the API contract test): 3 sentences of 3.3, the 3.5 pilot sentence,
      // 专栏4, 专栏7 and 专栏9.
      const zhong = rows.filter((r) => r.places.split('\n').includes('忠县 [text]')).map((r) => r.task_id.replace(`${PLAN}/`, ''));
      expect(zhong).toEqual(['chp_3__sec_3__para_1__sent_1', 'chp_3__sec_3__para_1__sent_3', 'chp_3__sec_3__para_2__sent_4', 'box_4__entry_7', 'chp_3__sec_5__para_1__sent_3', 'box_7__entry_3', 'box_9__entry_2']);
    });

    it('has per-type sheets whose row counts match the graph', async () => {
      const read = (name: string): Row[] => parse(readFileSync(join(tarDir, PLAN, name)), { bom: true, columns: true });
      expect(read('nodes-Task.csv').length).toBe(await count('MATCH (t:Task {planId: $p}) RETURN count(t) AS n'));
      expect(read('nodes-Measure.csv').length).toBe(await count('MATCH (m:Measure {planId: $p}) RETURN count(m) AS n'));
      expect(read('relationships-MENTIONS.csv').length).toBe(await count('MATCH (:Entity {planId: $p})-[r:MENTIONS]->() RETURN count(r) AS n'));
      expect(read('relationships-RESPONSIBLE.csv').length).toBe(await count('MATCH (:Entity {planId: $p})-[r:RESPONSIBLE]->() RETURN count(r) AS n'));
      // Nine chapters, read by hand from the seed.
      expect(read('nodes-Chapter.csv').map((r) => r.title)).toEqual(expect.arrayContaining(['规划背景', '总体要求', '规划实施保障']));
      expect(read('nodes-Chapter.csv')).toHaveLength(9);
    });
  });

  it('serves JSON Lines that zlib and JSON.parse read back to the graph counts', async () => {
    const res = await download(`${PLAN}.jsonl.gz`);
    expect(res.status).toBe(200);
    const lines = gunzipSync(res.body).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string; type?: string; labels?: string[] });
    const rels = (type: string) => lines.filter((l) => l.kind === 'relationship' && l.type === type).length;
    expect(lines.filter((l) => l.kind === 'node' && l.labels!.includes('Task')).length).toBe(await count('MATCH (t:Task {planId: $p}) RETURN count(t) AS n'));
    expect(rels('MENTIONS')).toBe(await count('MATCH (:Entity {planId: $p})-[r:MENTIONS]->() RETURN count(r) AS n'));
    expect(rels('PART_OF')).toBe(await count('MATCH (:Entity {planId: $p})-[r:PART_OF]->() RETURN count(r) AS n'));
  });

  describe('JSON-LD through jsonld.js to N-Quads', () => {
    let quads: string[];
    beforeAll(async () => {
      const res = await download(`${PLAN}.jsonld`);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/ld+json');
      const doc = JSON.parse(res.body.toString('utf8')) as { '@context': Record<string, unknown> };
      expect(doc['@context']['@base']).toBe('urn:plan-graph:');
      const nquads = await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads' });
      if (typeof nquads !== 'string') throw new Error('jsonld.toRDF with a format returns a string');
      quads = nquads.trimEnd().split('\n');
    });
    const ELI = 'http://data.europa.eu/eli/ontology#';
    const PG = 'urn:plan-graph:vocab#';
    const ID = 'urn:plan-graph:';

    it('keeps every id under its base and has no blank nodes', () => {
      const subjects = new Set(quads.map((q) => q.slice(0, q.indexOf(' '))));
      expect(subjects.has(`<${ID}${PLAN}/chp_3__sec_5__para_1__sent_3>`)).toBe(true);
      expect(subjects.has(`<${ID}place/500233>`)).toBe(true);
      expect([...subjects].filter((s) => !s.startsWith(`<${ID}`))).toEqual([]);
      expect(quads.filter((q) => q.includes('_:'))).toEqual([]);
    });

    it('tags Chinese strings zh-Hans and links with references', () => {
      // BCP 47 tags are case-insensitive; jsonld.js writes them in lower case.
      expect(quads.map((q) => q.replace(/@zh-hans \.$/i, '@zh-Hans .'))).toContain(`<${ID}${PLAN}/chp_3> <${ELI}title> "高水平构建城镇化空间格局"@zh-Hans .`);
      expect(quads.filter((q) => /^<[^>]+> <[^>]+> "[^"]*\p{Script=Han}[^"]*" \.$/u.test(q))).toEqual([]);
      expect(quads).toContain(`<${ID}body/gov/500233> <${PG}governs> <${ID}place/500233> .`);
      expect(quads).toContain(`<${ID}${PLAN}/chp_3__sec_5__para_1__sent_3> <${ELI}relevant_for> <${ID}place/500233> .`);
      expect(quads).toContain(`<${ID}${PLAN}/chp_3__sec_5__para_1__sent_3> <${ELI}is_part_of> <${ID}${PLAN}/chp_3__sec_5__para_1> .`);
    });

    it('gives every link an id and its evidence, one link node per relationship', async () => {
      const linkType = (t: string) => quads.filter((q) => q.includes(`<${PG}linkType> "${t}"`)).length;
      expect(linkType('MENTIONS')).toBe(await count('MATCH (:Entity {planId: $p})-[r:MENTIONS]->() RETURN count(r) AS n'));
      expect(linkType('RESPONSIBLE')).toBe(await count('MATCH (:Entity {planId: $p})-[r:RESPONSIBLE]->() RETURN count(r) AS n'));
      const link = quads.find((q) => q.includes(`<${PG}from> <${ID}${PLAN}/chp_3__sec_5__para_1>`) && q.startsWith(`<${ID}${PLAN}/chp_3__sec_5__para_1#RESPONSIBLE-`))!;
      const subject = link.slice(0, link.indexOf(' '));
      expect(quads.filter((q) => q.startsWith(subject + ' ') && q.includes(`<${PG}rationale> `)).length).toBe(1);
    });
  });

  it('answers an unknown plan and an unknown format with 404 and a code', async () => {
    const missing = await download('no-such-plan.csv.zip');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString('utf8'))).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    expect((await download(`${PLAN}.xlsx`)).status).toBe(404);
  });
});
