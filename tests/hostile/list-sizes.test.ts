import 'reflect-metadata';
import { getNullableType, isListType, isObjectType } from 'graphql';
import { buildPlanGraphSchema } from '../../src/schema/build-schema';
import { LIST_SIZES, PAGE_SIZE_ARGUMENTS } from '../../src/server/limits/list-sizes';

/** No list field escapes pricing: each is paged or has a size in LIST_SIZES. */
describe('list sizes of the cost model', () => {
  it('covers every list field of every object type', async () => {
    const schema = await buildPlanGraphSchema();
    const unpriced: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || !isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const paged = field.args.some((arg) => (PAGE_SIZE_ARGUMENTS as readonly string[]).includes(arg.name));
        if (isListType(getNullableType(field.type)) && !paged && LIST_SIZES[`${type.name}.${field.name}`] === undefined) unpriced.push(`${type.name}.${field.name}`);
      }
    }
    expect(unpriced).toEqual([]);
  });
});
