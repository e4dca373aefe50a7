/**
 * Finds a Java runtime that Neo4j 5.26 supports (17 or 21; newer ones such as 25 are refused
 * because 5.26 is only certified for those two).
 *
 * Order: $JAVA_HOME/bin/java, then `java` on PATH, then /usr/lib/jvm/<any>/bin/java (21 first).
 * The environment is a parameter: only src/config.ts and the entry points read process.env.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalDbError } from './localdb-error';

export const SUPPORTED_JAVA_VERSIONS = [17, 21];

export interface JavaRuntime {
  /** Absolute path of the java executable. */
  javaPath: string;
  /** Major version, e.g. 17. */
  version: number;
}

type Env = Record<string, string | undefined>;

function parseJavaSettings(output: string): JavaRuntime | undefined {
  const spec = /java\.specification\.version = (\S+)/.exec(output);
  const home = /java\.home = (.+)/.exec(output);
  if (!spec || !home) return undefined;
  const version = Number(spec[1].startsWith('1.') ? spec[1].slice(2) : spec[1]);
  return { javaPath: path.join(home[1].trim(), 'bin', 'java'), version };
}

/** Runs `java -XshowSettings:properties -version` (which prints to stderr); undefined if it cannot run. */
export function probeJava(javaCommand: string, env: Env): JavaRuntime | undefined {
  const result = spawnSync(javaCommand, ['-XshowSettings:properties', '-version'], {
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.error || result.status !== 0) return undefined;
  return parseJavaSettings(`${result.stdout}\n${result.stderr}`);
}

const supported = (java: JavaRuntime | undefined): java is JavaRuntime =>
  java !== undefined && SUPPORTED_JAVA_VERSIONS.includes(java.version);

/** Returns a supported Java or throws a one-line LocalDbError saying how to get one. */
export function findJava(env: Env, jvmRoot = '/usr/lib/jvm'): JavaRuntime {
  const tried: string[] = [];
  const consider = (command: string): JavaRuntime | undefined => {
    const java = probeJava(command, env);
    if (java) tried.push(`${java.javaPath} (Java ${java.version})`);
    return supported(java) ? java : undefined;
  };

  if (env.JAVA_HOME) {
    const java = consider(path.join(env.JAVA_HOME, 'bin', 'java'));
    if (java) return java;
  }
  const onPath = consider('java');
  if (onPath) return onPath;

  const candidates: JavaRuntime[] = [];
  if (fs.existsSync(jvmRoot)) {
    for (const entry of fs.readdirSync(jvmRoot)) {
      const javaPath = path.join(jvmRoot, entry, 'bin', 'java');
      if (!fs.existsSync(javaPath)) continue;
      const java = consider(javaPath);
      if (java) candidates.push(java);
    }
  }
  candidates.sort((a, b) => b.version - a.version);
  if (candidates[0]) return candidates[0];

  const found = tried.length > 0 ? ` (found only: ${[...new Set(tried)].join(', ')})` : '';
  throw new LocalDbError(
    `Neo4j 5.26 needs Java 17 or 21: install openjdk-17-jre-headless (apt-get install openjdk-17-jre-headless) or set JAVA_HOME${found}`,
  );
}
