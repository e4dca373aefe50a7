import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

/**
 * The monitoring feed is a polling pattern over the audit trail (README, "The monitoring feed"):
 * every write of a report, an observation or a correction appends an event in its own
 * transaction, and a client polls `auditTrail(after: <settled cursor>)`, showing each event id
 * once. The cursor kept is that of the last event older than the settling time, because an event
 * is stamped before its transaction commits: one stamped earlier may still appear behind a newer one.
 * This test runs the pattern as a client would and checks that each write shows up exactly once,
 * in order, across pages.
 */
jest.setTimeout(180_000);

// 支持垫江、忠县、彭水开展国家县城新型城镇化建设示范 (chapter 3, section 5, paragraph 1, sentence 3).
const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`;
const INDICATOR = `${SEED_PLAN_ID}/box_1__ind_1`;

interface FeedEvent {
  id: string;
  at: string;
  action: string;
  recordId: string | null;
}
interface FeedPage {
  auditTrail: { pageInfo: { hasNextPage: boolean }; edges: { cursor: string; node: FeedEvent }[] };
}

const FEED = `query Feed($after: String, $first: Int!) {
  auditTrail(after: $after, first: $first) {
    pageInfo { hasNextPage }
    edges { cursor node { id at action recordId } }
  }
}`;

/** The documented client: a settled cursor, and the ids seen since it. */
class MonitoringFeed {
  private settledCursor: string | null = null;
  private seenSinceSettled = new Map<string, string>();

  constructor(
    private readonly ask: (after: string | null) => Promise<FeedPage>,
    private readonly settleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The events not shown before, oldest first. */
  async poll(): Promise<FeedEvent[]> {
    const fresh: FeedEvent[] = [];
    let after = this.settledCursor;
    for (;;) {
      const page = (await this.ask(after)).auditTrail;
      for (const { cursor, node } of page.edges) {
        if (!this.seenSinceSettled.has(node.id)) fresh.push(node);
        this.seenSinceSettled.set(node.id, node.at);
        if (Date.parse(node.at) < this.now() - this.settleMs) {
          this.settledCursor = cursor;
          this.seenSinceSettled.delete(node.id);
        }
        after = cursor;
      }
      if (!page.pageInfo.hasNextPage) return fresh;
    }
  }
}

describe('the monitoring feed (polling the audit trail with a cursor)', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await issueTestKey(api.graph, 'feed-editor', 'editor')).token;
  });
  afterAll(() => api.stop());

  const write = async (query: string, input: Record<string, unknown>): Promise<string> => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { i: input } }) });
    const body = (await res.json()) as { data?: Record<string, { id: string }>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return Object.values(body.data!)[0].id;
  };
  const report = (period: string, status: string) =>
    write('mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }', { taskId: TASK, place: '忠县', period, status, reporter: 'feed-test' });
  const observe = (year: number, value: number) =>
    write('mutation($i: RecordObservationInput!) { recordObservation(input: $i) { id } }', { indicatorId: INDICATOR, year, value, source: 'feed-test', reporter: 'feed-test' });
  /** Anonymous reads, as a dashboard polls; pages of 2 so that paging is exercised. */
  const ask = async (after: string | null): Promise<FeedPage> => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: FEED, variables: { after, first: 2 } }) });
    const body = (await res.json()) as { data: FeedPage; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  it('shows every report, observation and correction once, in order, whatever the settling time', async () => {
    for (const settleMs of [0, 60_000]) {
      const feed = new MonitoringFeed(ask, settleMs);
      const before = await feed.poll();
      // Anonymous callers never see key events (the key above was issued with one).
      expect(before.filter((e) => e.action.startsWith('key'))).toEqual([]);

      const first = [await report(`2030-Q${settleMs === 0 ? 1 : 3}`, 'in_progress'), await observe(settleMs === 0 ? 2030 : 2029, 10)];
      const shown = await feed.poll();
      expect(shown.map((e) => e.recordId)).toEqual(first);
      expect(shown.map((e) => e.action)).toEqual(['report.create', 'observation.create']);

      const correction = await report(`2030-Q${settleMs === 0 ? 1 : 3}`, 'done');
      const more = [await observe(settleMs === 0 ? 2028 : 2027, 11), await report(`2030-Q${settleMs === 0 ? 2 : 4}`, 'at_risk')];
      const next = await feed.poll();
      expect(next.map((e) => e.recordId)).toEqual([correction, ...more]);
      expect(next[0].action).toBe('report.correct');

      expect(await feed.poll()).toEqual([]);
    }
  });
});
