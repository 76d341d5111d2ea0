import { wordingFor } from '../../templates/wording.js';
import type { Rule } from './rule.js';

export const missingCurrentWording: Rule = {
  id: 'missing-current-wording',
  severity: 'warning',
  description:
    '指导思想缺少计划年度的现行提法，如 2027 年的“党的二十大和二十届历次全会精神”“习近平总书记关于工人阶级和工会工作的重要论述”“中国工会十八大”，学校和幼儿园另有全国教育大会、教育家精神（列表见 src/templates/wording.yaml，可以补充）',
  run(ctx) {
    const { guidance, year, yearKnown, type } = ctx.plan;
    // Without a stated year the year is a guess, and a guess is no ground for asking for wording.
    if (!guidance || !yearKnown) return [];
    const wording = wordingFor(year, type ?? '', ctx.wordingFiles);
    if (!wording) return [];
    const missing = wording.formulas.filter((formula) => !formula.matcher.test(guidance.text));
    if (missing.length === 0) return [];
    return [
      {
        ...guidance.at,
        message: `${year}年计划的指导思想缺少现行提法：${missing.map((f) => `“${f.name}”`).join('、')}`,
        suggestion: `指导思想的第一句可写为：${wording.guidance}。`,
      },
    ];
  },
};
