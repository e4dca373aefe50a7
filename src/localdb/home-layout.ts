/**
 * Where everything of one local Neo4j lives under its home folder. Contract: every path is
 * absolute (Neo4j resolves relative paths against its own home, which would be surprising).
 */
import path from 'node:path';

export interface HomeLayout {
  home: string;
  confDir: string;
  confFile: string;
  data: string;
  logs: string;
  run: string;
  plugins: string;
  import: string;
  transactions: string;
  licenses: string;
  dumps: string;
  scripts: string;
  /** Written by us (not by Neo4j) when we spawn the server. */
  pidFile: string;
  /** The server's stdout and stderr. */
  consoleLog: string;
}

export function homeLayout(home: string): HomeLayout {
  const root = path.resolve(home);
  const data = path.join(root, 'data');
  const run = path.join(root, 'run');
  const logs = path.join(root, 'logs');
  return {
    home: root,
    confDir: path.join(root, 'conf'),
    confFile: path.join(root, 'conf', 'neo4j.conf'),
    data,
    logs,
    run,
    plugins: path.join(root, 'plugins'),
    import: path.join(root, 'import'),
    transactions: path.join(data, 'transactions'),
    licenses: path.join(root, 'licenses'),
    dumps: path.join(data, 'dumps'),
    scripts: path.join(data, 'scripts'),
    pidFile: path.join(run, 'plan-graph.pid'),
    consoleLog: path.join(logs, 'console.log'),
  };
}
