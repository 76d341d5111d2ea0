import { planLevel } from '../../vocab/level.js';
import type { Place } from '../scan/line-index.js';
import type { PlanShape } from '../scan/plan-shape.js';
import type { Hit, Rule } from './rule.js';

/** Where the work of a plan is: its 主要工作 (工作任务, 重点工作) heading, else its first part. */
function workPlace(plan: PlanShape): Place {
  const main = plan.parts.find((part) => part.level <= 2 && /主要工作|工作任务|重点工作|工作要点/.test(part.title));
  return main?.at ?? plan.parts.find((part) => !/指导思想|总体要求|目标/.test(part.title))?.at ?? plan.title?.at ?? { line: 1, column: 1 };
}

export const missingStaple: Rule = {
  id: 'missing-staple',
  severity: 'warning',
  description:
    '缺少这类计划必有的工作：社区没有“集体协商”或“民主管理”，企业没有“劳动法律监督”或“劳动争议调解”，镇没有“安全生产”，区县总工会没有“互助保障”或“疗休养”（报在“主要工作”处；列表见 src/check/lists/check-lists.yaml 的 staples，可以补充）',
  run(ctx) {
    const { type, org, level: given } = ctx.plan;
    if (!type) return [];
    const level = planLevel(type, org ?? '', given);
    const hits: Hit[] = [];
    for (const staple of ctx.lists.staples) {
      if (!staple.types.includes(type)) continue;
      if (staple.levels && !(level && staple.levels.includes(level))) continue;
      const named = ctx.segments.some((segment) => {
        staple.matcher.lastIndex = 0;
        return staple.matcher.test(segment.text);
      });
      if (named) continue;
      hits.push({
        ...workPlace(ctx.plan),
        message: `计划中没有写到“${staple.name}”${staple.note ? `：${staple.note}` : ''}`,
        suggestion: staple.suggestion ?? `在主要工作中写明${staple.name}的安排`,
      });
    }
    return hits;
  },
};
