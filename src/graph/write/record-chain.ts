import type { WriteTx } from '../graph-client';

/**
 * Serialises the writers of one correction chain. MERGE on a uniquely constrained id and a SET
 * take the chain node's write lock, held until the transaction ends; a second writer of the same
 * chain waits here, and once it proceeds (read committed) it sees the first writer's record as
 * the current one, so it supersedes it instead of forking the chain. Different chains never wait
 * for each other. Must be the first statement of the write.
 */
export const LOCK_RECORD_CHAIN = `
MERGE (c:RecordChain {id: $chainId})
ON CREATE SET c.createdAt = $at
SET c.lastWriteAt = $at`;

export async function lockRecordChain(tx: WriteTx, chainId: string, at: string): Promise<void> {
  await tx.run(LOCK_RECORD_CHAIN, { chainId, at });
}

/** Chain ids: one per task, place and period, and one per indicator and year. */
export const reportChainId = (taskId: string, placeId: string, period: string): string => `chain/report/${JSON.stringify([taskId, placeId, period])}`;
export const observationChainId = (indicatorId: string, year: number): string => `chain/observation/${JSON.stringify([indicatorId, year])}`;
