/**
 * Jest global teardown (runs after failing runs too): stops the throw-away Neo4j of
 * global-setup and deletes its temporary folder. Nothing to do when NEO4J_URI was given.
 */
import fs from 'node:fs';
import { takeHandle } from './test-db-state';

export default async function globalTeardown(): Promise<void> {
  const handle = takeHandle();
  if (!handle) return;
  try {
    await handle.stop();
  } finally {
    fs.rmSync(handle.state.dir, { recursive: true, force: true });
  }
}
