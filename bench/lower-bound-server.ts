import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { runLower, type LowerCall } from './lower-bound';

/**
 * The lower bound over HTTP: a minimal node:http handler that answers each operation of the bench
 * with its hand-written Cypher (bench/lower-bound.ts) in one round trip, shaped into the JSON
 * Plan Graph returns.  POST /  {"kind": "dossier", "params": {...}}  ->  {"data": ...}
 */
const config = loadConfig();
const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password), { disableLosslessIntegers: true });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let call: LowerCall;
    try {
      call = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LowerCall;
    } catch {
      res.writeHead(400).end();
      return;
    }
    runLower(driver, config.neo4j.database, call)
      .then((json: unknown) => {
        const body = JSON.stringify(json);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      });
  });
});
server.listen(config.port, '127.0.0.1', () => process.stdout.write(`ready ${config.port}\n`));
process.on('SIGTERM', () => server.close(() => driver.close().then(() => process.exit(0))));
