import { KIND_NAMES, type PlanKind } from '../../vocab/title.js';
import type { Hit, Rule } from './rule.js';
import { scan } from '../scan/scan.js';
import { contiguous, replaceChars } from '../scan/segment.js';

// How a plan names itself in its own text (“制定本计划”, “本要点”), by what it says it is.
const SELF_NAME: Readonly<Record<PlanKind, RegExp>> = {
  // A 工作要点 that says 本计划 / 本工作计划: the wording of the plan it was made from.
  points: /本(?:工作)?计划/gu,
  plan: /本(?:工作)?要点/gu,
};
const RIGHT_NAME: Readonly<Record<PlanKind, string>> = { points: '本工作要点', plan: '本计划' };

export const kindWording: Rule = {
  id: 'kind-wording',
  severity: 'warning',
  description: '正文对本文件的称呼与文种不符，如工作要点（kind: points）里写“制定本计划”（--fix 可自动改正）',
  run(ctx) {
    const kind = ctx.plan.kind;
    const right = RIGHT_NAME[kind];
    const hits: Hit[] = [];
    for (const match of scan(ctx.segments, SELF_NAME[kind])) {
      const fix = contiguous(match.segment, match.index, match.end)
        ? replaceChars(match.segment, match.index, match.end, right)
        : undefined;
      hits.push({
        ...ctx.at(match.segment.starts[match.index]!),
        message: `文种是${KIND_NAMES[kind]}，正文却称“${match.text}”`,
        suggestion: `改为“${right}”${kind === 'points' ? '，或删去 kind: points 按工作计划印发' : ''}`,
        ...(fix ? { fix } : {}),
      });
    }
    return hits;
  },
};
