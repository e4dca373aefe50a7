import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { reportProgress } from '../../src/graph/write/monitoring';
import { SEED_PLAN_FILE } from '../../src/ingest/seed-data';
import { toGraph } from '../../src/ingest/to-graph';
import { PROJECT_ROOT } from '../../src/project-root';
import { countPlan, testClient } from '../helpers/graph';
import { seedDocument } from '../helpers/seed-document';
import { z } from 'zod';
import { shape } from '../helpers/rows';

/**
 * An ingest killed with SIGKILL half-way leaves the complete previous version, never a mix; readers
 * during an ingest see one version; monitoring records survive. The real CLI, in its own process.
 */
jest.setTimeout(120_000);

describe('ingest faults', () => {
  const P = 'test-ingest-kill';
  const dir = mkdtempSync(join(tmpdir(), 'plan-graph-kill-'));
  let client: GraphClient;

  beforeAll(async () => {
    client = await testClient();
    await writePlan(client, toGraph(seedDocument(P)));
    await reportProgress(client, { taskId: `${P}/chp_4__sec_1__para_1__sent_1`, placeId: 'place/500101', period: '2025-Q3', status: 'done', note: null, evidence: [], reporter: 'kill test' }, { name: 'test', keyId: null });
  });
  afterAll(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => {
    const counts = await countPlan(client, P);
    const [plan] = await client.readRows(`MATCH (p:Plan {id: $p}) RETURN p.checksum AS checksum, left(p.text, 30) AS text`, { p: P }, shape({ checksum: z.string(), text: z.string() }));
    const [task] = await client.readRows(`MATCH (t:Task {id: $id}) RETURN t.text AS text`, { id: `${P}/chp_4__sec_1__para_1__sent_1` }, shape({ text: z.string() }));
    const [records] = await client.readRows(`MATCH (r:ProgressReport {taskId: $id})-[:ABOUT]->(:Task) RETURN count(r) AS n`, { id: `${P}/chp_4__sec_1__para_1__sent_1` }, shape({ n: z.number() }));
    return { ...counts, ...plan, task: task.text, records: records.n };
  };

  it('leaves the previous version whole when the ingest is killed half-way', async () => {
    const before = await snapshot();
    // A revised text: the watched task's words change, so a half-written load would show.
    const revised = join(dir, 'revised.txt');
    writeFileSync(revised, readFileSync(SEED_PLAN_FILE, 'utf8').replace(/以“聚人”为目标/g, '以“聚人留人”为目标'));
    const cli = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/src/ingest/cli.js'), revised, '--plan-id', P, '--progress-lines'], {
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let killedAt = '';
    await new Promise<void>((resolve) => {
      cli.stderr.on('data', (d: Buffer) => {
        const line = d.toString();
        // Half-way: the tasks are written, the relationships are not.
        if (!killedAt && /step Task /.test(line)) {
          killedAt = line.trim();
          cli.kill('SIGKILL');
        }
      });
      cli.on('exit', () => resolve());
    });
    expect(killedAt).toMatch(/^step Task/);
    expect(cli.signalCode).toBe('SIGKILL');
    // The server rolls the open transaction back when the connection drops.
    let after = await snapshot();
    for (let i = 0; i < 20 && JSON.stringify(after) !== JSON.stringify(before); i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await snapshot();
    }
    expect(after).toEqual(before);
  });

  it('never shows readers an unfinished ingest: before the commit the old version, after it the new', async () => {
    const doc = seedDocument(P);
    const revised = { ...doc, tasks: doc.tasks.slice(0, 200), plan: { ...doc.plan, checksum: 'reader-test' } };
    // A dropped task that carries a report stays, retired.
    const reported = `${P}/chp_4__sec_1__para_1__sent_1`;
    const newCount = 200 + (revised.tasks.some((t) => t.id === reported) ? 0 : 1);
    const read = async () =>
      (
        await client.readRows(
          `MATCH (p:Plan {id: $p}) WITH p.checksum AS checksum RETURN checksum, COUNT { (t:Task {planId: $p}) } AS tasks`,
          { p: P }, shape({ tasks: z.number(), checksum: z.string() }),
        )
      )[0];
    const old = await read();
    let writing = true;
    let commitStarts = Infinity;
    let committed = Infinity;
    const readings: { start: number; end: number; tasks: number; checksum: string }[] = [];
    const reader = (async () => {
      while (writing) {
        const start = performance.now();
        const r = await read();
        readings.push({ start, end: performance.now(), ...r });
      }
    })();
    await writePlan(client, toGraph(revised), { onStep: (step) => step === 'done' && (commitStarts = performance.now()) });
    committed = performance.now();
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      readings.push({ start, end: performance.now(), ...(await read()) });
    }
    writing = false;
    await reader;
    // Readings that ended before the transaction began to commit saw none of it; readings that
    // began after the commit saw all of it. (Neo4j reads at read-committed isolation: a statement
    // that straddles the commit instant itself is not asserted; see the README.)
    const before = readings.filter((r) => r.end < commitStarts);
    const after = readings.filter((r) => r.start > committed);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    for (const r of before) expect({ checksum: r.checksum, tasks: r.tasks }).toEqual(old);
    for (const r of after) expect({ checksum: r.checksum, tasks: r.tasks }).toEqual({ checksum: 'reader-test', tasks: newCount });
    await writePlan(client, toGraph(doc), { force: true });
  });
});
