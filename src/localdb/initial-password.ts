/**
 * Sets the password of user `neo4j` before the first start, with Neo4j's own admin tool from the
 * same jars (`neo4j-admin dbms set-initial-password`). Neo4j only honours this before the system
 * database exists, so it runs only when the data folder has no authentication state yet.
 *
 * The admin tool finds the home and conf through NEO4J_HOME / NEO4J_CONF, set for the child only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { HomeLayout } from './home-layout';
import { NEO4J_ADMIN_MAIN_CLASS } from './jvm-flags';
import { LocalDbError } from './localdb-error';

type Env = Record<string, string | undefined>;

/** Neo4j's default dbms.security.auth_minimum_password_length. */
export const MIN_PASSWORD_LENGTH = 8;

/** True once a password was set (auth.ini) or the server has created its system database. */
export function hasAuthState(layout: HomeLayout): boolean {
  return (
    fs.existsSync(path.join(layout.data, 'dbms', 'auth.ini')) ||
    fs.existsSync(path.join(layout.data, 'databases', 'system'))
  );
}

export function setInitialPassword(opts: {
  javaPath: string;
  lib: string;
  layout: HomeLayout;
  password: string;
  env: Env;
  /** The admin tool is a JVM of its own: on a busy machine it starts as slowly as the server. */
  timeoutMs: number;
}): void {
  if (opts.password.length < MIN_PASSWORD_LENGTH) {
    throw new LocalDbError(`The local Neo4j password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const result = spawnSync(
    opts.javaPath,
    ['-cp', `${opts.lib}/*`, '-Xmx256m', NEO4J_ADMIN_MAIN_CLASS, 'dbms', 'set-initial-password', opts.password],
    {
      env: { ...opts.env, NEO4J_HOME: opts.layout.home, NEO4J_CONF: opts.layout.confDir },
      encoding: 'utf8',
      timeout: opts.timeoutMs,
    },
  );
  if (result.error || result.status !== 0 || !hasAuthState(opts.layout)) {
    const detail = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0);
    throw new LocalDbError(`Setting the local Neo4j password failed: ${detail ?? result.error?.message ?? 'no output'}${result.error && /ETIMEDOUT/.test(result.error.message) ? ` (no answer within ${Math.round(opts.timeoutMs / 1000)} s: the machine is busy; retry, or raise the start timeout)` : ''}`);
  }
}
