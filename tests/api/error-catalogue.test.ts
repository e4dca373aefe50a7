import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README's catalogue of error codes is complete: every code the source can put in
 * `extensions.code` (an AppError's code, an HTTP-level refusal, a request error passed through
 * from Apollo) has a row, and every row is a code the source raises. Codes are read from the
 * source text by their constructs, independently of the code that answers them.
 */
const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function codesInSource(): Set<string> {
  const codes = new Set<string>();
  const add = (text: string, pattern: RegExp) => {
    for (const match of text.matchAll(pattern)) codes.add(match[1]);
  };
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    add(text, /new AppError\(\s*'([A-Z_]+)'/g);
    add(text, /sendError\([^,]+,\s*\d+,\s*'([A-Z_]+)'/g);
    add(text, /\bcode: '([A-Z_]+)'/g);
  }
  const appError = readFileSync(join(root, 'src/errors/app-error.ts'), 'utf8');
  add(/export type ErrorCode =([^;]+);/.exec(appError)![1], /'([A-Z_]+)'/g);
  const formatError = readFileSync(join(root, 'src/server/format-error.ts'), 'utf8');
  add(/const REQUEST_CODES = new Set\(\[([^\]]+)\]\)/.exec(formatError)![1], /'([A-Z_]+)'/g);
  return codes;
}

function codesInReadme(): Set<string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Error codes'), readme.indexOf('\n### ', readme.indexOf('### Error codes') + 1));
  return new Set([...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
}

describe('error-code catalogue', () => {
  it('lists every code the source raises, and only those', () => {
    const source = codesInSource();
    // Sanity of the reading itself: codes of each construct are found.
    for (const known of ['NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'PERSISTED_QUERY_HASH_MISMATCH', 'PERSISTED_QUERY_NOT_FOUND', 'INTERNAL_SERVER_ERROR']) expect(source.has(known)).toBe(true);
    const readme = codesInReadme();
    expect([...source].filter((c) => !readme.has(c)).sort()).toEqual([]);
    expect([...readme].filter((c) => !source.has(c)).sort()).toEqual([]);
  });
});
