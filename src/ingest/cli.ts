import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { writePlan } from '../graph/plan-writer';
import { withGraphClient } from '../load/cli-graph-client';
import { defaultPlanId, parsePlanFile } from '../load/load-plan-file';
import { IngestError } from './ingest-error';
import { formatWarnings } from './ingest-report';
import { loadReferenceData } from './seed-data';
import { AppError } from '../errors/app-error';
import { toGraph } from './to-graph';

/**
 * npm run ingest -- <file> [--plan-id <id>] [--dry-run] [--force] [--strict] [--curated <csv>] [--progress-lines]
 * Prints the ingest report's warnings on stderr as `file:line: kind: message`.
 * Exit codes: 0 done, 2 bad input (file:line:column: reason) or, with --strict, any warning;
 * 1 anything else.
 */
async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('ingest')
    .description('Parse a plan text and load it into the graph (one transaction: all or nothing).')
    .argument('<file>', 'UTF-8 text of the plan')
    .option('--plan-id <id>', 'id of the plan (default: the file name)')
    .option('--dry-run', 'print the extracted document as JSON; do not touch the database')
    .option('--force', 'rewrite the plan even if the same text is already loaded')
    .option('--curated <csv>', 'curated responsibilities of bodies for measures (measure_id,body_id,role,basis,rationale)')
    .option('--progress-lines', 'print each load step as a line on stderr (for scripts)')
    .option('--strict', 'refuse the plan (exit 2, nothing written) when the ingest report has warnings')
    .parse(argv);
  const file = program.args[0];
  const opts = program.opts<{ planId?: string; dryRun?: boolean; force?: boolean; curated?: string; progressLines?: boolean; strict?: boolean }>();
  const planId = opts.planId ?? defaultPlanId(file);
  const reference = loadReferenceData();

  // Parse first, once: bad input never opens a connection, let alone a transaction.
  const doc = parsePlanFile(file, planId, reference, opts.curated);
  const warnings = doc.report ? formatWarnings(doc.report) : [];
  for (const w of warnings) process.stderr.write(`${w}\n`);
  if (opts.strict && warnings.length > 0) throw new StrictRefusal(warnings.length);
  if (opts.dryRun) {
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return;
  }
  const bar = new SingleBar({ format: 'loading {step} [{bar}] {value}/{total}', hideCursor: true }, Presets.shades_classic);
  await withGraphClient(async (client) => {
    const started = Date.now();
    let barStarted = false;
    const result = await writePlan(client, toGraph(doc), {
      force: opts.force,
      onStep: (step, done, total) => {
        if (opts.progressLines) process.stderr.write(`step ${step} ${done}/${total}\n`);
        if (!process.stderr.isTTY) return;
        if (!barStarted) bar.start(total, 0, { step });
        barStarted = true;
        bar.update(done, { step });
      },
    });
    if (barStarted) bar.stop();
    const ms = Date.now() - started;
    const summary = {
      plan: planId,
      status: result.skipped ? 'unchanged (same text already loaded; --force rewrites)' : 'loaded',
      chapters: doc.chapters.length,
      sections: doc.sections.length,
      measures: doc.measures.length,
      boxes: doc.boxes.length,
      tasks: doc.tasks.length,
      indicators: doc.indicators.length,
      targets: doc.targets.length,
      projects: doc.projects.length,
      pilotZones: doc.pilotZones.length,
      placeLinks: doc.tasks.reduce((n, t) => n + t.places.length, 0),
      report: doc.report ? { counts: doc.report.counts, layout: doc.report.layout, warnings: doc.report.warnings.length } : null,
      graphNodes: result.nodes,
      graphRelationships: result.relationships,
      removedNodes: result.deleted,
      retiredWithRecords: result.retired,
      ms,
    };
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  });
}

// `npm run ingest -- f --dry-run | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** --strict and the report has warnings (printed above). */
class StrictRefusal extends Error {
  constructor(readonly count: number) {
    super(`--strict: the ingest report has ${count} warning(s) (above); the plan was not loaded`);
  }
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof StrictRefusal) {
    process.stderr.write(`${error.message}\nThe database was not changed.\n`);
    process.exit(2);
  }
  if (error instanceof IngestError) {
    process.stderr.write(`${error.message}\nThe database was not changed.\n`);
    process.exit(2);
  }
  if (error instanceof AppError) {
    process.stderr.write(`${error.code}: ${error.message}\nThe database was not changed.\n`);
    process.exit(1);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
