import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root';

/**
 * The files the server serves under /assets: a fixed allow-list (never a path from the
 * request), read once. GraphiQL, React and Chart.js come from their npm packages, so nothing is
 * fetched from a CDN and the explorer works offline.
 */
const PUBLIC = join(PROJECT_ROOT, 'src', 'server', 'public');
const MODULES = join(PROJECT_ROOT, 'node_modules');

const FILES: Record<string, { path: string; type: string }> = {
  'graphiql.css': { path: join(MODULES, 'graphiql', 'graphiql.min.css'), type: 'text/css' },
  'graphiql.js': { path: join(MODULES, 'graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'react.js': { path: join(MODULES, 'react', 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { path: join(MODULES, 'react-dom', 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql-init.js': { path: join(PUBLIC, 'graphiql-init.js'), type: 'text/javascript' },
  'explorer.css': { path: join(PUBLIC, 'explorer.css'), type: 'text/css' },
  'favicon.svg': { path: join(PUBLIC, 'favicon.svg'), type: 'image/svg+xml' },
  // Chart.js (pinned in package.json) draws the indicator charts; its UMD build defines window.Chart.
  'chart.js': { path: join(MODULES, 'chart.js', 'dist', 'chart.umd.min.js'), type: 'text/javascript' },
  ...Object.fromEntries(
    ['core', 'heatmap', 'search', 'dossier', 'compare', 'bodies', 'indicators', 'regions', 'source', 'main'].map((name) => [
      `explorer/${name}.js`,
      { path: join(PUBLIC, 'explorer', `${name}.js`), type: 'text/javascript' },
    ]),
  ),
};

export interface Asset {
  body: Buffer;
  type: string;
}

const cache = new Map<string, Asset>();

export function asset(name: string): Asset | null {
  const file = FILES[name];
  if (!file) return null;
  let hit = cache.get(name);
  if (!hit) {
    try {
      hit = { body: readFileSync(file.path), type: file.type };
    } catch {
      return null;
    }
    cache.set(name, hit);
  }
  return hit;
}

export function page(name: 'graphiql.html' | 'explorer.html'): Buffer {
  return readFileSync(join(PUBLIC, name));
}
