import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { PROJECT_ROOT } from '../project-root';
import type { GraphClient } from './graph-client';
import { migrateIntegersOnce } from './migrate-integers';

export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');

/** The statements of a .cypher file: `//` comments dropped, split at `;` that ends a line. */
export function cypherStatements(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * IF NOT EXISTS checks before it writes: processes that start together against a database that
 * lacks an index (replicas after an upgrade that adds one) all pass the check, one creates the
 * index, and Neo4j refuses it to the others as an equivalent of one that exists. The schema is
 * then as the statement wants it; any other failure is thrown.
 */
const EQUIVALENT_RULE = 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists';
function passEquivalentRule(error: unknown): void {
  if (!(error instanceof Neo4jError && error.code === EQUIVALENT_RULE)) throw error;
}

/**
 * Applies every cypher/*.cypher file in name order, waits until the indexes are online, and runs
 * the data migrations (integers stored as floats: migrate-integers.ts). Idempotent: the files use
 * IF NOT EXISTS and a migration runs once per database (and would convert only what is still
 * old if run again), so this runs at every start.
 */
export async function applySchema(client: GraphClient, dir: string = CYPHER_DIR): Promise<number> {
  let applied = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()) {
    for (const statement of cypherStatements(readFileSync(join(dir, file), 'utf8'))) {
      // Schema changes cannot share a transaction with other statements: one each.
      await client.ingest((tx) => tx.run(statement)).catch(passEquivalentRule);
      applied++;
    }
  }
  await client.ingest((tx) => tx.run('CALL db.awaitIndexes(120)'));
  await migrateIntegersOnce(client);
  return applied;
}
