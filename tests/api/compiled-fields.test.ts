import 'reflect-metadata';
import { getNamedType, isAbstractType, isObjectType } from 'graphql';
import { buildPlanGraphSchema } from '../../src/schema/build-schema';
import { FIELD_READS } from '../../src/schema/compile/field-reads';

/**
 * Which fields of the graph a compiled read fills, and which still read on their own. Every
 * field of a Node type that returns objects is one or the other; the ones that read on their own
 * are named here with the reason, so that a new field is a decision, not an accident.
 */
const READ_ON_THEIR_OWN: Record<string, string> = {
  'District.scorecard': 'one aggregate query per district (reports by status as of a period)',
  'District.government': 'the node loader, by an id computed from the district code',
  'District.sharingDistricts': 'one aggregate query per district (tasks shared with every other district)',
  'District.sharingDistrictsConnection': 'one aggregate query per district, paged',
  'Plan.chapters': 'the plan-tree read (with the plan in Query.plan) when it reaches the tasks, else the children loader',
  'Plan.regions': 'a walk down the region tree, one loader level per region level',
  'Region.districtTaskCounts': 'one aggregate query per region',
  'Part.chapters': 'the node loader, by the list of chapter ids the part holds',
};

/** Object-valued fields computed from the row itself, without reading. */
const COMPUTED_TYPES = new Set(['SourceSpan', 'IngestReport']);

describe('fields a compiled read fills', () => {
  it('every object-valued field of a Node type is compiled or named as reading on its own', async () => {
    const schema = await buildPlanGraphSchema();
    const reading: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
      for (const field of Object.values(type.getFields())) {
        const returns = getNamedType(field.type);
        if ((isObjectType(returns) || isAbstractType(returns)) && !COMPUTED_TYPES.has(returns.name)) reading.push(`${type.name}.${field.name}`);
      }
    }
    const own = reading.filter((f) => !(f in FIELD_READS)).sort();
    expect(own).toEqual(Object.keys(READ_ON_THEIR_OWN).sort());
    // And nothing is compiled that the schema does not have.
    const fields = new Set(reading);
    expect(Object.keys(FIELD_READS).filter((f) => !fields.has(f))).toEqual([]);
  });
});
