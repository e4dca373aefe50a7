import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NodeRow } from '../../graph/read/rows';
import type { IngestReport as IngestReportData } from '../../ingest/ingest-report';
import type { Context } from '../context';
import { Chapter } from '../types/chapter.type';
import { IngestReport } from '../types/ingest-report.type';
import { Part } from '../types/part.type';
import { Plan } from '../types/plan.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';

@Resolver(() => Plan)
export class PlanStructureResolver {
  @FieldResolver(() => [Part], { description: 'The parts (第N篇) of the plan, in order; empty for a plan without parts.' })
  parts(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Part').load(p.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'GB/T 2260 code of the province-level division whose plan this is (500000), read from its issuer or title; null for a national plan.' })
  jurisdiction(@Root() p: NodeRow): string | null {
    return typeof p.jurisdiction === 'string' ? p.jurisdiction : null;
  }

  @FieldResolver(() => IngestReport, { nullable: true, description: 'What ingestion made of the text: counts, layout, warnings with their lines.' })
  ingestReport(@Root() p: NodeRow): IngestReportData | null {
    return typeof p.ingestReport === 'string' ? (JSON.parse(p.ingestReport) as IngestReportData) : null;
  }
}

@Resolver(() => Part)
export class PartResolver {
  @FieldResolver(() => [Chapter])
  async chapters(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    const ids = Array.isArray(p.chapterIds) ? p.chapterIds.filter((x): x is string => typeof x === 'string') : [];
    const rows = await ctx.loaders.node.loadMany(ids);
    return rows.filter((r): r is NodeRow => r !== null && !(r instanceof Error));
  }

  @FieldResolver(() => Plan)
  plan(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return ctx.loaders.node.load(p.planId as string);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() p: NodeRow): SourceSpan {
    return sourceOf(p);
  }
}
