import { getNamedType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { CACHE_SCOPE_EXTENSION, type CacheScope } from '../schema/cache-scope.hint';

const RANK: Record<CacheScope, number> = { structure: 0, records: 1, private: 2 };

/**
 * What an operation's answer depends on, from the cache-scope hints of the types it selects
 * (src/schema/cache-scope.hint.ts): the widest scope of any field's type wins. Every fragment of
 * the document counts, used or not, which can only make the scope wider.
 */
export function operationCacheScope(schema: GraphQLSchema, document: DocumentNode): CacheScope {
  const typeInfo = new TypeInfo(schema);
  let scope: CacheScope = 'structure';
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        const hint = type ? getNamedType(type).extensions?.[CACHE_SCOPE_EXTENSION] : undefined;
        if ((hint === 'records' || hint === 'private') && RANK[hint] > RANK[scope]) scope = hint;
      },
    }),
  );
  return scope;
}
