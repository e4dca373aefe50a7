import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * A value kept per (schema, parsed document), made on first use. Apollo hands every request with
 * the same query text the same parsed document (its document store), so what depends only on the
 * schema and the document is worked out once; WeakMaps let a document Apollo forgets take its
 * value along.
 */
export function perDocument<T>(): (schema: GraphQLSchema, document: DocumentNode, make: () => T) => T {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, T>>();
  return (schema, document, make) => {
    let documents = bySchema.get(schema);
    if (!documents) bySchema.set(schema, (documents = new WeakMap()));
    let value = documents.get(document);
    if (value === undefined) documents.set(document, (value = make()));
    return value;
  };
}
