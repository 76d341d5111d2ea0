import { Ajv, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { UserError } from '../../src/errors.js';
import { parseOutline } from '../../src/outline/load.js';
import { schemaFiles } from '../../src/schema/write-schemas.js';
import { newOutlineFields } from '../../src/templates/new-outline.js';
import { TemplateRegistry } from '../../src/templates/registry.js';

const SCHEMA_DIR = new URL('../../schema/', import.meta.url);
const EXAMPLES = new URL('../../examples/', import.meta.url);

function shipped(name: string): Record<string, unknown> {
  const file = new URL(name, SCHEMA_DIR);
  if (!existsSync(file)) throw new Error(`schema/${name} is missing: run \`npm run build\` (npm test does it first)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** A real JSON Schema validator, strict, as an editor's would judge the files. */
function compile(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  // Shown by the VS Code YAML extension beside each completion; no rule.
  ajv.addKeyword('enumDescriptions');
  return ajv.compile(schema);
}

const registry = new TemplateRegistry();
const planSchema = compile(shipped('plan.schema.json'));
const configSchema = compile(shipped('config.schema.json'));
const today = new Date(2026, 10, 23);

/** Whether the outline validator takes a text. */
function validatorTakes(text: string): boolean {
  try {
    parseOutline('plan.yaml', text, { types: registry.typeChoices(), today });
    return true;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return false;
  }
}

describe('the shipped JSON Schemas', () => {
  it('are what the definitions give now (the build wrote them from the definitions, not a copy)', async () => {
    const types = await Promise.all(registry.types().map(async (type) => ({ type, name: (await registry.get(type)).name })));
    const files = schemaFiles(types);
    expect(JSON.parse(files['plan.schema.json']!)).toEqual(shipped('plan.schema.json'));
    expect(JSON.parse(files['config.schema.json']!)).toEqual(shipped('config.schema.json'));
  });

  it('carry Chinese titles and descriptions for editors', () => {
    const schema = shipped('plan.schema.json') as { properties: Record<string, { title: string; description: string }> };
    expect(schema.properties.superior).toMatchObject({ title: '上级工会' });
    expect(schema.properties.period!.description).toContain('上半年');
    const config = shipped('config.schema.json') as { properties: Record<string, { title: string }> };
    expect(Object.keys(config.properties)).toEqual([
      'org',
      'superior',
      'type',
      'level',
      'fonts',
      'fontDir',
      'formats',
      'out',
      'templates',
      'check',
    ]);
  });

  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')))('accept the example outline %s', (file) => {
    const data: unknown = YAML.parse(readFileSync(new URL(file, EXAMPLES), 'utf8'));
    expect(planSchema(data), JSON.stringify(planSchema.errors)).toBe(true);
  });

  it.each(registry.types())('accept the outline `new` writes for the %s template', async (type) => {
    const template = await registry.get(type);
    const fields = newOutlineFields(template, {
      org: '城南某单位工会',
      superior: '城南区总工会',
      year: 2027,
      period: template.meta.period,
      date: '2027-01-05',
    });
    expect(planSchema(fields), JSON.stringify(planSchema.errors)).toBe(true);
  });

  it('accept the example unionplan.config.yaml and reject a misspelt key in one', () => {
    const example = YAML.parse(readFileSync(new URL('unit/unionplan.config.yaml', EXAMPLES), 'utf8')) as Record<string, unknown>;
    expect(configSchema(example), JSON.stringify(configSchema.errors)).toBe(true);
    expect(configSchema({ ...example, superiour: '城南区总工会' })).toBe(false);
    expect(configSchema({ formats: ['docx', 'odt'] })).toBe(false);
    expect(configSchema({ check: { disable: ['no-such-rule'] } })).toBe(false);
  });
});

/** Outlines both judges must agree on: [what it shows, text, taken?]. */
const CASES: [string, string, boolean][] = [
  ['a minimal outline', 'type: school\norg: 某校工会\n', true],
  ['a Chinese type and period', 'type: 学校\norg: 某校工会\nperiod: 上半年\n', true],
  ['a year as text', 'type: school\norg: 某校工会\nyear: "2027"\n', true],
  ['a date in Chinese', 'type: school\norg: 某校工会\ndate: 2027年1月5日\n', true],
  ['a section with only a kind', 'type: school\norg: 某校工会\nsections:\n  - kind: 民主管理\n    items: [教代会]\n', true],
  [
    'items as plain text and mappings',
    'type: school\norg: 某校工会\nsections:\n  - title: 一\n    items:\n      - 一项工作\n      - title: 二\n        months: [7, 8]\n',
    true,
  ],
  [
    'a schedule with month and months',
    'type: school\norg: 某校工会\nschedule:\n  - month: 9月\n    items: 开学\n  - months: [7, 8]\n    items: [暑期]\n',
    true,
  ],
  [
    'issuing keys',
    'type: school\norg: 某校工会\nkind: 工作要点\nseal: true\nattachments: 名单\nnotice: {number: 城南工发〔2027〕1号, to: 各分会}\n',
    true,
  ],
  ['empty optional fields', 'type: school\norg: 某校工会\nsuperior:\ntitle:\ntargets:\n', true],
  ['no type', 'org: 某校工会\n', false],
  ['no org', 'type: school\n', false],
  ['an unknown type', 'type: hospital\norg: 医院工会\n', false],
  ['a misspelt key', 'type: school\norg: 某校工会\ntitel: 计划\n', false],
  ['a bad period', 'type: school\norg: 某校工会\nperiod: 半年\n', false],
  ['a year out of range', 'type: school\norg: 某校工会\nyear: 1800\n', false],
  ['a year in Chinese numerals', 'type: school\norg: 某校工会\nyear: 二〇二七\n', false],
  ['a bad date', 'type: school\norg: 某校工会\ndate: 1月5日\n', false],
  ['a bad level', 'type: district\norg: 某区总工会\nlevel: 省\n', false],
  ['a section without title or kind', 'type: school\norg: 某校工会\nsections:\n  - items: [一项]\n', false],
  ['a custom section without title', 'type: school\norg: 某校工会\nsections:\n  - kind: custom\n    items: [一项]\n', false],
  ['an item with neither title nor text', 'type: school\norg: 某校工会\nsections:\n  - title: 一\n    items:\n      - months: 9\n', false],
  ['a month 13', 'type: school\norg: 某校工会\nschedule:\n  - month: 13\n    items: [一项]\n', false],
  ['both month and months', 'type: school\norg: 某校工会\nschedule:\n  - month: 7\n    months: [7, 8]\n    items: [一项]\n', false],
  ['a schedule row without items', 'type: school\norg: 某校工会\nschedule:\n  - month: 7\n', false],
  ['a target without a name', 'type: school\norg: 某校工会\ntargets:\n  - value: 100\n', false],
  ['an unknown font role', 'type: school\norg: 某校工会\nfonts:\n  headline: 黑体\n', false],
  ['seal as words', 'type: school\norg: 某校工会\nseal: 是\n', false],
  ['a notice without to', 'type: school\norg: 某校工会\nnotice: {number: 1号}\n', false],
  [
    'too many attachments',
    `type: school\norg: 某校工会\nattachments: [${Array.from({ length: 21 }, (_, i) => `附件${i}`).join(', ')}]\n`,
    false,
  ],
  ['not a mapping', '- a\n- b\n', false],
];

describe('the plan schema and the outline validator', () => {
  it.each(CASES)('agree on %s', (_name, text, taken) => {
    expect(validatorTakes(text)).toBe(taken);
    expect(planSchema(YAML.parse(text))).toBe(taken);
  });
});
