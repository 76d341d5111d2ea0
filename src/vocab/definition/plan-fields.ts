import { FONT_ROLES } from '../fonts.js';
import { LEVELS } from '../level.js';
import { PERIOD_NAMES, PERIOD_WORDS, PERIODS } from '../periods.js';
import { CHECK_FIELDS } from './check-fields.js';
import { choiceWords } from './choices.js';
import type { Choice, FieldDef } from './field.js';

/**
 * The one definition of an outline (plan.yaml): every key, its kind, its Chinese label and
 * description, its allowed values, its roster column and its limits. `validate.ts` checks
 * outlines by it, `front-matter.ts` reads a Markdown plan's front matter by it, batch maps a
 * roster's columns by it and the build writes `schema/plan.schema.json` from it.
 */

/** The periods, by key and by every Chinese word a union office uses for them. */
export const PERIOD_CHOICES_DEF: readonly Choice[] = PERIODS.map((period) => ({
  value: period,
  name: PERIOD_NAMES[period] || '全年',
  words: Object.entries(PERIOD_WORDS)
    .filter(([, p]) => p === period)
    .map(([word]) => word),
}));

export const LEVEL_CHOICES: readonly Choice[] = LEVELS.map((level) => ({ value: level, name: level }));

export const ITEM_STYLE_CHOICES: readonly Choice[] = [
  { value: 'run-in', name: '条目标题接排正文，默认', words: ['接排'] },
  { value: 'run-in-bold', name: '接排且标题加粗', words: ['接排加粗'] },
  { value: 'heading', name: '标题单独成行', words: ['单独成行'] },
];

export const PLAN_KIND_CHOICES: readonly Choice[] = [
  { value: 'plan', name: '工作计划' },
  { value: 'points', name: '工作要点' },
];

/** A section's kind; `SECTION_KINDS` in validate.ts holds each kind's default title. */
export const SECTION_KIND_CHOICES: readonly Choice[] = [
  { value: 'ideology', name: '思想引领', words: ['思想政治引领'] },
  { value: 'democracy', name: '民主管理' },
  { value: 'rights', name: '维权服务' },
  { value: 'quality', name: '素质提升' },
  { value: 'self-building', name: '自身建设', words: ['工会自身建设'] },
  { value: 'women', name: '女职工', words: ['女职工工作'] },
  { value: 'culture', name: '文体', words: ['文体活动'] },
  { value: 'custom', name: '其他' },
];

/** The Chinese names of the font roles, for messages and editors. */
const FONT_ROLE_LABELS: Readonly<Record<(typeof FONT_ROLES)[number], string>> = {
  title: '标题字体',
  body: '正文字体',
  heading1: '一级标题字体',
  heading2: '二级标题字体',
  heading3: '三级标题字体',
  heading4: '四级标题字体',
  pageNumber: '页码字体',
  table: '表格字体',
};

export const FONT_FIELDS: readonly FieldDef[] = FONT_ROLES.map((role) => ({
  key: role,
  kind: 'text',
  label: '字体名称',
  description: `${FONT_ROLE_LABELS[role]}，写字体名称，如 仿宋_GB2312`,
}));

const MONTH: FieldDef = { key: 'month', kind: 'text', label: '月份', description: '月份，1 到 12 的整数（也可写“9月”）' };

/** A month or a list of months, 1–12. */
const MONTHS_SCHEMA = { type: 'integer', minimum: 1, maximum: 12 };

/** A work item at depth 1 (under an item) and depth 0 (in a section). */
const SUB_ITEM_FIELDS: readonly FieldDef[] = [
  { key: 'title', kind: 'text', label: '条目标题', description: '条目标题（接排在正文前，或单独成行）' },
  { key: 'text', kind: 'paragraph', label: '条目内容', description: '条目内容' },
  {
    key: 'months',
    kind: 'list',
    label: '条目所属月份',
    description: '条目所属月份：一个月份（9）或月份列表（[7, 8]），半年、学期计划据此取舍',
    single: true,
    entry: { key: 'month', kind: 'text', label: '月份', description: '月份，1 到 12' },
    schemaRules: { anyOf: [MONTHS_SCHEMA, { type: 'array', items: MONTHS_SCHEMA, minItems: 1 }] },
  },
];

