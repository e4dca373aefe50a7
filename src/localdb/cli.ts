/**
 * `npm run db:fetch | db:start | db:stop | db:status`: manage the local development Neo4j under
 * LocalDbConfig.home. Contract: a failure prints one line (no stack trace) and exits with 1.
 */
import { Command } from 'commander';
import { loadConfig, type Config } from '../config';
import { countJars, ensureJars, libDir } from './ensure-jars';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j';
import type { LocalDbLog } from './local-db-log';
import { findRepoRoot } from './repo-root';

const log: LocalDbLog = (message) => console.log(message);

/**
 * The local server's password: the configured one when the app uses the local database; when
 * NEO4J_URI points elsewhere, NEO4J_PASSWORD belongs to that server, so the local default is used.
 */
const LOCAL_DEFAULT_PASSWORD = 'plan-graph-local';
const localPassword = (config: Config): string =>
  config.neo4j.managedLocally ? config.neo4j.password : LOCAL_DEFAULT_PASSWORD;

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Error: ${message.split('\n')[0]}`);
  process.exit(1);
}

const program = new Command()
  .name('localdb')
  .description('Run the local development Neo4j (a Java process, no Docker)');

program
  .command('fetch')
  .description('download the Neo4j jars into db/lib with Maven (first time only)')
  .action(async () => {
    const repoRoot = findRepoRoot(__dirname);
    const lib = await ensureJars(repoRoot, log, process.env);
    log(`Neo4j jars ready: ${countJars(libDir(repoRoot))} jars in ${lib}`);
  });

program
  .command('start')
  .description('start Neo4j in the background (reuses a running one)')
  .action(async () => {
    const config = loadConfig(process.env);
    if (!config.neo4j.managedLocally) {
      log(`NEO4J_URI is set (${config.neo4j.uri}); the local database is not used, starting it anyway`);
    }
    await startLocalNeo4j({
      ...config.localDb,
      password: localPassword(config),
      env: process.env,
      detached: true,
      log,
    });
  });

program
  .command('stop')
  .description('stop the local Neo4j (clean shutdown, up to 60s)')
  .action(async () => {
    const config = loadConfig(process.env);
    await stopLocalNeo4j(config.localDb.home, log);
  });

program
  .command('status')
  .description('show whether the local Neo4j runs, its pid, Bolt URI and data folder')
  .action(async () => {
    const config = loadConfig(process.env);
    const status = await localNeo4jStatus(config.localDb.home, {
      password: localPassword(config),
    });
    if (!status.running) {
      log(`Neo4j: not running (data ${status.dataDir})`);
      return;
    }
    log(`Neo4j: running${status.ready ? ' and ready' : ' but not answering'}`);
    log(`  pid:  ${status.pid}`);
    log(`  uri:  ${status.uri ?? 'unknown'}`);
    log(`  data: ${status.dataDir}`);
    log(`  log:  ${status.consoleLog}`);
  });

program.parseAsync(process.argv).catch(fail);
