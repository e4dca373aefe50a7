import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { decodeIngestReport, type IngestReportRow } from '../../graph/read/ingest-report.row';
import type { ChapterRow, PartRow, PlanRow } from '../../graph/read/rows';
import type { Context } from '../context';
import type { MaybePromise } from '../maybe-promise';
import { Chapter } from '../types/chapter.type';
import { IngestReport } from '../types/ingest-report.type';
import { Part } from '../types/part.type';
import { Plan } from '../types/plan.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';

@Resolver(() => Plan)
export class PlanStructureResolver {
  @FieldResolver(() => [Part], { description: 'The parts (第N篇) of the plan, in order; empty for a plan without parts.' })
  parts(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<PartRow[]> {
    return ctx.loaders.children('Part').load(p.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'GB/T 2260 code of the province-level division whose plan this is (500000), read from its issuer or title; null for a national plan.' })
  jurisdiction(@Root() p: PlanRow): string | null {
    return p.jurisdiction;
  }

  @FieldResolver(() => IngestReport, { nullable: true, description: 'What ingestion made of the text: counts, layout, warnings with their lines.' })
  ingestReport(@Root() p: PlanRow): IngestReportRow | null {
    return decodeIngestReport(p.ingestReport);
  }
}

@Resolver(() => Part)
export class PartResolver {
  @FieldResolver(() => [Chapter])
  async chapters(@Root() p: PartRow, @Ctx() ctx: Context): Promise<ChapterRow[]> {
    const rows = await Promise.all(p.chapterIds.map((id) => ctx.loaders.nodeOf('Chapter', id)));
    return rows.filter((r): r is ChapterRow => r !== null);
  }

  @FieldResolver(() => Plan)
  plan(@Root() p: PartRow, @Ctx() ctx: Context): MaybePromise<PlanRow | null> {
    return ctx.loaders.nodeOf('Plan', p.planId);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() p: PartRow): SourceSpan {
    return sourceOf(p);
  }
}
