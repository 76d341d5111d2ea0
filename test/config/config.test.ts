import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { findConfigFile, readConfig } from '../../src/config/read-config.js';
import { UserError, formatProblem } from '../../src/errors.js';
import { TemplateRegistry } from '../../src/templates/registry.js';
import { EXAMPLES, requireBuild, run, tempDir } from '../helpers/cli.js';
import { machinePaths } from '../helpers/machine-path.js';

requireBuild();

function configIn(dir: string, text: string): string {
  const file = join(dir, 'unionplan.config.yaml');
  writeFileSync(file, text);
  return file;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).problems.map(formatProblem);
  }
}

describe('reading unionplan.config.yaml', () => {
  it('reads the example file, with paths made absolute from its folder', () => {
    const config = readConfig(join(EXAMPLES, 'unit', 'unionplan.config.yaml'), new TemplateRegistry().typeChoices());
    expect(config).toMatchObject({
      org: '城南实验小学工会',
      type: '学校',
      superior: '城南区教育工会',
      fonts: { body: '仿宋_GB2312' },
      formats: ['docx', 'pdf'],
      out: join(EXAMPLES, 'unit', '输出'),
    });
  });

  it('takes formats as --format does (a comma list, Chinese names) and an empty file', () => {
    const dir = tempDir();
    expect(readConfig(configIn(dir, 'formats: docx，PDF\n'))).toMatchObject({ formats: ['docx', 'pdf'] });
    expect(readConfig(configIn(dir, 'formats: [Word, md]\n'))).toMatchObject({ formats: ['docx', 'md'] });
    expect(readConfig(configIn(dir, '# 只有注释\n'))).toEqual({ file: join(dir, 'unionplan.config.yaml') });
  });

  it('reports every problem at its line and column, with the key it most likely meant', () => {
    const dir = tempDir();
    const file = configIn(
      dir,
      'superiour: 城南区总工会\ntype: 学效\nfonts:\n  bdy: 黑体\nformats: [docx, odt]\nfontDir: [没有的文件夹]\nlevel: 省\n',
    );
    expect(problemsOf(() => readConfig(file, new TemplateRegistry().typeChoices()))).toEqual([
      `${file}:1:1: 未知字段 “superiour”，是否想写 superior？unionplan.config.yaml 中可用的字段：org、superior、type、level、fonts、fontDir、formats、out、templates、check`,
      expect.stringMatching(new RegExp(`^${file}:2:7: type（计划类型）的值 “学效” 无效，是否想写 school？`)),
      `${file}:4:3: 未知字段 “bdy”，是否想写 body？fonts 中可用的字段：title、body、heading1、heading2、heading3、heading4、pageNumber、table`,
      `${file}:5:17: formats[1]（输出格式）的值 “odt” 无效，应为 md（Markdown）、docx（Word）、pdf（PDF） 之一`,
      `${file}:6:11: fontDir（字体文件夹）中的 “没有的文件夹” 不是一个存在的文件夹（路径相对于 ${file} 所在的文件夹）`,
      `${file}:7:8: level（本级）的值 “省” 无效，应为 区、县、市、旗、镇、乡、街道 之一`,
    ]);
  });

  it('is found in the working folder or the nearest folder above it', () => {
    const dir = tempDir();
    const file = configIn(dir, 'superior: 城南区总工会\n');
    mkdirSync(join(dir, '2027', '上半年'), { recursive: true });
    expect(findConfigFile(join(dir, '2027', '上半年'))).toBe(file);
    const inner = configIn(join(dir, '2027'), 'superior: 另一个\n');
    expect(findConfigFile(join(dir, '2027', '上半年'))).toBe(inner);
  });
});