/** The rule an item's mapping keeps: some words, or sub-items. */
const ITEM_RULES = { anyOf: [{ required: ['title'] }, { required: ['text'] }, { required: ['items'] }] };

const SUB_ITEM: FieldDef = {
  key: 'item',
  kind: 'object',
  label: '工作条目',
  description: '工作条目：一段文字，或含 title（标题）、text（内容）的键值对',
  fields: SUB_ITEM_FIELDS,
  orText: true,
  schemaRules: ITEM_RULES,
};

export const ITEM_FIELDS: readonly FieldDef[] = [
  ...SUB_ITEM_FIELDS,
  { key: 'items', kind: 'list', label: '子条目', description: '子条目，编为（1）（2）……', entry: SUB_ITEM },
];

const ITEM: FieldDef = { ...SUB_ITEM, fields: ITEM_FIELDS };

export const SECTION_FIELDS: readonly FieldDef[] = [
  {
    key: 'kind',
    kind: 'choice',
    label: '板块类别',
    description: '板块类别；写了类别的板块可以省略标题，用该类别的默认标题',
    choices: SECTION_KIND_CHOICES,
    default: 'custom',
  },
  { key: 'title', kind: 'text', label: '板块标题', description: '板块标题，编为（一）（二）……' },
  { key: 'intro', kind: 'paragraph', label: '板块导语', description: '板块导语（条目前的一段话）' },
  { key: 'items', kind: 'list', label: '工作条目', description: '工作条目，编为 1. 2. ……', entry: ITEM },
];

export const TARGET_FIELDS: readonly FieldDef[] = [
  { key: 'name', kind: 'text', label: '指标名称', description: '指标名称，如 职工入会率', required: true },
  { key: 'value', kind: 'text', label: '目标值', description: '目标值（数字或文本）' },
  { key: 'baseline', kind: 'text', label: '上年实际', description: '上年实际（写了就多一栏）' },
  { key: 'unit', kind: 'text', label: '单位', description: '单位，如 %、人、次' },
  { key: 'note', kind: 'text', label: '说明', description: '说明（可省略）' },
];

export const SCHEDULE_FIELDS: readonly FieldDef[] = [
  MONTH,
  { key: 'months', kind: 'list', label: '月份', description: '跨月的安排，如 [7, 8]', entry: MONTH },
  {
    key: 'items',
    kind: 'list',
    label: '工作内容',
    description: '本月工作内容',
    single: true,
    entry: { key: 'item', kind: 'text', label: '工作内容', description: '一项工作' },
  },
  { key: 'owner', kind: 'text', label: '责任部门', description: '责任部门（各行不同时才显示这一栏）' },
];

/** A month as the schedule takes it: 9, or “9月”. */
const SCHEDULE_MONTH_SCHEMA = { anyOf: [MONTHS_SCHEMA, { type: 'string', pattern: '^\\s*(?:[1-9]|1[0-2])月?\\s*$' }] };

export const NOTICE_FIELDS: readonly FieldDef[] = [
  { key: 'number', kind: 'text', label: '发文字号', description: '发文字号，如 城南工发〔2027〕1号', required: true, maxChars: 200 },
  { key: 'to', kind: 'text', label: '主送机关', description: '主送机关', required: true, maxChars: 200 },
  { key: 'cc', kind: 'text', label: '抄送机关', description: '抄送机关（可省略）', maxChars: 200 },
];

/** At most this many attachments, each at most this long. */
export const MAX_ATTACHMENTS = 20;
export const MAX_ATTACHMENT_CHARS = 100;

