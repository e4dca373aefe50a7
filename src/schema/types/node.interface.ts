import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeRow } from '../../graph/read/rows';

/**
 * Anything with a stable id; `node(id:)` fetches any of them, monitoring records included.
 * Resolved by the row's nodeType (decoded: one of the object types). Not hinted for caches
 * (a hint here would reach every type that implements Node): a record read by id never changes
 * (a correction is a new record), and its id is unknown before it is written.
 */
@InterfaceType({ resolveType: (row: NodeRow) => row.nodeType })
export abstract class Node {
  @Field(() => ID, { description: 'Stable id that names its type: <plan id>/<eId> for plan nodes (see README, "Ids"), place/…, body/…, report/…, observation/…, audit/….' })
  id!: string;
}
