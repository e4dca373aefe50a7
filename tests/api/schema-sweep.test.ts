import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { testClient } from '../helpers/graph';
import { writeSichuanPlan } from '../helpers/sichuan-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

/**
 * The whole contract, asked over the seed: the served schema (introspected over HTTP) is walked
 * from Query with graphql-js, and every field of every object type reachable from Query is asked
 * on real objects, each argument with plausible values (the seed's names and ids below, ids taken
 * from earlier answers, every value of an enum argument). No answer may carry an error, and no
 * null may stand where the schema says non-null. A field no answer reached fails the test too, so
 * a new field cannot slip past with an empty list.
 */

const TASK = `${SEED_PLAN_ID}/chp_3__sec_3__para_1__sent_1`; // names 忠县: text, derived and curated links
const INDICATOR = `${SEED_PLAN_ID}/box_1__ind_1`; // 常住人口城镇化率
const REPORTER = 'schema sweep';

/** Ids the seed text gives, visited besides those found in answers. */
const SEEDED_INSTANCES: Record<string, string[]> = {
  District: ['place/500233', 'place/500101'], // 忠县, 万州
  Body: ['body/gov/500233', 'body/district-governments'],
  Task: [TASK],
  Indicator: [INDICATOR],
  OutsidePlace: ['place/outside/成都'],
  // From the plan of another jurisdiction loaded below: parts, and 成都 as a division of Sichuan.
  Part: ['test-sweep-sichuan/part_1', 'test-sweep-sichuan/part_2'],
  Division: ['place/510100'],
};

/** Plausible values by `Type.field.argument`, then by argument name alone. */
const ARGUMENT_VALUES: Record<string, unknown> = {
  'Query.plan.id': SEED_PLAN_ID,
  'Query.body.id': 'body/gov/500233',
  'Query.district.name': '忠县',
  'Query.district.code': '500101',
  'Query.districts.region': '渝东北三峡库区城镇群',
  'Query.districtsSharingTasks.with': '忠县',
  'Query.districtsSharingTasksConnection.with': '忠县',
  'Query.sharedTasks.places': ['万州', '忠县'],
  'Query.search.query': '保障性租赁住房',
  'Query.search.place': '万州',
  'Query.search.chapter': 3,
  'Query.districtChapterMatrix.planId': SEED_PLAN_ID,
  'Query.auditTrail.taskId': TASK,
  'Query.auditTrail.place': '忠县',
  'Query.auditTrail.bodyId': 'body/gov/500233',
  'Query.auditTrail.reporter': REPORTER,
  'Query.auditTrail.action': 'report',
  'Query.auditTrail.from': '2020-01-01T00:00:00Z',
  'Query.auditTrail.to': '2100-01-01T00:00:00Z',
  'District.scorecard.asOf': '2025-Q3',
  'Body.measures.role': 'lead',
  'Body.tasks.role': 'deliver',
  'Task.reports.place': 'place/500233',
  planId: SEED_PLAN_ID,
  first: 3,
};

/** Fields whose arguments are one-of: each set is asked on its own (district by name, by code). */
const EXPLICIT_VARIANTS: Record<string, Record<string, unknown>[]> = {
  'Query.district': [{ name: '忠县' }, { name: '石柱土家族自治县' }, { code: '500101' }],
  'Query.place': [{ name: '万州' }, { name: '主城区' }, { name: '两江新区' }, { name: '成都' }],
};

