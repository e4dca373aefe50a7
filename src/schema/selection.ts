import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The dotted paths of the fields selected under the current field (fragments included), so that
 * a resolver can fetch a whole subtree in one query when the operation asks for it.
 */
export function selectedPaths(info: GraphQLResolveInfo): Set<string> {
  return selectedPathsUnder(info.fieldNodes, info.fragments);
}

/** The dotted paths selected under the given nodes of one field (a compiled read's, or a resolver's). */
export function selectedPathsUnder(fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments']): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, prefix: string, depth: number) => {
    if (!set || depth > 12) return;
    for (const s of set.selections) {
      if (s.kind === 'Field') {
        const path = prefix ? `${prefix}.${s.name.value}` : s.name.value;
        out.add(path);
        walk(s.selectionSet, path, depth + 1);
      } else if (s.kind === 'InlineFragment') {
        walk(s.selectionSet, prefix, depth + 1);
      } else {
        walk(fragments[s.name.value]?.selectionSet, prefix, depth + 1);
      }
    }
  };
  for (const node of fieldNodes) walk(node.selectionSet, '', 0);
  return out;
}
