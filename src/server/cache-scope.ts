import { getNamedType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { CACHE_SCOPE_EXTENSION, type CacheScope } from '../schema/cache-scope.hint';
import { perDocument } from './per-document';

const RANK: Record<CacheScope, number> = { structure: 0, records: 1, private: 2 };

const hintOf = (type: GraphQLNamedType): CacheScope | null => {
  const hint = type.extensions?.[CACHE_SCOPE_EXTENSION];
  return hint === 'records' || hint === 'private' ? hint : null;
};

/**
 * The scope of a type: its own hint, or, for a Relay connection (a type with `edges` whose items
 * have a `node`), the scope of its nodes: its totalCount and pageInfo count them, so
 * `{ auditTrail { totalCount } }` changes with every record even without selecting one.
 */
export function typeCacheScope(type: GraphQLNamedType): CacheScope {
  const own = hintOf(type);
  if (own) return own;
  if (!isObjectType(type)) return 'structure';
  const edges = type.getFields().edges;
  const edge = edges ? getNamedType(edges.type) : null;
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  return (node && hintOf(getNamedType(node.type))) ?? 'structure';
}

/**
 * What an operation's answer depends on, from the cache-scope hints of the types it selects
 * (src/schema/cache-scope.hint.ts): the widest scope of any field's type wins. Every fragment of
 * the document counts, used or not, which can only make the scope wider.
 */
export function operationCacheScope(schema: GraphQLSchema, document: DocumentNode): CacheScope {
  // The scope depends on the schema and the document only: each document is walked once.
  return scopeOf(schema, document, () => documentScope(schema, document));
}

const scopeOf = perDocument<CacheScope>();

function documentScope(schema: GraphQLSchema, document: DocumentNode): CacheScope {
  const typeInfo = new TypeInfo(schema);
  let scope: CacheScope = 'structure';
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        const fieldScope = type ? typeCacheScope(getNamedType(type)) : 'structure';
        if (RANK[fieldScope] > RANK[scope]) scope = fieldScope;
      },
    }),
  );
  return scope;
}
