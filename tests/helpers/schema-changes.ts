import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

/**
 * The change policy (CHANGELOG.md) as a check: the breaking changes between a committed contract
 * and a new schema, as @graphql-inspector/core classifies them, whose element was not marked
 * @deprecated in the committed contract. A deprecated field, argument, input field or enum value
 * may go; a type may go once every field, argument and input field that used it was deprecated.
 */
export async function undeprecatedBreakingChanges(committed: GraphQLSchema, next: GraphQLSchema): Promise<Change[]> {
  const changes = await diff(committed, next);
  return changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking && !deprecatedIn(committed, c.path ?? ''));
}

/** All changes, for the record: `LEVEL path: message`, one per line. */
export async function describeChanges(committed: GraphQLSchema, next: GraphQLSchema): Promise<string[]> {
  return (await diff(committed, next)).map((c) => `${c.criticality.level} ${c.path ?? ''}: ${c.message}`);
}

function deprecatedIn(schema: GraphQLSchema, path: string): boolean {
  const [typeName, member, argName] = path.split('.');
  const type = schema.getType(typeName);
  if (!type) return false;
  if (member === undefined) return typeWasRetired(schema, typeName);
  if (isEnumType(type)) return Boolean(type.getValue(member)?.deprecationReason);
  if (isInputObjectType(type)) return Boolean(type.getFields()[member]?.deprecationReason);
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return false;
    if (field.deprecationReason) return true;
    return argName !== undefined && Boolean(field.args.find((a) => a.name === argName)?.deprecationReason);
  }
  return false;
}

/** Every use of the type (fields, arguments, input fields) is deprecated, and it has at least one. */
function typeWasRetired(schema: GraphQLSchema, typeName: string): boolean {
  const uses: boolean[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === typeName) uses.push(Boolean(field.deprecationReason));
        for (const arg of field.args) if (getNamedType(arg.type).name === typeName) uses.push(Boolean(arg.deprecationReason || field.deprecationReason));
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (getNamedType(field.type).name === typeName) uses.push(Boolean(field.deprecationReason));
    }
  }
  return uses.length > 0 && uses.every(Boolean);
}
