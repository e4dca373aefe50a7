import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { toCsvFiles } from '../../src/export/formats';
import type { GraphClient } from '../../src/graph/graph-client';
import { importPlanGraph } from '../../src/graph/import-plan-graph';
import { INTEGER_PROPERTIES } from '../../src/graph/integer-properties';
import { MIGRATION_DONE, MIGRATION_ID, migrateIntegerProperties } from '../../src/graph/migrate-integers';
import { writePlan } from '../../src/graph/plan-writer';
import { exportPlanGraph } from '../../src/graph/read/plan-export';
import { toGraph } from '../../src/ingest/to-graph';
import { removePlan, testClient } from '../helpers/graph';
import { NO_ROWS, shape } from '../helpers/rows';
import { seedDocument } from '../helpers/seed-document';

/** Integer properties are stored as Neo4j INTEGERs, and older FLOATs are migrated at start-up. */
describe('integers in the graph', () => {
  let client: GraphClient;
  const P = 'test-integers';
  const CHAPTER_3 = `${P}/chp_3`; // read by hand: 第三章 高水平构建城镇化空间格局
  const TYPES = shape({ key: z.string(), type: z.string(), n: z.number() });

  /** How many values of each integer-named property of the plan's nodes have each value type. */
  const nodeTypes = async () =>
    client.readRows(
      `MATCH (n:Entity {planId: $p}) UNWIND $keys AS key WITH key, valueType(n[key]) AS type WHERE type <> 'NULL'
       RETURN key, type, count(*) AS n ORDER BY key, type`,
      { p: P, keys: INTEGER_PROPERTIES },
      TYPES,
    );
  const relationshipTypes = async () =>
    client.readRows(
      `MATCH (:Entity {planId: $p})-[r]->() UNWIND $keys AS key WITH key, valueType(r[key]) AS type WHERE type <> 'NULL'
       RETURN key, type, count(*) AS n ORDER BY key, type`,
      { p: P, keys: INTEGER_PROPERTIES },
      TYPES,
    );
  const typeOf = async (cypher: string, params: Record<string, unknown>) => (await client.readRows(cypher, params, shape({ type: z.string() })))[0].type;

  // Loading a whole plan takes longer than jest's default on a busy machine.
  beforeAll(async () => {
    client = await testClient();
    await client.writeRows(`MATCH (n:IntegerMigrationTest {planId: $p}) DETACH DELETE n`, { p: P }, NO_ROWS);
    await removePlan(client, P);
    await writePlan(client, toGraph(seedDocument(P)));
  }, 180_000);
  afterAll(async () => {
    await client.writeRows(`MATCH (n:IntegerMigrationTest {planId: $p}) DETACH DELETE n`, { p: P }, NO_ROWS);
    await removePlan(client, P);
    await client.close();
  });

  it('writes every integer property of a load as INTEGER, on nodes and relationships', async () => {
    const nodes = await nodeTypes();
    const rels = await relationshipTypes();
    expect(nodes.filter((r) => r.type !== 'INTEGER NOT NULL')).toEqual([]);
    expect(rels.filter((r) => r.type !== 'INTEGER NOT NULL')).toEqual([]);
    // The properties are there at all: every node has its offsets, every mention its start.
    expect(nodes.map((r) => r.key)).toEqual(expect.arrayContaining(['number', 'order', 'sourceStart', 'sourceEnd', 'sourceLine', 'sourceEndLine', 'year', 'baselineYear', 'targetYear']));
    expect(rels.map((r) => r.key)).toEqual(expect.arrayContaining(['start', 'end']));
    expect(await typeOf(`MATCH (c:Chapter {id: $id}) RETURN valueType(c.number) AS type`, { id: CHAPTER_3 })).toBe('INTEGER NOT NULL');
  });

  it('is migrated at start-up, once: applying the schema records the migration', async () => {
    const [row] = await client.readRows(MIGRATION_DONE, { id: MIGRATION_ID }, shape({ done: z.boolean() }));
    expect(row.done).toBe(true);
  });

  it('migrates FLOATs written on purpose to INTEGERs, leaves real floats alone, and does it once', async () => {
    await client.writeRows(
      `MATCH (c:Chapter {id: $id}) SET c.number = 3.0, c.sourceStart = toFloat(c.sourceStart)
       WITH c MATCH (c)<-[:PART_OF]-(:Section)<-[:PART_OF]-(:Measure)<-[:PART_OF]-(t:Task)-[m:MENTIONS]->() SET m.start = toFloat(m.start)
       CREATE (:IntegerMigrationTest {planId: $p, number: 2.5, value: 4.0, year: 2025.0})`,
      { id: CHAPTER_3, p: P },
      NO_ROWS,
    );
    expect(await typeOf(`MATCH (c:Chapter {id: $id}) RETURN valueType(c.number) AS type`, { id: CHAPTER_3 })).toBe('FLOAT NOT NULL');
    expect((await relationshipTypes()).some((r) => r.key === 'start' && r.type === 'FLOAT NOT NULL')).toBe(true);

    const first = await migrateIntegerProperties(client);
    // Chapter 3 and the test node; at least one mention.
    expect(first.nodes).toBeGreaterThanOrEqual(2);
    expect(first.relationships).toBeGreaterThanOrEqual(1);
    expect((await nodeTypes()).filter((r) => r.type !== 'INTEGER NOT NULL')).toEqual([]);
    expect((await relationshipTypes()).filter((r) => r.type !== 'INTEGER NOT NULL')).toEqual([]);
    const [chapter] = await client.readRows(`MATCH (c:Chapter {id: $id}) RETURN c.number AS number`, { id: CHAPTER_3 }, shape({ number: z.number() }));
    expect(chapter.number).toBe(3);
    const [probe] = await client.readRows(
      `MATCH (n:IntegerMigrationTest {planId: $p}) RETURN valueType(n.number) AS number, valueType(n.value) AS value, valueType(n.year) AS year`,
      { p: P },
      shape({ number: z.string(), value: z.string(), year: z.string() }),
    );
    // 2.5 is not an integer (refused by the decoders, never rounded); value is a float by design.
    expect(probe).toEqual({ number: 'FLOAT NOT NULL', value: 'FLOAT NOT NULL', year: 'INTEGER NOT NULL' });

    const before = JSON.stringify(await nodeTypes());
    await migrateIntegerProperties(client);
    expect(JSON.stringify(await nodeTypes())).toBe(before);
    const [still] = await client.readRows(`MATCH (n:IntegerMigrationTest {planId: $p}) RETURN n.number AS number`, { p: P }, shape({ number: z.number() }));
    expect(still.number).toBe(2.5);
  }, 120_000);

  it('exports integers as integers and an import writes them back as INTEGER', async () => {
    const graph = await exportPlanGraph(client, P);
    expect(graph).not.toBeNull();
    const chapters = toCsvFiles(graph!).get('nodes-Chapter.csv') ?? '';
    // The CSV row of chapter 3 (read by hand: 第三章) has its number as 3, not 3.0.
    const records: Record<string, string>[] = parse(chapters, { columns: true, bom: true });
    const row = records.find((r) => r.id === CHAPTER_3);
    expect(row?.number).toBe('3');

    // Re-import the plan's own nodes and the links among them (not the shared places and bodies).
    const own = graph!.nodes.filter((n) => n.properties.planId === P);
    const ids = new Set(own.map((n) => n.id));
    await client.writeRows(`MATCH (n:Entity {planId: $p}) SET n.sourceStart = toFloat(n.sourceStart)`, { p: P }, NO_ROWS);
    await importPlanGraph(client, own, graph!.relationships.filter((r) => ids.has(r.from) && ids.has(r.to) && r.type === 'PART_OF'));
    expect((await nodeTypes()).filter((r) => r.type !== 'INTEGER NOT NULL')).toEqual([]);
  }, 120_000);
});
