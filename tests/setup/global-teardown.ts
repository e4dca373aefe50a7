/**
 * Jest global teardown (runs after failing runs too): stops the throw-away Neo4j servers of
 * global-setup and deletes their temporary folders. Nothing is stopped when NEO4J_URI was given.
 */
import fs from 'node:fs';
import { takeHandles } from './test-db-state';

export default async function globalTeardown(): Promise<void> {
  const handles = takeHandles();
  await Promise.allSettled(
    handles.map(async (handle) => {
      try {
        await handle.stop();
      } finally {
        fs.rmSync(handle.state.dir, { recursive: true, force: true });
      }
    }),
  );
}
