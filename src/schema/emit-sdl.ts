import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../project-root';
import { buildPlanGraphSchema } from './build-schema';

/** The committed contract: schema.graphql at the project root, sorted so diffs are stable. */
export const SDL_FILE = join(PROJECT_ROOT, 'schema.graphql');

export async function printPlanGraphSdl(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildPlanGraphSchema())) + '\n';
}

if (require.main === module) {
  printPlanGraphSdl()
    .then((sdl) => {
      writeFileSync(SDL_FILE, sdl);
      process.stdout.write(`wrote ${SDL_FILE}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
