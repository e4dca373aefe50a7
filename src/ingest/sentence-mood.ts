import type { TaskMood } from './document';

/**
 * Directive or descriptive, from the words of one sentence (canonical view).
 *
 * Directive: a verb that asks for something to be done opens a clause (加快, 推进, 实施, 建设,
 * 完善, 健全, 强化, 推动, 支持, 鼓励, 坚持 ...), or a modal says it must be (要, 应, 必须, 不得,
 * 严禁). Descriptive: the sentence reports (取得, 已经, 达到 ... 成效), assesses (有待, 仍需,
 * 面临, 不足) or forecasts (将, 日益) without directing; and a sentence with no directive
 * evidence at all is descriptive.
 */

const DIRECTIVE_VERBS = [
  '加快', '推进', '实施', '建设', '完善', '健全', '强化', '推动', '支持', '鼓励', '坚持', '深化', '促进', '提升', '提高',
  '加强', '优化', '构建', '建立', '打造', '培育', '引导', '落实', '探索', '发展', '保障', '统筹', '扩大', '实行', '开展',
  '推广', '创新', '规范', '严格', '发挥', '增强', '营造', '深入', '全面', '积极', '有序', '稳妥', '大力', '着力', '持续',
  '依法', '因地制宜', '允许', '做好', '落细', '筑牢', '融入', '聚焦', '围绕', '依托', '瞄准', '对接', '加大', '降低', '缩小',
  '严控', '控制', '防范', '化解', '整治', '修复', '保护', '开发', '布局', '新建', '改造', '改建', '扩建', '开工', '建成',
  '完成', '谋划', '研究', '制定', '编制', '出台', '设立', '组建', '争取', '申报', '力争', '确保', '重点', '分类', '合理',
  // The verbs of a measure that grants or devolves (the State Council's measures for pilot zones).
  '借鉴', '授权', '授予', '赋予', '下放', '放宽', '取消', '简化', '试点', '推行', '设置', '增加', '优先', '进一步',
];
/** 将X下放至/纳入/改为…: a disposal ordered, unlike 将 of a forecast (将成为). */
const DISPOSAL = /^将[^，。；]{1,60}(?:下放|纳入|列入|改为|调整为|作为)/;
const MODALS = /(?:^|[，；：、])(?:要|应当?|必须|不得|严禁|须|需要|务必)|(?:^|[，；：])(?:各区县|各部门|各地|各级)|(?:部门|机构)(?:可以|可)(?:根据|按照|将|在|对|向)/;
const DESCRIPTIVE = /取得|已经|已|成效|显著|初步形成|有待|仍需|仍然|面临|不足|不够|趋紧|日益|逐步成为|将与|期间|呈.*趋势|方兴未艾|基本实现|更加|明显|大幅|不断|进一步提升$/;
/** Clause openers that carry no directive force: 到2025年，by 以…为… */
const CLAUSE_LEAD = /^(?:到\s*\d[\d\s]*\s*年[，,]?|以[^，]{1,30}为[^，]{1,10}[，,]|在[^，]{1,20}[，,]|按照[^，]{1,30}[，,]|根据[^，]{1,30}[，,]|通过[^，]{1,30}[，,]|对[^，]{1,20}[，,]|围绕[^，]{1,20}[，,]|结合[^，]{1,20}[，,])/;

function clauses(sentence: string): string[] {
  return sentence.split(/[，；：。！？]/).map((c) => c.trim()).filter((c) => c !== '');
}

function opensWithDirective(clause: string): boolean {
  const c = clause.replace(CLAUSE_LEAD, '').replace(/^[“"（(]/, '');
  return DIRECTIVE_VERBS.some((v) => c.startsWith(v)) || DISPOSAL.test(c);
}

/** A commitment to a number by a year (到2025年，…达到60%) directs as much as a verb does. */
const TARGET_COMMITMENT = /^到\s*\d[\d\s]*年.*(?:达到|提高到|提升到|控制在|降至|降到|不低于|超过|新增|累计)[^，。；]*\d/;

export function sentenceMood(sentence: string): TaskMood {
  if (TARGET_COMMITMENT.test(sentence)) return 'directive';
  const cl = clauses(sentence.replace(CLAUSE_LEAD, ''));
  const directiveClauses = cl.filter(opensWithDirective).length;
  if (MODALS.test(sentence)) return 'directive';
  if (directiveClauses === 0) return 'descriptive';
  // A report of what was done (…取得显著成效) opens with a verb too: the descriptive words decide then.
  if (DESCRIPTIVE.test(sentence) && directiveClauses * 2 < cl.length) return 'descriptive';
  return 'directive';
}