describe('the unit’s defaults in the commands', () => {
  it('new takes org, type and superior from the config; its options come first', () => {
    const dir = tempDir();
    configIn(dir, 'org: 城南实验小学工会\ntype: 学校\nsuperior: 城南区教育工会\n');
    const made = run(dir, 'new');
    expect(made.stderr).toBe('');
    const plan = YAML.parse(readFileSync(join(dir, 'plan.yaml'), 'utf8')) as Record<string, unknown>;
    expect(plan).toMatchObject({ type: 'school', org: '城南实验小学工会', superior: '城南区教育工会' });
    expect(String(plan.preface)).toContain('根据城南区教育工会的工作部署');
    run(dir, 'new', '--type', '幼儿园', '--superior', '城南区教育局工会', '-o', 'k.yaml');
    expect(YAML.parse(readFileSync(join(dir, 'k.yaml'), 'utf8'))).toMatchObject({
      type: 'kindergarten',
      org: '城南实验小学工会',
      superior: '城南区教育局工会',
    });
  });

  it('new tells a type in the config that is none at its line, unless --type replaces it', () => {
    const dir = tempDir();
    configIn(dir, 'org: 城南实验小学工会\ntype: 学效\n');
    const wrong = run(dir, 'new');
    expect(wrong.status).toBe(4);
    expect(wrong.stderr).toContain('unionplan.config.yaml:2:7: type（计划类型）的值 “学效” 无效，是否想写 school？');
    expect(existsSync(join(dir, 'plan.yaml'))).toBe(false);
    const replaced = run(dir, 'new', '--type', '学校');
    expect(replaced.status, replaced.stderr).toBe(0);
  });

  it('new says what to give when neither option nor config names the type', () => {
    const result = run(tempDir(), 'new', '--org', '某校工会');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('请用 --type 给出计划类型');
    expect(result.stderr).toContain('unionplan.config.yaml 的 type: 一行');
  });

  it('build takes formats, out and fonts from the config; the plan’s own font and --format come first', async () => {
    const dir = tempDir();
    configIn(dir, 'formats: [md, docx]\nout: 输出\nfonts:\n  body: 仿宋_GB2312\n  title: 方正小标宋_GBK\n');
    mkdirSync(join(dir, '计划'));
    writeFileSync(join(dir, '计划', 'plan.yaml'), 'type: school\norg: 某校工会\nyear: 2027\nfonts:\n  title: 黑体\n');
    const built = run(join(dir, '计划'), 'build', 'plan.yaml');
    expect(built.status, built.stderr).toBe(0);
    expect(existsSync(join(dir, '输出', 'plan.docx'))).toBe(true);
    const markdown = readFileSync(join(dir, '输出', 'plan.md'), 'utf8');
    expect(markdown).toContain('fonts:\n  body: 仿宋_GB2312\n  title: 黑体\n');
    const styles = await (await JSZip.loadAsync(readFileSync(join(dir, '输出', 'plan.docx')))).file('word/styles.xml')!.async('string');
    expect(styles).toContain('仿宋_GB2312');
    const flagged = run(join(dir, '计划'), 'build', 'plan.yaml', '--format', 'md', '--out', '.', '--force');
    expect(flagged.stdout.trim()).toBe(`已生成 plan.md`);
  });

  it('--config names the file instead of the nearest one, for build and check', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.yaml'), 'type: school\norg: 某校工会\nyear: 2027\nguidance: 坚持  以人为本\n');
    const other = join(dir, '别处.yaml');
    writeFileSync(other, 'check:\n  disable: [space-in-chinese]\n');
    expect(run(dir, 'check', 'plan.yaml').stdout).toContain('space-in-chinese');
    expect(run(dir, 'check', 'plan.yaml', '--config', other).stdout).not.toContain('space-in-chinese');
    const missing = run(dir, 'build', 'plan.yaml', '--config', 'none.yaml');
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('none.yaml: --config 指定的设置文件不存在');
  });

  it('a mistake in the config stops build with every problem, check: included', () => {
    const dir = tempDir();
    configIn(dir, 'formats: [docx, odt]\ncheck:\n  disable: [no-rule]\n');
    writeFileSync(join(dir, 'plan.yaml'), 'type: school\norg: 某校工会\n');
    const result = run(dir, 'build', 'plan.yaml');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('unionplan.config.yaml:1:17: formats[1]（输出格式）的值 “odt” 无效');
    expect(result.stderr).toContain('unionplan.config.yaml:3:13: check.disable 中的 “no-rule” 不是检查规则');
    expect(existsSync(join(dir, 'plan.md'))).toBe(false);
  });

  it('batch takes out, formats and superior from the config; a row’s superior comes first', () => {
    const dir = tempDir();
    configIn(dir, 'out: 计划\nformats: md\nsuperior: 城南区总工会\n');
    writeFileSync(join(dir, 'units.csv'), '单位名称,类型,年度,上级工会\n甲小学工会,学校,2027,\n乙幼儿园工会,幼儿园,2027,城南区教育工会\n');
    const result = run(dir, 'batch', 'units.csv', '-q');
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, '计划', '甲小学工会.md'), 'utf8')).toContain('superior: 城南区总工会');
    expect(readFileSync(join(dir, '计划', '乙幼儿园工会.md'), 'utf8')).toContain('superior: 城南区教育工会');
  });
});

describe('the plan.yaml that new writes', () => {
  it('names no path of the machine (no editor hint), and passes the shipped schema', () => {
    const dir = tempDir();
    run(dir, 'new', '--type', '学校', '--org', '城南实验小学工会', '--year', '2027');
    const text = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# 城南实验小学工会2027年工作计划 提纲（学校）');
    expect(machinePaths(text, dir)).toEqual([]);
    const schemaFile = fileURLToPath(new URL('../../schema/plan.schema.json', import.meta.url));
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    expect(validate(YAML.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });
});
