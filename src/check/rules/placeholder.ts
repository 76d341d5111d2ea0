import { HAN_CLASS } from '../scan/cjk.js';
import type { Hit, Rule } from './rule.js';
import { offsetOf, scan } from '../scan/scan.js';

/** A kind of blank left in a copied sample, with what to say about it. */
interface Blank {
  pattern: string;
  message: (text: string) => string;
  suggestion: (text: string) => string;
}

// The words before a count: 共征集“金点子”条, 已实施完成项, 培训人 … with the number left out.
const COUNT_VERBS =
  '共有|的有|已有|共计|合计|累计|不少于|超过|达到|完成|征集|收到|评选出|表彰|发放|培训|慰问|走访|签订|参加|组建|吸收|捐款|募捐';
const MEASURE_WORDS = '条项人名家个次场件户所篇期';

const BLANKS: Blank[] = [
  {
    // xx, XX, 20xx, ××, ｘｘ — but not a Latin word that happens to hold two x's.
    pattern: '(?<![A-Za-z\\d])\\d{0,2}[xXｘＸ×]{2,}(?![A-Za-z])',
    message: (t) => `未填写的占位符“${t}”`,
    suggestion: () => '改为实际内容（年份、单位名称、数字等）',
  },
  {
    // 十x届, 第x次: one x between Chinese characters.
    pattern: `(?<=${HAN_CLASS})[xXｘＸ](?=${HAN_CLASS})`,
    message: (t) => `未填写的占位符“${t}”`,
    suggestion: () => '改为实际的数字或名称',
  },
  {
    pattern: '[_＿]{2,}',
    message: (t) => `未填写的空白“${t}”`,
    suggestion: () => '在空白处填入实际内容',
  },
  {
    // _年, _社区, 《_市 …: one underscore before a Chinese character (not 仿宋_GB2312).
    pattern: `(?<![A-Za-z\\d_＿])[_＿](?=${HAN_CLASS})`,
    message: (t) => `未填写的空白“${t}”`,
    suggestion: () => '在空白处填入实际内容',
  },
  {
    pattern: '[□☐]+',
    message: (t) => `未填写的方框“${t}”`,
    suggestion: () => '改为实际内容，或删去方框',
  },
  {
    pattern: '某某+',
    message: (t) => `“${t}”未换成实际名称`,
    suggestion: () => '写明实际的单位、人员或地点',
  },
  {
    pattern:
      '（[\\s\\u3000]*）|\\([\\s\\u3000]*\\)|〈[\\s\\u3000]*〉|《[\\s\\u3000]*》|【[\\s\\u3000]*】|「[\\s\\u3000]*」|“[\\s\\u3000]*”',
    message: (t) => `括号或引号“${t}”中没有内容`,
    suggestion: () => '在括号或引号中填入内容，或删去',
  },
  {
    pattern: `(?:${COUNT_VERBS})(?:“[^”\\n]{1,12}”)?[${MEASURE_WORDS}](?=[，。；、：,.;:）)\\n]|$)`,
    message: (t) => `缺少数字：${t}`,
    suggestion: (t) => `在“${t.slice(-1)}”前填写数字`,
  },
  {
    // 建立车间级分会个， — 个 straight after a noun, where a number belongs (not 一个、每个、整个).
    pattern: `(?<=${HAN_CLASS})(?<![一二三四五六七八九十百千万两几每各这那哪整某半多些个单])个(?=[，。；、：,.;:）)\\n]|$)`,
    message: () => '“个”前面缺少数字',
    suggestion: () => '在“个”前填写数字',
  },
  {
    // 签订率达到% — a percent sign straight after a Chinese character.
    pattern: `(?<=${HAN_CLASS})[%％]`,
    message: () => '“%”前面缺少数字',
    suggestion: () => '在“%”前填写数字',
  },
];

const PATTERN = new RegExp(BLANKS.map((b) => `(${b.pattern})`).join('|'), 'gu');

export const placeholder: Rule = {
  id: 'placeholder',
  severity: 'error',
  description: '未填写的占位符：xx、20xx、__、_年、□、某某、空括号（  ）〈〉、缺少数字的“共征集条”“达到%”',
  run(ctx) {
    const hits: Hit[] = [];
    for (const match of scan(ctx.segments, PATTERN)) {
      const which = match.groups.findIndex((g) => g !== undefined);
      const blank = BLANKS[which]!;
      hits.push({
        ...ctx.at(offsetOf(match)),
        message: blank.message(match.text),
        suggestion: blank.suggestion(match.text),
      });
    }
    return hits;
  },
};
