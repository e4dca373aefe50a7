import type { LimitsConfig } from '../config';
import type { GraphClient } from '../graph/graph-client';
import { Loaders } from './loaders';

/** What every resolver gets: the graph, fresh loaders for this request, and the limits. */
export interface Context {
  client: GraphClient;
  loaders: Loaders;
  limits: LimitsConfig;
  requestId: string;
}

export function createContext(client: GraphClient, limits: LimitsConfig, requestId: string): Context {
  return { client, loaders: new Loaders(client), limits, requestId };
}
