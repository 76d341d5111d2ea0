import type { Rule } from './rule.js';

// What a union's name ends with; the title may put the words elsewhere
// (城南实验小学工会 → 城南实验小学2027年工会工作计划).
const ORG_SUFFIX = /(?:工会委员会|工会联合会|经费审查委员会|总工会|工会|委员会|联合会)$/;

/** The distinctive part of a union's name: 城南区总工会经费审查委员会 → 城南区. */
export function orgCore(org: string): string {
  let core = org.trim();
  for (;;) {
    const next = core.replace(ORG_SUFFIX, '');
    if (next === core || next.length < 2) return core;
    core = next;
  }
}

export const titleNamesUnitYear: Rule = {
  id: 'title-names-unit-year',
  severity: 'warning',
  description: '标题没有写明单位和年度（如“工作计划”，或照抄来的别家单位、别的年份）',
  run(ctx) {
    const { title, org, year, yearKnown } = ctx.plan;
    if (!title) return [];
    const missing: string[] = [];
    const namesUnit = org ? title.text.includes(orgCore(org)) : /工会|委员会/.test(title.text);
    if (!namesUnit) missing.push(org ? `单位（${org}）` : '单位');
    const namesYear = yearKnown ? title.text.includes(String(year)) : /\d{4}\s*年/.test(title.text);
    if (!namesYear) missing.push(yearKnown ? `年度（${year}年）` : '年度');
    if (missing.length === 0) return [];
    const shown = title.text.trim() ? `标题“${title.text}”` : '计划没有标题（将显示为“工作计划”），';
    return [
      {
        ...title.at,
        message: `${shown}没有写明${missing.join('和')}`,
        suggestion:
          ctx.kind === 'outline'
            ? '改写 title，或删去 title 使用默认标题（单位+年度+工作计划）'
            : '在 front matter 中写 title，如 title: 城南实验小学工会2027年工作计划；或写 org 和 year，标题自动生成',
      },
    ];
  },
};
