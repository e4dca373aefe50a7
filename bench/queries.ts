import { crossReference, dossier, planTree, portfolio, search, type Operation } from './operations';

/**
 * The per-query table: one operation per kind of user, each timed alone. The mixed workload
 * (bench/mixed-workload.ts) asks many distinct operations of the same kinds.
 */
export interface BenchQuery {
  name: string;
  user: string;
  nested: boolean;
  op: Operation;
}

export const PORTFOLIO_BODY = 'body/housing-urban-rural-development-commission';

export const QUERIES: BenchQuery[] = [
  { name: 'district dossier', user: 'researcher', nested: true, op: dossier('万州') },
  { name: 'cross-reference', user: 'researcher', nested: false, op: crossReference('万州') },
  { name: 'full-text search', user: 'researcher', nested: false, op: search('保障性租赁住房') },
  { name: 'whole plan tree', user: 'front-end', nested: true, op: planTree() },
  { name: 'body portfolio with statuses', user: 'auditor', nested: true, op: portfolio(PORTFOLIO_BODY) },
];
