import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { GraphClient } from '../../src/graph/graph-client';
import type { PartialTaskRow, ProgressReportRow } from '../../src/graph/read/rows';
import { createContext } from '../../src/schema/context';
import { TaskResolver } from '../../src/schema/resolvers/task.resolver';

/**
 * A task's lists that a compiled read brought along (its reports, current reports, bodies, places
 * with their links, targets) reach the resolver as they are, not through a promise: an auditor's
 * portfolio has a hundred tasks, and every promise costs its resolution and its async hooks, and
 * makes graphql-js complete the whole list asynchronously. An unread key still goes to the
 * database through the loader.
 */
describe('a task’s fields read ahead', () => {
  let client: GraphClient;
  beforeAll(() => {
    client = GraphClient.create(loadConfig(process.env).neo4j);
  });
  afterAll(() => client.close());

  const task: PartialTaskRow = {
    nodeType: 'Task', id: 'read-ahead/task', planId: 'read-ahead', measureId: null, boxId: null, chapterId: null, sectionId: null, sourceStart: 0, retired: false,
  };
  const report: ProgressReportRow = {
    nodeType: 'ProgressReport', id: 'report/read-ahead', taskId: task.id, placeId: 'place/500101', period: '2025-Q3', status: 'in_progress',
    note: null, evidence: [], reporter: 'test', keyId: null, createdAt: '2026-01-01T00:00:00.000Z', supersedes: null,
  };

  it('are given at once when primed', () => {
    const ctx = createContext(client, loadConfig(process.env).limits, 'read-ahead');
    const { loaders } = ctx;
    const reports = [report];
    loaders.prime(loaders.latestReports, [task.id], [reports]);
    loaders.prime(loaders.reports(null), [task.id], [reports]);
    loaders.prime(loaders.bodiesOfTasks(null), [task.id], [[]]);
    loaders.prime(loaders.linksOf('MENTIONS', null), [task.id], [[]]);
    loaders.prime(loaders.nodesTo('STATED_IN'), [task.id], [[]]);
    const resolver = new TaskResolver();
    const answers = {
      latestReports: resolver.latestReports(task, ctx),
      reports: resolver.reports(task, null, ctx),
      bodies: resolver.bodies(task, null, ctx),
      bodyLinks: resolver.bodyLinks(task, null, ctx),
      placeLinks: resolver.placeLinks(task, null, ctx),
      targets: resolver.targets(task, ctx),
    };
    for (const answer of Object.values(answers)) expect(answer).not.toBeInstanceOf(Promise);
    expect(answers).toEqual({ latestReports: [report], reports: [report], bodies: [], bodyLinks: [], placeLinks: [], targets: [] });
  });

  it('are read through the loader when not', async () => {
    const ctx = createContext(client, loadConfig(process.env).limits, 'read-ahead');
    // No such task in the database: the loader asks it and finds nothing.
    const answer = new TaskResolver().latestReports(task, ctx);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual([]);
  });
});
