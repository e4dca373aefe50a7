import { AppError } from '../../src/errors/app-error';
import { GraphClient } from '../../src/graph/graph-client';
import { findFreePort } from '../../src/localdb/port-check';
import { NO_ROWS } from '../helpers/rows';

// A port that was just free: nothing listens there, so every connection is refused.
let client: GraphClient;

beforeAll(async () => {
  const port = await findFreePort();
  client = GraphClient.create({
    uri: `bolt://127.0.0.1:${port}`,
    user: 'neo4j',
    password: 'irrelevant-password',
    database: 'neo4j',
    managedLocally: false,
    timeouts: { readMs: 1_000, writeMs: 1_000, ingestMs: 1_000 },
  });
});

afterAll(() => client.close());

test('ping() rejects quickly with SERVICE_UNAVAILABLE', async () => {
  const started = Date.now();
  const error = await client.ping().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
    message: 'The database is unreachable; try again shortly',
  });
  expect(Date.now() - started).toBeLessThan(5_000);
});

test('read() gives up after the bounded retry with SERVICE_UNAVAILABLE', async () => {
  const started = Date.now();
  await expect(client.readRows('RETURN 1', {}, NO_ROWS)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  expect(Date.now() - started).toBeLessThan(15_000);
});
