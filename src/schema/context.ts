import { authenticate, type AuthResult } from '../auth/authenticate';
import type { LimitsConfig } from '../config';
import type { GraphClient } from '../graph/graph-client';
import { ExecutionBudget } from '../server/limits/execution-budget';
import { Loaders } from './loaders';

/** What every resolver gets: the graph, fresh loaders for this request, the limits, the caller. */
export interface Context {
  client: GraphClient;
  loaders: Loaders;
  limits: LimitsConfig;
  requestId: string;
  /** This operation's deadline and result-size ceiling (see limitsPlugin). */
  budget: ExecutionBudget;
  /** The caller's API key, checked on first use only (reads never need it). */
  auth(): Promise<AuthResult>;
  /** The token the caller presented, unchecked: handed on to a heavy-operation worker, which checks it itself. */
  token: string | null;
  /**
   * Whether root fields compile their selection into one statement (src/schema/compile); the
   * limits plugin turns it off for operations dearer than GRAPHQL_COMPILED_READ_MAX_COST.
   */
  compileReads: boolean;
}

/** A request's context; `startedAt` is when the request arrived (its deadline counts from then). */
export function createContext(client: GraphClient, limits: LimitsConfig, requestId: string, token: string | null = null, startedAt = Date.now()): Context {
  let checked: Promise<AuthResult> | null = null;
  const budget = ExecutionBudget.start(limits.operationTimeoutMs, limits.maxResultItems, startedAt);
  return { client, loaders: new Loaders(client), limits, requestId, budget, auth: () => (checked ??= authenticate(client, token)), token, compileReads: true };
}
