/**
 * Splits a list of transport projects (the text after `铁路：`, `高速公路：` ...) into project
 * names: clauses are cut at ， and 。, the verb that opens a clause (建成, 开工建设, 研究论证 ...)
 * and the closing 等项目(建设) are dropped, and items are cut at 、 outside parentheses.
 * A clause such as ①主城都市区 is a sub-heading, not a project.
 */

export interface Item {
  name: string;
  /** Offset of the name within the list text. */
  start: number;
}

const LEADING_VERB = /^(?:建成|完成|开工建设|研究论证|加快建设|加快推进|推进|建设|实施)+/;
const TRAILING = /(?:等项目建设|等项目|项目建设|等)$/;
const SUB_HEADING = /^[①②③④⑤⑥⑦⑧⑨⑩]/;

export function transportItems(list: string): Item[] {
  const items: Item[] = [];
  let depth = 0;
  let clauseStart = 0;
  const clauses: { text: string; start: number }[] = [];
  for (let i = 0; i <= list.length; i++) {
    const c = list[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    if (i === list.length || (depth === 0 && (c === '，' || c === '。' || c === '；'))) {
      clauses.push({ text: list.slice(clauseStart, i), start: clauseStart });
      clauseStart = i + 1;
    }
  }
  for (const clause of clauses) {
    if (SUB_HEADING.test(clause.text) || clause.text.trim() === '') continue;
    const verb = LEADING_VERB.exec(clause.text);
    const bodyStart = clause.start + (verb ? verb[0].length : 0);
    const body = list.slice(bodyStart, clause.start + clause.text.length);
    let partStart = 0;
    depth = 0;
    for (let i = 0; i <= body.length; i++) {
      const c = body[i];
      if (c === '（' || c === '(') depth++;
      else if ((c === '）' || c === ')') && depth > 0) depth--;
      if (i === body.length || (depth === 0 && c === '、')) {
        const raw = body.slice(partStart, i);
        const name = raw.replace(TRAILING, '').trim();
        const lead = raw.length - raw.trimStart().length;
        if (name.length >= 2) items.push({ name, start: bodyStart + partStart + lead });
        partStart = i + 1;
      }
    }
  }
  return items;
}
