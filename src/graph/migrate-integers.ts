import { z } from 'zod';
import { integer, rowShape } from './decode';
import { int, type GraphClient } from './graph-client';
import { INTEGER_PROPERTIES } from './integer-properties';

/**
 * Start-up migration: integer properties that older loads stored as FLOAT (the driver sends
 * JavaScript numbers as floats) become INTEGER. Idempotent: it converts only FLOATs without a
 * fraction under the names of INTEGER_PROPERTIES, so a second run finds nothing; a FLOAT with a
 * fraction is left for the decoders to refuse, never rounded. Runs in bounded batches, each its
 * own transaction, until a batch finds nothing. Once done it is recorded in the database
 * (a :Migration node), so that later starts skip the scan of every node and relationship.
 */

const BATCH = 10_000;

/** A FLOAT that holds an integer (and fits one). Property names come from the fixed list. */
const isIntegralFloat = (x: string, key: string) => `(${x}.${key} IS :: FLOAT AND ${x}.${key} = floor(${x}.${key}) AND abs(${x}.${key}) <= 9007199254740991)`;

const convert = (x: string) => `
WHERE ${INTEGER_PROPERTIES.map((k) => isIntegralFloat(x, k)).join('\n   OR ')}
WITH ${x} LIMIT $batch
SET ${INTEGER_PROPERTIES.map((k) => `${x}.${k} = CASE WHEN ${isIntegralFloat(x, k)} THEN toInteger(${x}.${k}) ELSE ${x}.${k} END`).join(',\n    ')}
RETURN count(${x}) AS converted`;

export const CONVERT_NODE_INTEGERS = `MATCH (n)${convert('n')}`;
export const CONVERT_RELATIONSHIP_INTEGERS = `MATCH ()-[r]->()${convert('r')}`;

const ConvertedRow = rowShape('ConvertedIntegers', z.object({ converted: integer }));

export const MIGRATION_ID = 'integers-v1';
export const MIGRATION_DONE = `MATCH (m:Migration {id: $id}) RETURN count(m) > 0 AS done`;
export const RECORD_MIGRATION = `MERGE (m:Migration {id: $id}) ON CREATE SET m.at = toString(datetime())`;
const DoneRow = rowShape('MigrationDone', z.object({ done: z.boolean() }));

/** Runs the migration unless the database records it as done; returns whether it ran. */
export async function migrateIntegersOnce(client: GraphClient): Promise<boolean> {
  const [row] = await client.ingestRows(MIGRATION_DONE, { id: MIGRATION_ID }, DoneRow);
  if (row.done) return false;
  await migrateIntegerProperties(client);
  await client.ingestRows(RECORD_MIGRATION, { id: MIGRATION_ID }, rowShape('RecordMigration', z.object({})));
  return true;
}

/** Converts every integral FLOAT under an integer name; returns how many nodes and relationships changed. */
export async function migrateIntegerProperties(client: GraphClient): Promise<{ nodes: number; relationships: number }> {
  const run = async (cypher: string): Promise<number> => {
    let total = 0;
    for (;;) {
      const [row] = await client.ingestRows(cypher, { batch: int(BATCH) }, ConvertedRow);
      total += row.converted;
      if (row.converted < BATCH) return total;
    }
  };
  return { nodes: await run(CONVERT_NODE_INTEGERS), relationships: await run(CONVERT_RELATIONSHIP_INTEGERS) };
}
