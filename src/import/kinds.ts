import type { SectionKind } from '../outline/types.js';

/** Words in a unit's name that say its plan type, the most telling first. */
const TYPE_BY_NAME: [RegExp, string][] = [
  [/经费审查委员会|经审会|经审委/, 'audit'],
  [/幼儿园|幼稚园|托儿所/, 'kindergarten'],
  [/学校|小学|中学|学院|大学|一中|二中|附中|职校|职高|完小|九年制|教育工会|[^工]校工会|校$/, 'school'],
  [/社区/, 'community'],
  [/街道/, 'street'],
  [/(?:区|县|市)总工会|区（县）总工会/, 'district'],
  [/[镇乡]工会|[镇乡]总工会|[镇乡]$/, 'town'],
  [/公司|企业|集团|厂|有限|股份|银行|医院|中心/, 'enterprise'],
];

/**
 * Words that settle the type when they recur in the text: a kindergarten's plan speaks of
 * 教职工 as much as a school's, but only it says 我园.
 */
const DECISIVE: [RegExp, number, string][] = [
  [/经审|经费审查/g, 3, 'audit'],
  [/幼儿园|我园|幼儿/g, 2, 'kindergarten'],
  [/街道|街域/g, 2, 'street'],
  [/社区工会|全社区|我社区|社区/g, 3, 'community'],
  [/区总工会|全区|区属|街镇/g, 3, 'district'],
  [/镇工会|全镇|我镇/g, 2, 'town'],
];

/** Words in a plan's text that point to a type, counted when the unit's name says nothing. */
const TYPE_BY_TEXT: [RegExp, string][] = [
  [/经审|经费审查|审计/g, 'audit'],
  [/幼儿园|我园|幼儿|保教/g, 'kindergarten'],
  [/教职工|教师|学校|校务|教代会|师德|教研|学生/g, 'school'],
  [/社区/g, 'community'],
  [/街道|街域|辖区/g, 'street'],
  [/全区|区总工会|街镇|区属|区级/g, 'district'],
  [/镇工会|全镇|我镇|村/g, 'town'],
  [/公司|企业|班组|职代会|车间|生产|员工/g, 'enterprise'],
];

/** The plan type guessed from the unit's name, else from the words of the text; with why. */
export function guessType(org: string | undefined, text: string, types: readonly string[]): { type: string; reason: string } {
  if (org) {
    for (const [pattern, type] of TYPE_BY_NAME) {
      if (types.includes(type) && pattern.test(org)) return { type, reason: `单位名称“${org}”` };
    }
  }
  for (const [pattern, least, type] of DECISIVE) {
    const hits = text.match(pattern) ?? [];
    if (types.includes(type) && hits.length >= least) return { type, reason: `正文中的“${hits[0]}”等词（${hits.length} 处）` };
  }
  let best = { type: types.includes('enterprise') ? 'enterprise' : types[0]!, count: 0, word: '' };
  for (const [pattern, type] of TYPE_BY_TEXT) {
    if (!types.includes(type)) continue;
    const hits = text.match(pattern) ?? [];
    if (hits.length > best.count) best = { type, count: hits.length, word: hits[0]! };
  }
  return best.count > 0
    ? { type: best.type, reason: `正文中的“${best.word}”等词（${best.count} 处）` }
    : { type: best.type, reason: '没有找到能说明类型的词，取默认类型' };
}

/** Words that say what a section is about. */
const KIND_WORDS: [SectionKind, RegExp][] = [
  ['women', /女职工|女教职工|女工|巾帼|妇女/g],
  ['democracy', /民主|职代会|教代会|厂务公开|校务公开|政务公开|提案/g],
  ['rights', /维权|维护|权益|帮扶|帮困|送温暖|困难职工|劳动关系|集体合同|集体协商|劳动争议|慰问/g],
  ['quality', /素质|技能|竞赛|培训|创新|岗位练兵|读书|学习型|建功/g],
  ['self-building', /自身建设|工会干部|经费|组织建设|建会|职工之家|教职工之家|作风/g],
  ['culture', /文体|文化|体育|文艺|运动会|联欢|健身/g],
  ['ideology', /思想|政治|引领|宣传|理论学习|师德|价值观|主题教育/g],
];

/** The kind a section's words point to most, or custom when none stands out. */
export function guessKind(title: string, text: string): SectionKind {
  let best: { kind: SectionKind; score: number } = { kind: 'custom', score: 0 };
  for (const [kind, pattern] of KIND_WORDS) {
    // The title says it best; the text helps.
    const score = (title.match(pattern) ?? []).length * 5 + (text.match(pattern) ?? []).length;
    if (score > best.score) best = { kind, score };
  }
  return best.score >= 2 ? best.kind : 'custom';
}
