import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { toGraph } from '../../src/ingest/to-graph';
import { planText, referenceData } from './seed-document';
/**
 * A small provincial plan in the layout of the genre: an issuer's line, a title, parts (篇) fused
 * with their first chapter, sections, and places of Sichuan (成都 its capital, 郫都 and 武侯 its
 * districts). Tests that need parts or divisions of China load it beside the seed.
 */
export const SICHUAN_PLAN_LINES = [
  '四川省人民政府',
  '四川省新型城镇化规划',
  '第一篇 发展基础 第一章 发展成就',
  '全省城镇化水平持续提高，成都辐射带动作用显著增强。',
  '第二篇 空间格局',
  '第二章 优化城镇体系',
  '第一节 做强成都',
  '做强极核。支持成都建设公园城市示范区，推动郫都、武侯协同发展。',
  '第三章 推进成渝地区双城经济圈建设',
  '深化川渝合作。加强与重庆市合作。到2025年，常住人口城镇化率达到6 0 %。',
];

/** Ingests the plan above under `planId` and writes it to the graph beside the seed. */
export async function writeSichuanPlan(client: GraphClient, planId: string): Promise<void> {
  const doc = ingestPlan({ file: 'sichuan.txt', planId, ...referenceData(), bytes: planText(SICHUAN_PLAN_LINES) });
  await writePlan(client, toGraph(doc));
}
