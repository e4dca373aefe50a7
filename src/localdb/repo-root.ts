/**
 * Finds the project root (the folder holding db/pom.xml) by walking up from a start folder, so
 * the tooling works both from src/ (ts-jest) and from dist/src/ (compiled CLI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LocalDbError } from './localdb-error';

export function findRepoRoot(startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'db', 'pom.xml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new LocalDbError(`Cannot find the project root (a folder with db/pom.xml) above ${startDir}`);
    }
    dir = parent;
  }
}