/** Types of the contract that are reached by id (node(id:)) rather than expanded in place. */
const isEntity = (type: GraphQLNamedType): boolean =>
  type.name === 'Node' || ((isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().some((i) => i.name === 'Node'));

const literal = (value: unknown, type: GraphQLInputType): string => {
  const named = getNamedType(type);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(type) ? type.ofType : isNonNullType(type) && isListType(type.ofType) ? type.ofType.ofType : type)).join(', ')}]`;
  if (isEnumType(named)) return String(value);
  return JSON.stringify(value);
};

const argumentText = (args: [GraphQLArgument, unknown][]): string =>
  args.length === 0 ? '' : `(${args.map(([a, v]) => `${a.name}: ${literal(v, a.type)}`).join(', ')})`;

/**
 * The argument sets a field is asked with: required arguments (and `first`) with plausible values;
 * then every plausible optional one at once; then each value of each enum argument.
 */
function argumentVariants(parent: string, field: GraphQLField<unknown, unknown>): [GraphQLArgument, unknown][][] {
  if (field.args.length === 0) return [[]];
  const explicit = EXPLICIT_VARIANTS[`${parent}.${field.name}`];
  if (explicit) return explicit.map((set) => Object.entries(set).map(([name, v]): [GraphQLArgument, unknown] => [field.args.find((a) => a.name === name)!, v]));
  const valueOf = (a: GraphQLArgument): unknown => ARGUMENT_VALUES[`${parent}.${field.name}.${a.name}`] ?? ARGUMENT_VALUES[a.name];
  const base: [GraphQLArgument, unknown][] = [];
  for (const a of field.args) {
    const value = valueOf(a);
    if (isNonNullType(a.type) && a.defaultValue === undefined) {
      if (value === undefined) throw new Error(`No plausible value for the required argument ${parent}.${field.name}(${a.name}:): add one to ARGUMENT_VALUES`);
      base.push([a, value]);
    } else if (a.name === 'first' && value !== undefined) base.push([a, value]);
  }
  const variants = [base];
  const optional = field.args.filter((a) => !base.some(([b]) => b === a) && valueOf(a) !== undefined);
  if (optional.length > 0) variants.push([...base, ...optional.map((a): [GraphQLArgument, unknown] => [a, valueOf(a)])]);
  for (const a of field.args) {
    const named = getNamedType(a.type);
    if (!isEnumType(named)) continue;
    const list = isListType(isNonNullType(a.type) ? a.type.ofType : a.type);
    for (const v of named.getValues()) variants.push([...base.filter(([b]) => b !== a), [a, list ? [v.name] : v.name]]);
  }
  return variants;
}

/** Names with more than one output type among the members of an abstract type. */
function clashingNames(members: readonly GraphQLObjectType[]): Set<string> {
  const types = new Map<string, Set<string>>();
  for (const m of members) for (const f of Object.values(m.getFields())) types.set(f.name, (types.get(f.name) ?? new Set<string>()).add(String(f.type)));
  return new Set([...types].filter(([, t]) => t.size > 1).map(([name]) => name));
}

/**
 * Aliases keep the variants of one field apart: a<n>_<field>. A field whose name has another type
 * on another member of the same abstract type is asked under d<n>_<type>__<field>: only deprecated fields
 * can (tests/api/field-types.test.ts), and a client selecting them side by side aliases them too.
 */
const fieldOfKey = (key: string): string => /^a\d+_(.+)$/.exec(key)?.[1] ?? /^d\d+_[A-Za-z0-9]+__(.+)$/.exec(key)?.[1] ?? key;

class Sweep {
  readonly covered = new Set<string>();
  readonly failures: string[] = [];
  readonly instances = new Map<string, Set<string>>();
  queries = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly ask: (query: string) => Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }>,
  ) {}

  /** Object types reachable from Query through output fields (abstract types by their members). */
  reachableObjectTypes(): GraphQLObjectType[] {
    const seen = new Map<string, GraphQLObjectType>();
    const queue: GraphQLNamedType[] = [this.schema.getQueryType()!];
    while (queue.length > 0) {
      const type = queue.shift()!;
      if (isAbstractType(type)) {
        for (const member of this.schema.getPossibleTypes(type)) if (!seen.has(member.name)) queue.push(member);
        continue;
      }
      if (!isObjectType(type) || seen.has(type.name)) continue;
      seen.set(type.name, type);
      for (const f of Object.values(type.getFields())) queue.push(getNamedType(f.type));
    }
    return [...seen.values()];
  }

  /** Every field of an object type: leaves, value objects expanded, entities by id. */
  selection(type: GraphQLCompositeType, depth = 0, clashing: ReadonlySet<string> = new Set()): string {
    if (depth > 8) throw new Error(`The value types nest deeper than 8 levels at ${type.name}`);
    if (isAbstractType(type)) {
      const members = this.schema.getPossibleTypes(type);
      return `__typename ${members.map((t) => `... on ${t.name} { ${this.selection(t, depth + 1, clashingNames(members))} }`).join(' ')}`;
    }
    const parts = ['__typename'];
    for (const field of Object.values(type.getFields())) {
      const variants = argumentVariants(type.name, field);
      variants.forEach((args, i) => {
        const key = clashing.has(field.name) ? `d${i}_${type.name}__${field.name}: ${field.name}` : variants.length > 1 ? `a${i}_${field.name}: ${field.name}` : field.name;
        const child = getNamedType(field.type);
        const sub = isLeafType(child) ? '' : isEntity(child) ? ' { __typename id }' : ` { ${this.selection(child as GraphQLCompositeType, depth + 1)} }`;
        parts.push(`${key}${argumentText(args)}${sub}`);
      });
    }
    return parts.join(' ');
  }

  async run(query: string): Promise<void> {
    this.queries++;
    const { status, body } = await this.ask(query);
    if (status !== 200 || body.errors !== undefined) {
      this.failures.push(`${query}\n  -> ${status} ${JSON.stringify(body.errors ?? body)}`);
    }
    if (body.data !== undefined && body.data !== null) this.walk(body.data, this.schema.getQueryType()!, query, []);
  }

  /** Checks non-null positions, records the fields answered on real objects and the ids seen. */
  private walk(value: unknown, type: GraphQLOutputType, query: string, path: string[]): void {
    if (isNonNullType(type)) {
      if (value === null || value === undefined) this.failures.push(`${query}\n  -> null at non-null ${path.join('.')}`);
      else this.walk(value, type.ofType, query, path);
      return;
    }
    if (value === null || value === undefined || isLeafType(type)) return;
    if (isListType(type)) {
      (value as unknown[]).forEach((v, i) => this.walk(v, type.ofType, query, [...path, String(i)]));
      return;
    }
    const object = value as Record<string, unknown>;
    const concrete = isAbstractType(type) ? this.schema.getType(String(object.__typename)) : type;
    if (!isObjectType(concrete)) throw new Error(`No concrete type at ${path.join('.')} of ${query}`);
    if (typeof object.id === 'string' && isEntity(concrete)) this.remember(concrete.name, object.id);
    for (const [key, child] of Object.entries(object)) {
      if (key === '__typename') continue;
      const field = concrete.getFields()[fieldOfKey(key)];
      this.covered.add(`${concrete.name}.${field.name}`);
      this.walk(child, field.type, query, [...path, key]);
    }
  }

  private remember(type: string, id: string): void {
    const ids = this.instances.get(type) ?? new Set<string>();
    ids.add(id);
    this.instances.set(type, ids);
  }
}

describe('schema sweep: every field of the contract over the seed', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    // Parts and divisions of China exist only in plans the seed is not: load one (a provincial plan).
    const client = await testClient();
    try {
      await writeSichuanPlan(client, 'test-sweep-sichuan');
    } finally {
      await client.close();
    }
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
    admin = (await issueTestKey(api.graph, 'sweep admin', 'admin')).token;
    const editor = (await issueTestKey(api.graph, 'sweep editor', 'editor')).token;
    // Records, so that reports, observations and audit events have instances to answer with.
    const write = async (query: string) => {
      const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { errors?: unknown };
      expect(body.errors).toBeUndefined();
    };
    for (const status of ['at_risk', 'in_progress']) {
      await write(`mutation { reportProgress(input: { taskId: "${TASK}", place: "忠县", period: "2025-Q3", status: ${status}, note: "sweep", evidence: ["https://www.zhongxian.gov.cn/"], reporter: "${REPORTER}" }) { id } }`);
    }
    for (const value of [70.32, 70.4]) {
      await write(`mutation { recordObservation(input: { indicatorId: "${INDICATOR}", year: 2022, value: ${value}, source: "重庆市统计公报 2022", reporter: "${REPORTER}" }) { id } }`);
    }
  }, 120_000);
  afterAll(() => api.stop());

  it('answers every field of every type reachable from Query, without errors or nulls in non-null positions', async () => {
    const introspection = await api.gql<IntrospectionQuery>(getIntrospectionQuery());
    expect(introspection.body.errors).toBeUndefined();
    const schema = buildClientSchema(introspection.body.data!);
    const sweep = new Sweep(schema, async (query) => {
      const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ query }) });
      return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown[] } };
    });

    // The root fields, each variant of arguments its own operation.
    const query = schema.getQueryType()!;
    for (const field of Object.values(query.getFields())) {
      if (field.name === 'node') continue; // asked below, once per object found
      const child = getNamedType(field.type);
      const sub = isLeafType(child) ? '' : isEntity(child) ? ' { __typename id }' : ` { ${sweep.selection(child as GraphQLCompositeType)} }`;
      for (const args of argumentVariants(query.name, field)) await sweep.run(`{ ${field.name}${argumentText(args)}${sub} }`);
    }
    for (const [type, ids] of Object.entries(SEEDED_INSTANCES)) for (const id of ids) sweep.instances.set(type, new Set([...(sweep.instances.get(type) ?? []), id]));

    // Then every object found, by id, with its whole selection, until no new kind of object turns up:
    // the seeded ones and the first three found of each type.
    const visited = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const next = [...sweep.instances].flatMap(([type, ids]) => {
        const wanted = new Set([...(SEEDED_INSTANCES[type] ?? []), ...[...ids].slice(0, 3)]);
        return [...wanted].filter((id) => !visited.has(`${type} ${id}`)).map((id) => [type, id] as const);
      });
      if (next.length === 0) break;
      for (const [type, id] of next) {
        visited.add(`${type} ${id}`);
        await sweep.run(`{ node(id: ${JSON.stringify(id)}) { __typename ... on ${type} { ${sweep.selection(schema.getType(type) as GraphQLObjectType)} } } }`);
      }
    }

    const types = sweep.reachableObjectTypes();
    const fields = types.flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
    const unanswered = fields.filter((f) => !sweep.covered.has(f));
    process.stdout.write(`schema sweep: ${types.length} object types, ${fields.length} fields, ${sweep.queries} queries, ${visited.size} objects by id\n`);
    expect({ failures: sweep.failures, unanswered }).toEqual({ failures: [], unanswered: [] });
  }, 600_000);
});
