import 'reflect-metadata';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Command } from 'commander';
import { withGraphClient } from '../load/cli-graph-client';
import { importPlanGraph, parseJsonLines } from '../graph/import-plan-graph';
import { exportPlanGraph } from '../graph/read/plan-export';
import { toCsvFiles, toCsvTarGzip, toCsvZip, toJsonLd, toJsonLinesGzip } from './formats';

/**
 * npm run export -- <planId> --format jsonl|csv|csv.zip|csv.tar.gz|jsonld --out <path>
 * npm run export -- --import <file.jsonl.gz>
 */

const program = new Command()
  .name('export')
  .argument('[planId]', 'the plan to export')
  .option('--format <format>', 'jsonl (gzip), csv (a folder), csv.zip, csv.tar.gz or jsonld', 'jsonl')
  .option('--out <path>', 'file or folder to write')
  .option('--import <file>', 'load a .jsonl.gz export into the database instead')
  .action(async (planId: string | undefined, opts: { format: string; out?: string; import?: string }) => {
    if (opts.import) {
      const file = opts.import;
      const text = file.endsWith('.gz') ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8');
      const { nodes, relationships } = parseJsonLines(text);
      const result = await withGraphClient((c) => importPlanGraph(c, nodes, relationships));
      process.stdout.write(`imported ${result.nodes} nodes and ${result.relationships} relationships\n`);
      return;
    }
    if (!planId) throw new Error('give the plan id to export');
    const graph = await withGraphClient((c) => exportPlanGraph(c, planId));
    if (!graph) throw new Error(`no plan ${planId}`);
    if (opts.format === 'jsonl') {
      const out = opts.out ?? `${planId}.jsonl.gz`;
      writeFileSync(out, toJsonLinesGzip(graph));
      process.stdout.write(`wrote ${out}\n`);
    } else if (opts.format === 'csv') {
      const out = opts.out ?? `${planId}-csv`;
      mkdirSync(out, { recursive: true });
      for (const [name, content] of toCsvFiles(graph)) writeFileSync(join(out, name), content);
      process.stdout.write(`wrote ${out}/\n`);
    } else if (opts.format === 'csv.zip' || opts.format === 'csv.tar.gz') {
      const out = opts.out ?? `${planId}.${opts.format}`;
      writeFileSync(out, opts.format === 'csv.zip' ? toCsvZip(graph, planId) : toCsvTarGzip(graph, planId));
      process.stdout.write(`wrote ${out}\n`);
    } else if (opts.format === 'jsonld') {
      const out = opts.out ?? `${planId}.jsonld`;
      writeFileSync(out, JSON.stringify(toJsonLd(graph), null, 2) + '\n');
      process.stdout.write(`wrote ${out}\n`);
    } else {
      throw new Error('--format must be jsonl, csv, csv.zip, csv.tar.gz or jsonld');
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
