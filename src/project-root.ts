import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project root: the nearest folder above `from` that holds package.json. Code runs from
 * src/ (ts-jest) and from dist/src/ (compiled), and reads seed/ and cypher/ from the root.
 */
export function findProjectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();
