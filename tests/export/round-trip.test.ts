import { mkdtempSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { shape } from '../helpers/rows';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { toJsonLines, toJsonLinesGzip } from '../../src/export/formats';
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
    // A second JVM on a machine busy with other work can take minutes to answer.
    empty = await startLocalNeo4j({ home: join(dir, 'neo4j'), boltPort: await findFreePort(), heap: '512m', pageCache: '128m', password: 'export-test', env: process.env, detached: false, readyTimeoutMs: 600_000 });
    target = GraphClient.create(loadConfig({ ...process.env, NEO4J_URI: empty.uri, NEO4J_PASSWORD: 'export-test' }).neo4j);
    await applySchema(target);
  }, 660_000);
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
    // Counted in the source database by Cypher of its own, not by the exporter.
    const [counts] = await source.readRows(
      `MATCH (t:Task {planId: $p}) WITH count(t) AS tasks
       MATCH (:Measure {planId: $p})-[r:RESPONSIBLE {basis: 'curated'}]->(:Body) RETURN tasks, count(r) AS curated`,
      { p: SEED_PLAN_ID },
      shape({ tasks: z.number(), curated: z.number() }),
    );
    expect(second!.nodes.filter((n) => n.labels.includes('Task')).length).toBe(counts.tasks);
    expect(second!.relationships.filter((r) => r.type === 'RESPONSIBLE' && r.properties.basis === 'curated').length).toBe(counts.curated);
    // seed/curated-responsibilities.csv has 231 rows (its header aside).
    expect(counts.curated).toBe(231);
  });

  it('refuses labels and types that are not part of a plan graph', async () => {
    await expect(importPlanGraph(target, [{ id: 'x', labels: ['Entity', 'Evil` DETACH DELETE n //'], properties: {} }], [])).rejects.toThrow(ImportError);
  });
});
