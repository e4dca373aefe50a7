import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { levelStep, type LevelStep } from '../../graph/read/levels';
import type { Context } from '../context';
import { selectedPathsUnder } from '../selection';
import { FIELD_READS } from './field-reads';

/**
 * Compiles the selection under a root field into the levels of one read (src/graph/read/levels.ts):
 * every selected field that FIELD_READS knows becomes a level whose values are primed into the
 * loader its resolver reads; below it, the fields of its nodes, and so on. Fields it does not
 * know (and everything under them) are left to their resolvers and loaders.
 *
 * Bounded: at most MAX_LEVELS levels, MAX_DEPTH fields deep; beyond that, loaders read the rest.
 * Operations dearer than GRAPHQL_COMPILED_READ_MAX_COST are not compiled (Context.compileReads):
 * one answer of the database holds a compiled read whole, and a very large one would have to fit
 * in memory at once.
 */
const MAX_LEVELS = 24;
const MAX_DEPTH = 8;

/** The field nodes selected on an object type, by response key (fragments and @skip/@include applied). */
function fieldsOn(type: GraphQLObjectType, sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const included = (node: FieldNode | SelectionSetNode['selections'][number]): boolean =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const applies = (condition: string | undefined): boolean => {
    if (!condition || condition === type.name) return true;
    const named = info.schema.getType(condition);
    return named !== undefined && isAbstractType(named) && info.schema.isSubType(named, type);
  };
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (!included(s)) continue;
      if (s.kind === 'Field') {
        const key = s.alias?.value ?? s.name.value;
        out.set(key, [...(out.get(key) ?? []), s]);
      } else if (s.kind === 'InlineFragment') {
        if (applies(s.typeCondition?.name.value)) walk(s.selectionSet);
      } else {
        const fragment = info.fragments[s.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) walk(fragment.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return out;
}

const subSelections = (nodes: readonly FieldNode[]): SelectionSetNode[] => nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/**
 * Follows `path` (e.g. edges.node) below a field: the object type and selections found there,
 * or null when the path leads to an abstract type or is not selected.
 */
function descend(type: GraphQLObjectType, nodes: readonly FieldNode[], path: readonly string[], info: GraphQLResolveInfo): { type: GraphQLObjectType; sets: SelectionSetNode[] } | null {
  let current = type;
  let sets = subSelections(nodes);
  // `type` is the field's own type; each name of `path` is a field below it.
  for (const name of path) {
    const field = current.getFields()[name];
    const next = field && getNamedType(field.type);
    if (!next || !isObjectType(next)) return null;
    const below = [...fieldsOn(current, sets, info).values()].flat().filter((n) => n.name.value === name);
    current = next;
    sets = subSelections(below);
  }
  return sets.length > 0 ? { type: current, sets } : null;
}

/**
 * The levels of a compiled read for the selection of the root field `info` resolves, whose
 * rows are nodes of the root field's (object) type.
 */
export function compileSelection(info: GraphQLResolveInfo, ctx: Context): LevelStep[] {
  const steps: LevelStep[] = [];
  const rootType = getNamedType(info.returnType);
  if (!ctx.compileReads || !isObjectType(rootType)) return steps;

  const visit = (type: GraphQLObjectType, sets: readonly SelectionSetNode[], level: number, depth: number) => {
    if (depth >= MAX_DEPTH) return;
    for (const nodes of fieldsOn(type, sets, info).values()) {
      if (steps.length >= MAX_LEVELS) return;
      const name = nodes[0].name.value;
      const read = FIELD_READS[`${type.name}.${name}`];
      const definition = type.getFields()[name];
      if (!read || !definition) continue;
      let loader;
      try {
        loader = read.loader(ctx.loaders, getArgumentValues(definition, nodes[0], info.variableValues), ctx, selectedPathsUnder(nodes, info.fragments));
      } catch {
        continue; // bad arguments: the resolver reads them again and says what is wrong
      }
      const batch = ctx.loaders.batchOf(loader);
      if (!batch) continue;
      const prime = loader;
      steps.push(levelStep(level, read.key, batch, (ids, values) => ctx.loaders.prime(prime, ids, values)));
      const fieldType = getNamedType(definition.type);
      const below = read.nodesAt && isObjectType(fieldType) ? descend(fieldType, nodes, read.nodesAt, info) : null;
      if (below) visit(below.type, below.sets, steps.length, depth + 1);
    }
  };
  visit(rootType, info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])), 0, 0);
  return steps;
}
