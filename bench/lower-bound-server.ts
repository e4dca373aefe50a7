import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { QUERIES } from './queries';

/**
 * The lower bound over HTTP: a minimal node:http handler that answers each query of the mix with
 * its hand-written Cypher in one round trip, shaped into the JSON Plan Graph returns.
 * POST /<index of the query>  ->  {"data": ...}
 */
const config = loadConfig();
const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password), { disableLosslessIntegers: true });

const server = createServer((req, res) => {
  const q = QUERIES[Number((req.url ?? '/').slice(1))];
  req.resume();
  req.on('end', () => {
    if (!q) {
      res.writeHead(404).end();
      return;
    }
    driver
      .executeQuery(q.cypher.text, q.cypher.params, { database: config.neo4j.database, routing: neo4j.routing.READ })
      .then((result) => {
        const body = JSON.stringify({ data: q.shapeCypher(result.records.map((r) => r.toObject())) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      });
  });
});
server.listen(config.port, '127.0.0.1', () => process.stdout.write(`ready ${config.port}\n`));
process.on('SIGTERM', () => server.close(() => driver.close().then(() => process.exit(0))));
