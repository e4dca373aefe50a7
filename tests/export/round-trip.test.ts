import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { toCsvFiles, toJsonLd, toJsonLines, toJsonLinesGzip } from '../../src/export/formats';
import { applySchema } from '../../src/graph/apply-schema';
import { GraphClient } from '../../src/graph/graph-client';
import { importPlanGraph, parseJsonLines, ImportError } from '../../src/graph/import-plan-graph';
import { exportPlanGraph } from '../../src/graph/read/plan-export';
import { loadConfig } from '../../src/config';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startLocalNeo4j, type LocalNeo4jHandle } from '../../src/localdb/local-neo4j';
import { findFreePort } from '../../src/localdb/port-check';
import { testClient } from '../helpers/graph';

/** Export, load into an empty database, export again: identical. */
jest.setTimeout(180_000);

describe('bulk export', () => {
  let source: GraphClient;
  let empty: LocalNeo4jHandle;
  let target: GraphClient;
  const dir = mkdtempSync(join(tmpdir(), 'plan-graph-export-'));

  beforeAll(async () => {
    source = await testClient();
    empty = await startLocalNeo4j({ home: join(dir, 'neo4j'), boltPort: await findFreePort(), heap: '512m', pageCache: '128m', password: 'export-test', env: process.env, detached: false });
    target = GraphClient.create(loadConfig({ ...process.env, NEO4J_URI: empty.uri, NEO4J_PASSWORD: 'export-test' }).neo4j);
    await applySchema(target);
  });
  afterAll(async () => {
    await source.close();
    await target?.close();
    await empty?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips the JSON Lines export through an empty database byte for byte', async () => {
    const first = await exportPlanGraph(source, SEED_PLAN_ID);
    expect(first).not.toBeNull();
    const gz = toJsonLinesGzip(first!);
    const parsed = parseJsonLines(gunzipSync(gz).toString('utf8'));
    await importPlanGraph(target, parsed.nodes, parsed.relationships);
    const second = await exportPlanGraph(target, SEED_PLAN_ID);
    expect(toJsonLines(second!)).toBe(toJsonLines(first!));
    expect(first!.nodes.length).toBeGreaterThan(682);
    expect(first!.relationships.some((r) => r.type === 'RESPONSIBLE' && r.properties.basis === 'curated')).toBe(true);
  });

  it('writes CSV per type with a README, and JSON-LD with the ELI vocabulary', async () => {
    const graph = (await exportPlanGraph(source, SEED_PLAN_ID))!;
    const files = toCsvFiles(graph);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['README.md', 'nodes-Task.csv', 'nodes-District.csv', 'relationships-MENTIONS.csv', 'relationships-RESPONSIBLE.csv']));
    const tasks = files.get('nodes-Task.csv')!.split('\n');
    expect(tasks[0].startsWith('id,labels,')).toBe(true);
    // One row per task (a quoted cell may span lines: count the rows by their id).
    expect(tasks.filter((l) => l.startsWith(`${SEED_PLAN_ID}/`)).length).toBe(graph.nodes.filter((n) => n.labels.includes('Task')).length);
    expect(files.get('README.md')).toContain('nodes-Task.csv');
    const ld = toJsonLd(graph) as { '@context': Record<string, unknown>; '@graph': Record<string, unknown>[] };
    expect(ld['@context'].eli).toBe('http://data.europa.eu/eli/ontology#');
    const task = ld['@graph'].find((n) => n['@id'] === `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`)!;
    expect(task.is_part_of).toEqual([`${SEED_PLAN_ID}/chp_3__sec_5__para_1`]);
    expect(task.relevant_for).toEqual(expect.arrayContaining(['place/500231', 'place/500233', 'place/500243']));
    expect(task.responsibility_of).toEqual(expect.arrayContaining(['body/gov/500233']));
  });

  it('refuses labels and types that are not part of a plan graph', async () => {
    await expect(importPlanGraph(target, [{ id: 'x', labels: ['Entity', 'Evil` DETACH DELETE n //'], properties: {} }], [])).rejects.toThrow(ImportError);
  });
});
