import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Plain JavaScript run by npm scripts before the compiler exists; read through require.
const { isStale } = require('../../tools/build-if-stale.js') as { isStale: (root: string) => boolean };

describe('build-if-stale: the CLI compiles only when an input changed', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
    mkdirSync(join(root, 'src', 'ingest'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'src', 'ingest', 'cli.ts'), 'export {};\n');
    writeFileSync(join(root, 'tsconfig.json'), '{}\n');
    for (const p of ['src/ingest/cli.ts', 'src/ingest', 'src', 'tsconfig.json']) at(p, 1_000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is stale with no build at all', () => {
    expect(isStale(root)).toBe(true);
  });

  it('is current when the build is newer than every input', () => {
    writeFileSync(join(root, 'dist', '.tsbuildinfo.build'), '{}');
    at('dist/.tsbuildinfo.build', 2_000);
    expect(isStale(root)).toBe(false);
  });

  it('is stale when a source, a new file or a tsconfig is newer than the build', () => {
    writeFileSync(join(root, 'dist', '.tsbuildinfo.build'), '{}');
    at('dist/.tsbuildinfo.build', 2_000);
    at('src/ingest/cli.ts', 3_000);
    expect(isStale(root)).toBe(true);
    at('src/ingest/cli.ts', 1_000);
    // A file added (or removed) changes its folder's time.
    at('src/ingest', 3_000);
    expect(isStale(root)).toBe(true);
    at('src/ingest', 1_000);
    at('tsconfig.json', 3_000);
    expect(isStale(root)).toBe(true);
  });
});
