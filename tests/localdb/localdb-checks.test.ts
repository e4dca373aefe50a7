import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findJava } from '../../src/localdb/find-java';
import { homeLayout } from '../../src/localdb/home-layout';
import { startLocalNeo4j } from '../../src/localdb/local-neo4j';
import { LocalDbError } from '../../src/localdb/localdb-error';
import { renderNeo4jConf } from '../../src/localdb/neo4j-conf';
import { findFreePort, isPortFree } from '../../src/localdb/port-check';

// Cheap checks of the local database tooling that need no running Neo4j.

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

test('isPortFree tells a taken port from a free one', async () => {
  const port = await findFreePort();
  expect(await isPortFree(port)).toBe(true);
  const server = await listen(port);
  try {
    expect(await isPortFree(port)).toBe(false);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('start refuses a Bolt port taken by another program, in one line', async () => {
  const port = await findFreePort();
  const server = await listen(port);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-graph-portcheck-'));
  try {
    const error = await startLocalNeo4j({
      home,
      boltPort: port,
      heap: '512m',
      pageCache: '128m',
      password: 'plan-graph-test',
      env: {},
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalDbError);
    expect((error as Error).message).toBe(
      `Port ${port} is in use by another program: stop it or set LOCAL_NEO4J_BOLT_PORT to a free port`,
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('without Java 17 or 21 the error says what to install', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-graph-nojvm-'));
  try {
    expect(() => findJava({ PATH: empty }, empty)).toThrow(
      /^Neo4j 5\.26 needs Java 17 or 21: install openjdk-17-jre-headless \(apt-get install openjdk-17-jre-headless\) or set JAVA_HOME/,
    );
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('the generated neo4j.conf uses absolute paths, loopback Bolt and no HTTP', () => {
  const conf = renderNeo4jConf(homeLayout('/tmp/x/home'), {
    boltPort: 7777,
    heap: '1g',
    pageCache: '512m',
    lib: '/repo/db/lib',
  });
  const settings = conf.split('\n').filter((line) => /^[a-z]/.test(line));
  for (const line of settings.filter((l) => l.startsWith('server.directories.'))) {
    expect(line.split('=')[1]).toMatch(/^\//);
  }
  expect(settings).toEqual(
    expect.arrayContaining([
      'server.default_listen_address=127.0.0.1',
      'server.bolt.listen_address=127.0.0.1:7777',
      'server.http.enabled=false',
      'server.https.enabled=false',
      'server.memory.heap.max_size=1g',
      'server.memory.pagecache.size=512m',
      'dbms.memory.transaction.total.max=512m',
    ]),
  );
  expect(conf).not.toMatch(/transaction\.timeout/);
});