/** Every key of an outline, in the order a plan.yaml lists them. */
export const PLAN_FIELDS: readonly FieldDef[] = [
  {
    key: 'type',
    comment: ' 计划类型（运行 unionplan types 查看全部类型）',
    kind: 'plan-type',
    label: '计划类型',
    description: '计划类型，如 school 或 学校（运行 unionplan types 查看全部类型）',
    required: true,
    frontMatter: true,
    column: { header: '类型', aliases: ['计划类型', '单位类型', '工会类型'] },
  },
  {
    key: 'org',
    comment: ' 工会全称，用于标题和落款。上级工会可写在 superior: 一行，如 superior: 城南区教育工会',
    kind: 'text',
    label: '工会全称',
    description: '工会全称，用于标题和落款，如 城南实验小学工会',
    required: true,
    frontMatter: true,
    column: { header: '单位名称', aliases: ['工会名称', '工会全称', '基层工会名称', '名称', 'name'] },
  },
  {
    key: 'level',
    comment: ' 本级：区、县、市、旗，或镇、乡、街道（由 org 推断；正文中的“全区”“区委”等按它写出）',
    kind: 'choice',
    label: '本级',
    description: '本级（区县、乡镇、街道类型）：区、县、市、旗，或镇、乡、街道；默认从 org 推断',
    choices: LEVEL_CHOICES,
    frontMatter: true,
    column: { header: '本级', aliases: [] },
  },
  {
    key: 'superior',
    comment: ' 上级工会（本计划报送的单位）',
    kind: 'text',
    label: '上级工会',
    description: '上级工会（本计划报送的单位），如 城南区教育工会',
    frontMatter: true,
    column: { header: '上级工会', aliases: ['上级', '主管工会'] },
  },
  {
    key: 'year',
    comment: ' 计划年度',
    kind: 'year',
    label: '年度',
    description: '计划年度，四位数的年份，如 2027（默认今年，10 月起默认明年）',
    frontMatter: true,
    column: { header: '年度', aliases: ['年份', '计划年度'] },
  },
  {
    key: 'period',
    comment:
      ' 计划期间：annual 全年，first-half 上半年，second-half 下半年，first-term 第一学期（9月至次年1月），second-term 第二学期（2—7月）；也可写中文',
    kind: 'choice',
    label: '计划期间',
    description:
      '计划期间：annual 全年，first-half 上半年，second-half 下半年，first-term 第一学期（9月至次年1月），second-term 第二学期（2—7月）；也可写中文',
    choices: PERIOD_CHOICES_DEF,
    default: 'annual',
    frontMatter: true,
    column: { header: '计划期间', aliases: ['期间'] },
  },
  {
    key: 'itemStyle',
    kind: 'choice',
    label: '条目样式',
    description: '条目样式：run-in 条目标题接排正文（默认），run-in-bold 接排且标题加粗，heading 标题单独成行',
    choices: ITEM_STYLE_CHOICES,
    frontMatter: true,
  },
  {
    key: 'date',
    comment: ' 落款日期，格式 YYYY-MM-DD；落款中显示为“2027年1月5日”',
    kind: 'date',
    label: '落款日期',
    description: '落款日期，格式 YYYY-MM-DD，如 2027-01-05；落款中显示为“2027年1月5日”',
    frontMatter: true,
    column: { header: '落款日期', aliases: ['日期'] },
  },
  {
    key: 'title',
    kind: 'text',
    label: '标题',
    description: '标题；默认为“单位+年度+工作计划”',
    frontMatter: true,
    column: { header: '标题', aliases: ['计划标题'] },
  },
  {
    key: 'preface',
    comment: ' 开头语（可删除）。\n 标题默认为“单位+年度+工作计划”，如需自定义，添加一行 title: 你的标题',
    kind: 'paragraph',
    label: '开头语',
    description: '开头语（标题后、指导思想前的一段话）',
    column: { header: '开头语', aliases: ['前言'] },
  },
  {
    key: 'guidance',
    comment: ' 指导思想。空一行即另起一段',
    kind: 'paragraph',
    label: '指导思想',
    description: '指导思想；空一行即另起一段',
    column: { header: '指导思想', aliases: [] },
  },
  {
    key: 'targets',
    comment: ' 工作目标（生成表格）：name 指标，value 目标值，unit 单位，note 说明（可省略），baseline 上年实际（可省略，写了就多一栏）',
    kind: 'list',
    label: '工作目标',
    description: '工作目标（生成表格）：name 指标，value 目标值，unit 单位，note 说明，baseline 上年实际',
    entry: { key: 'target', kind: 'object', label: '工作目标', description: '一项工作目标', fields: TARGET_FIELDS },
    column: { header: '工作目标', aliases: ['目标'] },
  },
  {
    key: 'sections',
    comment:
      ' 主要工作：每个板块编为（一）（二）……，条目编为 1. 2. ……，子条目编为（1）（2）……\n' +
      ' 编号由程序生成，请不要手写编号；删掉一项，其余自动重排。\n' +
      ' kind 是板块类别：ideology 思想引领，democracy 民主管理，rights 维权服务，quality 素质提升，\n' +
      ' self-building 自身建设，women 女职工，culture 文体，custom 其他',
    kind: 'list',
    label: '工作板块',
    description: '主要工作：每个板块编为（一）（二）……，条目编为 1. 2. ……，子条目编为（1）（2）……；编号由程序生成',
    entry: {
      key: 'section',
      kind: 'object',
      label: '工作板块',
      description: '一个工作板块：kind 类别，title 标题，intro 导语，items 条目',
      fields: SECTION_FIELDS,
      // Only a section with a kind other than custom may leave its title out.
      schemaRules: {
        anyOf: [
          { required: ['title'], properties: { title: { type: ['string', 'number'], pattern: '\\S' } } },
          {
            required: ['kind'],
            properties: { kind: { not: { enum: choiceWords(SECTION_KIND_CHOICES.find((c) => c.value === 'custom')!) } } },
          },
        ],
      },
    },
    column: { header: '主要工作', aliases: ['工作板块'] },
  },
  {
    key: 'schedule',
    comment:
      ' 具体工作安排（生成表格）：month 月份（1–12，跨月写 months: [7, 8]），items 工作内容，owner 责任部门（可省略；各行不同时才显示这一栏）',
    kind: 'list',
    label: '月度安排',
    description: '具体工作安排（生成表格）：month 月份（跨月写 months: [7, 8]），items 工作内容，owner 责任部门',
    entry: {
      key: 'entry',
      kind: 'object',
      label: '月度安排',
      description: '一个月（或几个月）的安排',
      fields: SCHEDULE_FIELDS,
      schemaRules: {
        required: ['items'],
        oneOf: [{ required: ['month'] }, { required: ['months'] }],
        properties: { month: SCHEDULE_MONTH_SCHEMA, months: { type: 'array', minItems: 1, items: SCHEDULE_MONTH_SCHEMA } },
      },
    },
    column: { header: '工作安排', aliases: ['月度安排', '具体工作安排'] },
  },
  {
    key: 'fonts',
    kind: 'object',
    label: '字体',
    description: '各部分的字体，如 body: 仿宋_GB2312（运行 unionplan fonts 查看）',
    fields: FONT_FIELDS,
    frontMatter: true,
    column: { header: '字体', aliases: [] },
  },
  {
    key: 'check',
    kind: 'object',
    label: '检查设置',
    description: '检查设置：disable 关闭的规则，references 过时提法列表，wording 现行提法列表，lists 检查词表',
    fields: CHECK_FIELDS,
    frontMatter: true,
  },
  {
    key: 'kind',
    kind: 'choice',
    label: '文种',
    description: '文种：plan 工作计划（默认）或 points 工作要点',
    choices: PLAN_KIND_CHOICES,
    frontMatter: true,
  },
  { key: 'seal', kind: 'boolean', label: '加盖印章', description: '落款加盖印章（true 或 false）', frontMatter: true },
  {
    key: 'attachments',
    kind: 'list',
    label: '附件',
    description: `附件名称的列表（附件说明），最多 ${MAX_ATTACHMENTS} 个`,
    single: true,
    maxItems: MAX_ATTACHMENTS,
    entry: { key: 'attachment', kind: 'text', label: '附件名称', description: '附件名称', maxChars: MAX_ATTACHMENT_CHARS },
    frontMatter: true,
  },
  {
    key: 'notice',
    kind: 'object',
    label: '通知',
    description: '以通知印发本计划：number 发文字号，to 主送机关，cc 抄送机关',
    fields: NOTICE_FIELDS,
    frontMatter: true,
  },
];

/** The outline's keys (what `未知字段` lists). */
export const PLAN_KEYS: readonly string[] = PLAN_FIELDS.map((f) => f.key);
