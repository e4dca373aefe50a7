import { loadConfig } from '../../src/config';
import { AppError } from '../../src/errors/app-error';
import { GraphClient, int } from '../../src/graph/graph-client';
import { z } from 'zod';
import { ANY_ROW, NO_ROWS, shape } from '../helpers/rows';

// Runs against the real test database started by tests/setup/global-setup.ts.
const config = loadConfig(process.env).neo4j;
const id = `graph-client-test-${process.pid}-${Date.now()}`;
let client: GraphClient;

beforeAll(() => {
  client = GraphClient.create(config);
});

afterAll(async () => {
  await client.writeRows('MATCH (n:GraphClientTest {id: $id}) DETACH DELETE n', { id }, NO_ROWS);
  await client.close();
});

test('writes a node and reads it back as a plain object', async () => {
  const created = await client.writeRows(
    'CREATE (n:GraphClientTest {id: $id, title: $title, count: $count, day: date($day)}) RETURN n',
    { id, title: 'Plan', count: int(42), day: '2024-05-01' }, shape({ n: z.record(z.string(), z.unknown()) }),
  );
  expect(created).toEqual([{ n: { id, title: 'Plan', count: 42, day: '2024-05-01' } }]);

  const rows = await client.readRows(
    'MATCH (n:GraphClientTest {id: $id}) RETURN n.title AS title, n.count AS count',
    { id }, shape({ title: z.string(), count: z.number() }),
  );
  expect(rows).toEqual([{ title: 'Plan', count: 42 }]);
  expect(typeof rows[0].count).toBe('number');
});

test('counts every query as one round trip', async () => {
  client.resetStats();
  await client.readRows('RETURN 1 AS one', {}, NO_ROWS);
  expect(client.stats.roundTrips).toBe(1);

  const total = await client.read(async (tx) => {
    const a = await tx.run('RETURN 1 AS x');
    const b = await tx.run('RETURN 2 AS x');
    return a.records.length + b.records.length;
  });
  expect(total).toBe(2);
  expect(client.stats.roundTrips).toBe(3);

  await client.ping();
  expect(client.stats.roundTrips).toBe(4);
  client.resetStats();
  expect(client.stats.roundTrips).toBe(0);
});

test('converts integers, temporals, lists and maps at the boundary', async () => {
  const [row] = await client.readRows(
    `RETURN 9007199254740991 AS maxSafe, date('2024-02-29') AS day,
            datetime('2024-02-29T10:15:00Z') AS at, duration('P1DT2H') AS span,
            [1, {a: 2, b: [date('2020-01-01')]}] AS nested, null AS nothing`, {}, ANY_ROW,
  );
  expect(row).toEqual({
    maxSafe: 9007199254740991,
    day: '2024-02-29',
    at: '2024-02-29T10:15:00Z',
    span: 'P1DT2H',
    nested: [1, { a: 2, b: ['2020-01-01'] }],
    nothing: null,
  });
});

test('refuses integers that do not fit a JavaScript number', async () => {
  await expect(client.readRows('RETURN 9007199254740993 AS tooBig', {}, NO_ROWS)).rejects.toThrow(/outside the safe/);
});

test('maps a uniqueness violation to CONFLICT', async () => {
  const label = `GraphClientUnique_${process.pid}`;
  const constraint = `graph_client_unique_${process.pid}`;
  await client.writeRows(`CREATE CONSTRAINT ${constraint} IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE`, {}, NO_ROWS);
  try {
    await client.writeRows(`CREATE (:${label} {key: 'k'})`, {}, NO_ROWS);
    await expect(client.writeRows(`CREATE (:${label} {key: 'k'})`, {}, NO_ROWS)).rejects.toMatchObject({
      name: 'AppError',
      code: 'CONFLICT',
    });
  } finally {
    await client.writeRows(`MATCH (n:${label}) DELETE n`, {}, NO_ROWS);
    await client.writeRows(`DROP CONSTRAINT ${constraint} IF EXISTS`, {}, NO_ROWS);
  }
});

test('maps a transaction over its time limit to TIMEOUT', async () => {
  const impatient = GraphClient.create({ ...config, timeouts: { ...config.timeouts, readMs: 200 } });
  try {
    const error = await impatient
      .readRows('UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS c', {}, NO_ROWS)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
  } finally {
    await impatient.close();
  }
});
