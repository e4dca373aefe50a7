import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeRow } from '../../graph/read/rows';

/** Anything with a stable id; `node(id:)` fetches any of them. Resolved by the row's nodeType (decoded: one of the object types). */
@InterfaceType({ resolveType: (row: NodeRow) => row.nodeType })
export abstract class Node {
  @Field(() => ID, { description: 'Stable id: <plan id>/<eId> for plan nodes (see README, "Ids"), place/<code or name>, body/<slug>.' })
  id!: string;
}
