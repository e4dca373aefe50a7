import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * What a front-end team does first: GraphQL Code Generator (typescript + typescript-operations)
 * over the operations of its pages (tests/frontend/operations: district page, search, plan tree,
 * portfolio, comparison, indicator chart), once against the committed SDL and once against the
 * running API's introspection, then `tsc --strict` over the generated types and code that uses
 * them. Unknown scalars are `unknown`, so a client must handle every custom scalar explicitly.
 */
jest.setTimeout(300_000);

const root = join(__dirname, '..', '..');
const OPERATIONS = join(__dirname, 'operations', '*.graphql');

/**
 * Runs the codegen CLI as a front-end project would (`graphql-codegen --config`), in a process of
 * its own: the CLI is an ES module and runs as one there.
 */
async function codegen(schema: string, out: string): Promise<string> {
  const config = `${out}.codegen.json`;
  writeFileSync(
    config,
    JSON.stringify({
      schema,
      documents: OPERATIONS,
      silent: true,
      generates: { [out]: { plugins: ['typescript', 'typescript-operations'], config: { defaultScalarType: 'unknown', enumsAsTypes: true } } },
    }),
  );
  await promisify(execFile)(process.execPath, [join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', config], { cwd: root });
  return readFileSync(out, 'utf8');
}

/** Code a page would write against the generated types: it compiles only if they say what the pages read. */
const USAGE = `
import type { DistrictPageQuery, SearchQuery, PlanTreeQuery, PortfolioQuery, ComparisonQuery, IndicatorChartQuery, DistrictPageQueryVariables } from './types';

export const variables: DistrictPageQueryVariables = { name: '忠县', first: 10 };
export const quotes = (q: DistrictPageQuery): string[] => (q.district?.tasks.edges ?? []).map((e) => e.node.source.quote);
export const nextCursor = (q: DistrictPageQuery): string | null | undefined => q.district?.tasks.pageInfo.endCursor;
export const hitIds = (q: SearchQuery): string[] => q.search.edges.map((e) => \`\${e.node.node.__typename}:\${e.node.node.id}\`);
export const sectionTitles = (q: PlanTreeQuery): string[] => (q.plan?.chapters ?? []).flatMap((c) => c.sections.map((s) => \`\${c.number}.\${s.number} \${s.title}\`));
export const portfolioSize = (q: PortfolioQuery): number => q.body?.tasks.totalCount ?? 0;
export const shared = (q: ComparisonQuery): string[] => q.sharedTasks.edges.map((e) => e.node.text);
export const series = (q: IndicatorChartQuery): [number, number][] =>
  q.node?.__typename === 'Indicator' ? q.node.observations.map((o): [number, number] => [o.year, o.value]) : [];
`;

function strictDiagnostics(dir: string): string[] {
  const program = ts.createProgram([join(dir, 'types.ts'), join(dir, 'usage.ts')], {
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('front-end code generation', () => {
  let api: TestApi;
  let dir: string;
  beforeAll(async () => {
    api = await startTestApi();
    dir = mkdtempSync(join(tmpdir(), 'plan-graph-codegen-'));
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates the same types from the committed SDL and from introspection, and they pass tsc --strict', async () => {
    const fromSdl = await codegen(join(root, 'schema.graphql'), join(dir, 'types.ts'));
    const fromIntrospection = await codegen(api.url, join(dir, 'introspected.ts'));
    // The same types; doc comments aside (introspection as the CLI reads it omits scalars' descriptions).
    const types = (code: string) => code.replace(/^\s*\/\*\*.*\*\/\n/gm, '');
    expect(types(fromIntrospection)).toBe(types(fromSdl));
    for (const name of ['DistrictPageQuery', 'SearchQuery', 'PlanTreeQuery', 'PortfolioQuery', 'ComparisonQuery', 'IndicatorChartQuery']) {
      expect(fromSdl).toContain(`export type ${name} =`);
    }
    writeFileSync(join(dir, 'usage.ts'), USAGE);
    expect(strictDiagnostics(dir)).toEqual([]);
  });

  it('fails the strict check when a page reads what the types do not promise', async () => {
    await codegen(join(root, 'schema.graphql'), join(dir, 'types.ts'));
    // district(name:) may be null: reading through it without a check must not compile.
    writeFileSync(join(dir, 'usage.ts'), `import type { DistrictPageQuery } from './types';\nexport const unchecked = (q: DistrictPageQuery): number => q.district.tasks.totalCount;\n`);
    expect(strictDiagnostics(dir).join('\n')).toMatch(/possibly 'null'|possibly 'undefined'/);
  });
});
