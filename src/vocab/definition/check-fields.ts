import type { FieldDef } from './field.js';

/**
 * The `check:` settings, as an outline, a plan's front matter and `unionplan.config.yaml` take
 * them. `src/check/settings.ts` reads them (the rule ids and the files are check's to judge).
 */
export const CHECK_FIELDS: readonly FieldDef[] = [
  {
    key: 'disable',
    kind: 'list',
    label: '关闭的检查规则',
    description: '关闭的检查规则，如 [stale-year]（运行 unionplan check --help 查看全部规则）',
    single: true,
    entry: { key: 'rule', kind: 'text', label: '检查规则', description: '检查规则的名称' },
  },
  {
    key: 'references',
    kind: 'list',
    label: '过时提法列表',
    description: '本单位的过时提法列表文件（YAML），路径相对于写它的文件所在的文件夹',
    single: true,
    entry: { key: 'file', kind: 'text', label: '文件路径', description: '过时提法列表文件的路径' },
  },
  {
    key: 'wording',
    kind: 'list',
    label: '现行提法列表',
    description: '本单位的现行提法列表文件（YAML），路径相对于写它的文件所在的文件夹',
    single: true,
    entry: { key: 'file', kind: 'text', label: '文件路径', description: '现行提法列表文件的路径' },
  },
  {
    key: 'lists',
    kind: 'list',
    label: '检查词表',
    description: '本单位补充的检查词表文件（YAML，格式同 src/check/lists/check-lists.yaml），路径相对于写它的文件所在的文件夹',
    single: true,
    entry: { key: 'file', kind: 'text', label: '文件路径', description: '检查词表文件的路径' },
  },
];
