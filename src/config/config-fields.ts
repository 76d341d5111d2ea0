import { CHECK_FIELDS } from '../vocab/definition/check-fields.js';
import { fieldOf, type Choice, type FieldDef } from '../vocab/definition/field.js';
import { FONT_FIELDS, PLAN_FIELDS } from '../vocab/definition/plan-fields.js';

/**
 * The one definition of `unionplan.config.yaml`: a unit's defaults, in the same form as the
 * outline's definition (and, where a key is the outline's, the outline's own field). The loader
 * validates by it and the build writes `schema/config.schema.json` from it.
 */

/** The file looked for in the working file's folder and the folders above it. */
export const CONFIG_FILE = 'unionplan.config.yaml';

export const FORMAT_CHOICES: readonly Choice[] = [
  { value: 'md', name: 'Markdown', words: ['markdown'] },
  { value: 'docx', name: 'Word', words: ['word'] },
  { value: 'pdf', name: 'PDF' },
];

/** An outline field as the config takes it: the same kind and values, described as a default. */
function planDefault(key: string, description: string): FieldDef {
  const { column: _column, frontMatter: _frontMatter, required: _required, ...field } = fieldOf(PLAN_FIELDS, key);
  return { ...field, description };
}

export const CONFIG_FIELDS: readonly FieldDef[] = [
  planDefault('org', '本单位工会全称：unionplan new 不写 --org 时用它'),
  planDefault('superior', '上级工会：unionplan new 和 batch 在提纲、名录没有写 superior 时用它'),
  planDefault('type', '计划类型：unionplan new 不写 --type 时用它，如 school 或 学校'),
  planDefault('level', '本级（区县、乡镇、街道类型）：unionplan new 不写 --level 时用它'),
  {
    key: 'fonts',
    kind: 'object',
    label: '字体',
    description: '本单位各部分的字体，如 body: 仿宋_GB2312；提纲或 Markdown 计划自己写的 fonts 优先',
    fields: FONT_FIELDS,
  },
  {
    key: 'fontDir',
    kind: 'list',
    label: '字体文件夹',
    description: '字体文件夹（生成 PDF 时查找字体），路径相对于本文件所在的文件夹；命令行的 --font-dir 优先',
    single: true,
    entry: { key: 'dir', kind: 'text', label: '字体文件夹', description: '字体文件夹的路径' },
  },
  {
    key: 'formats',
    kind: 'list',
    label: '输出格式',
    description: 'build 和 batch 默认的输出格式，如 [docx, pdf]；命令行的 --format 优先',
    single: true,
    entry: { key: 'format', kind: 'choice', label: '输出格式', description: 'md、docx 或 pdf', choices: FORMAT_CHOICES },
  },
  {
    key: 'out',
    kind: 'text',
    label: '输出文件夹',
    description: 'build 和 batch 默认的输出文件夹，路径相对于本文件所在的文件夹；命令行的 --out 优先',
  },
  {
    key: 'templates',
    kind: 'text',
    label: '模板文件夹',
    description: '本单位自己的模板文件夹（unionplan eject 得到），路径相对于本文件所在的文件夹；命令行的 --templates 优先',
  },
  {
    key: 'check',
    kind: 'object',
    label: '检查设置',
    description: 'unionplan check 的设置：disable 关闭的规则，references 过时提法列表，wording 现行提法列表，lists 检查词表',
    fields: CHECK_FIELDS,
  },
];
