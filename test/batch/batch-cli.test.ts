import { isWorkingDay } from '../../src/vocab/working-days.js';
import JSZip from 'jszip';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, fixture, listFiles, requireBuild, run, tempDir } from './helpers.js';
import { runCli } from '../helpers/cli-in-process.js';
import { machinePaths } from '../helpers/machine-path.js';

beforeAll(requireBuild);

const EXAMPLE_NAMES = [
  '城南实验小学工会',
  '城南第二中学工会',
  '城南区阳光幼儿园工会',
  '城南区向日葵幼儿园工会',
  '青禾精密机械有限公司工会',
  '远帆物流股份有限公司工会',
  '青山镇总工会',
  '柳溪街道总工会',
  '柳溪街道桂花社区工会',
  '城南区总工会',
  '城南区总工会经费审查委员会',
  '青山镇总工会经费审查委员会',
];

interface ReportUnit {
  index: number;
  row: number;
  name: string | null;
  status: string;
  files: string[];
  problems: { row: number; column: number | null; header: string | null; message: string }[];
  notes: string[];
}

function readReport(file: string): { interrupted: boolean; counts: Record<string, number>; units: ReportUnit[]; zip: string | null } {
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('unionplan batch: the examples', () => {
  it('builds every union of examples/units.csv, one file per union and format, with a summary and a report', async () => {
    const dir = tempDir();
    const result = await runCli(dir, 'batch', join(EXAMPLES, 'units.csv'), '--format', 'md', '--out', 'out', '--report', 'report.json');
    expect(result.stderr).not.toContain('错误');
    expect(result.status).toBe(0);
    expect(listFiles(join(dir, 'out'))).toEqual(EXAMPLE_NAMES.map((name) => `${name}.md`).sort());
    expect(result.stdout).toMatch(/^单位\s+状态\s+文件\s+错误或说明\n/);
    expect(result.stdout).toContain('共 12 个单位：完成 12，已存在跳过 0，行有误 0，失败 0');
    // Not a terminal: one plain line per union on stderr.
    expect(result.stderr.split('\n').filter((line) => /^\[\s*\d+\/12\] 完成 /.test(line))).toHaveLength(12);
    const report = readReport(join(dir, 'report.json'));
    expect(report.counts).toMatchObject({ done: 12, invalid: 0, failed: 0 });
    expect(report.units.map((u) => u.name)).toEqual(EXAMPLE_NAMES);
    const md = readFileSync(join(dir, 'out', '柳溪街道总工会.md'), 'utf8');
    expect(md).toContain('type: street');
    expect(md).toContain('| 1 | 新建工会组织 | 12个 |');
    expect(readFileSync(join(dir, 'out', '城南区阳光幼儿园工会.md'), 'utf8')).toContain('title: 城南区阳光幼儿园工会2027年上半年工作计划');
  });

  it('builds the same plans from examples/units.xlsx, in worker threads, to DOCX and PDF, and zips them', async () => {
    const dir = tempDir();
    // The built CLI, spawned: the bundle's worker script (dist/batch-worker.js) runs the jobs. One
    // shard of three (rows 1, 4, 7, 10) is enough for two workers, at a third of the cost.
    const result = run(
      dir,
      'batch',
      join(EXAMPLES, 'units.xlsx'),
      '--format',
      'docx,pdf',
      '--out',
      'out',
      '--jobs',
      '2',
      '--zip',
      'plans.zip',
      '--quiet',
      '--shard',
      '1/3',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
    const expected = EXAMPLE_NAMES.filter((_, i) => i % 3 === 0)
      .flatMap((name) => [`${name}.docx`, `${name}.pdf`])
      .sort();
    expect(expected).toHaveLength(8);
    expect(listFiles(join(dir, 'out'))).toEqual(expected);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'plans.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(expected);
    const pdf = await zip.file('青山镇总工会.pdf')!.async('nodebuffer');
    expect(pdf.equals(readFileSync(join(dir, 'out', '青山镇总工会.pdf')))).toBe(true);
    expect(listFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('unionplan batch: roster formats', () => {
  it.each([
    ['GBK CSV', fixture('gbk', 'units.csv'), ['城南实验小学工会.md', '青山镇总工会.md']],
    ['YAML', fixture('yaml', 'units.yaml'), ['城南实验小学工会.md', '青禾精密机械有限公司工会.md']],
  ])('reads a %s roster', async (_, list, files) => {
    const dir = tempDir();
    const result = await runCli(dir, 'batch', list, '--format', 'md', '--out', 'out', '-q');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(listFiles(join(dir, 'out'))).toEqual(files);
  });

  it('reads an .xlsx written by exceljs, the sheet --sheet names', async () => {
    const dir = tempDir();
    // Written by exceljs 4.4.0 (test/fixtures/batch/xlsx/make-exceljs.mjs): sheets 说明 and 名录.
    copyFileSync(fixture('xlsx', 'exceljs-second-sheet.xlsx'), join(dir, 'units.xlsx'));
    const result = await runCli(dir, 'batch', 'units.xlsx', '--sheet', '名录', '--format', 'md', '--out', 'out', '-q');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'out', '城南区向日葵幼儿园工会.md'), 'utf8')).toContain(
      'title: 城南区向日葵幼儿园工会2028年下半年工作计划',
    );
  });
});

describe('unionplan batch: bad rows and bad lists', () => {
  it('builds the good rows, skips the bad ones with row and column, and exits 6', async () => {
    const dir = tempDir();
    copyFileSync(fixture('bad-rows', 'units.csv'), join(dir, 'units.csv'));
    const result = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'report.json');
    expect(result.status).toBe(6);
    expect(listFiles(join(dir, 'out'))).toEqual(['城南区总工会.md', '城南实验小学工会.md']);
    expect(result.stderr).toContain('错误：部分单位未能生成（共 6 处）');
    expect(result.stderr).toContain('  units.csv:第3行 “单位名称”列: 单位名称为空');
    expect(result.stderr).toMatch(/ {2}units\.csv:第4行 “类型”列: 类型 “村委会” 无效/);
    expect(result.stderr).toContain('  units.csv:第5行 “年度”列: year（年度）的值 “二〇二七” 无效');
    expect(result.stdout).toMatch(/柳溪街道总工会\s+行有误\s+第5行 “年度”列: /);
    expect(result.stdout).toContain('共 8 个单位：完成 2，已存在跳过 0，行有误 6，失败 0');
    const report = readReport(join(dir, 'report.json'));
    expect(report.units.map((u) => u.status)).toEqual(['done', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'done']);
    expect(report.units[3]!.problems).toEqual([
      { row: 5, column: 3, header: '年度', message: 'year（年度）的值 “二〇二七” 无效，应为四位数的年份，如 2027' },
    ]);
  });

  it.each([
    ['an empty list', fixture('empty', 'units.csv'), 4, '名录中没有任何单位'],
    ['no recognised column', fixture('no-columns', 'units.csv'), 4, '名录中没有可识别的列'],
    ['not a roster', fixture('not-roster', 'units.pdf'), 4, '不是名录文件'],
    ['a missing file', 'missing.csv', 3, '文件不存在'],
  ])('stops on %s and writes nothing', async (_, list, status, message) => {
    const dir = tempDir();
    const result = await runCli(dir, 'batch', list, '--out', 'out', '--report', 'report.json', '--zip', 'all.zip');
    expect(result.status).toBe(status);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(listFiles(dir)).toEqual([]);
  });

  it('refuses bad options before reading anything', async () => {
    const dir = tempDir();
    const list = join(EXAMPLES, 'units.csv');
    const cases: [string[], string][] = [
      [['--format', 'odt'], '不支持的输出格式'],
      [['--shard', '3/2'], '--shard 的值 “3/2” 无效'],
      [['--jobs', '0'], '--jobs 的值 “0” 无效'],
      [['--report', 'r.txt'], '应以 .json 或 .csv 结尾'],
      [['--force', '--skip-existing'], '只能选一个'],
      [['--emit', 'outline', '--format', 'docx'], '不能同时用 --format'],
      [['--sheet', '名录'], '--sheet 只用于 Excel'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(dir, 'batch', list, '--out', 'out', ...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect((await runCli(dir, 'batch', list)).stderr).toContain('缺少必填选项 --out');
    expect(listFiles(dir)).toEqual([]);
  });
});

describe('unionplan batch: file names', () => {
  it('keeps every file inside --out with a portable name, and gives same-named unions distinct files', async () => {
    const dir = tempDir();
    copyFileSync(fixture('names', 'units.csv'), join(dir, 'units.csv'));
    const result = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'report.json');
    expect(result.stderr).not.toContain('错误');
    expect(result.status).toBe(0);
    const files = listFiles(join(dir, 'out'));
    expect(listFiles(dir).filter((f) => !f.startsWith('out/'))).toEqual(['report.json', 'units.csv']);
    const long = `城南区${'很长的名称'.repeat(39)}工会`;
    const cut = files.find((f) => f.startsWith('城南区很长的名称'))!;
    expect(long.startsWith(cut.replace(/\.md$/, ''))).toBe(true);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(130);
    expect(files.filter((f) => f !== cut)).toEqual(
      [
        '_.._windows_win.ini.md',
        '_CON.md',
        'A工会.md',
        'a_b.md',
        'a工会-2.md',
        '_x.md',
        '未命名.md',
        '城南实验小学工会.md',
        '城南实验小学工会-2.md',
        '🏭红星👨‍👩‍👧工会.md',
      ].sort(),
    );
    const report = readReport(join(dir, 'report.json'));
    const second = report.units.find((u) => u.files[0] === '城南实验小学工会-2.md')!;
    expect(second.notes).toEqual(['与第7行的单位同名（或文件名相同），文件名改为 城南实验小学工会-2']);
    expect(result.stdout).toMatch(/城南实验小学工会\s+完成\s+城南实验小学工会-2\.md\s+与第7行的单位同名/);
    expect(result.stderr).toContain('提示：a工会：与第9行的单位同名（或文件名相同），文件名改为 a工会-2');
  });
});

describe('unionplan batch: existing files, --force, --emit outline, --outline, --shard', () => {
  it('refuses to write over files without --force, and writes nothing then', async () => {
    const dir = tempDir();
    const list = fixture('utf8-bom', 'units.csv');
    expect((await runCli(dir, 'batch', list, '--format', 'md', '--out', 'out', '-q')).status).toBe(0);
    writeFileSync(join(dir, 'out', '城南实验小学工会.md'), '手工修改过的计划');
    const again = await runCli(dir, 'batch', list, '--format', 'md,docx', '--out', 'out', '-q');
    expect(again.status).toBe(5);
    expect(again.stderr).toContain('输出文件夹中已有同名文件：城南实验小学工会.md、柳溪街道总工会.md、城南区阳光幼儿园工会.md');
    expect(again.stderr).toContain('--skip-existing');
    expect(listFiles(join(dir, 'out'))).toHaveLength(3);
    expect((await runCli(dir, 'batch', list, '--format', 'md', '--out', 'out', '-q', '--force')).status).toBe(0);
    expect(readFileSync(join(dir, 'out', '城南实验小学工会.md'), 'utf8')).toContain('# 一、指导思想');
  });

  it('writes one plan.yaml per union with --emit outline, which `build` then builds', async () => {
    const dir = tempDir();
    const result = await runCli(dir, 'batch', fixture('utf8-bom', 'units.csv'), '--emit', 'outline', '--out', 'outlines', '-q');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(listFiles(join(dir, 'outlines'))).toEqual(['城南区阳光幼儿园工会.yaml', '城南实验小学工会.yaml', '柳溪街道总工会.yaml']);
    const yaml = readFileSync(join(dir, 'outlines', '城南区阳光幼儿园工会.yaml'), 'utf8');
    expect(yaml).toContain('# 由 unionplan batch 生成');
    // An outline travels (mailed upward): it names no folder of this machine.
    expect(machinePaths(yaml, dir)).toEqual([]);
    expect(yaml).toMatch(/^type: kindergarten\n/m);
    expect(yaml).toMatch(/^period: first-half\n/m);
    // The default date is a working day (today's or the period's first), never New Year's Day.
    const date = /^date: (\d{4}-\d{2}-\d{2})\n/m.exec(yaml)?.[1];
    expect(date).toBeDefined();
    expect(isWorkingDay(date!)).toBe(true);
    const built = await runCli(dir, 'build', join('outlines', '城南区阳光幼儿园工会.yaml'), '--out', 'plans');
    expect(built.stderr).toBe('');
    expect(readFileSync(join(dir, 'plans', '城南区阳光幼儿园工会.md'), 'utf8')).toContain(
      'title: 城南区阳光幼儿园工会2027年上半年工作计划',
    );
  });

  it('starts every union from --outline', async () => {
    const dir = tempDir();
    const result = await runCli(
      dir,
      'batch',
      fixture('base-outline', 'units.csv'),
      '--outline',
      fixture('base-outline', 'base.yaml'),
      '--format',
      'md',
      '--out',
      'out',
      '-q',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const md = readFileSync(join(dir, 'out', '丹桂社区工会.md'), 'utf8');
    expect(md).toContain('title: 丹桂社区工会2028年工作计划');
    expect(md).toContain('围绕街道中心工作');
    expect(md).toContain('春送岗位');
  });

  it('applies the check: settings of --outline to every union, and writes them into each plan', async () => {
    const dir = tempDir();
    const base = readFileSync(fixture('base-outline', 'base.yaml'), 'utf8');
    // A year long past in every plan: stale-year reports it unless the base outline turns it off.
    const stale = base.replace(/^guidance: \|\n( +)/m, 'guidance: |\n$1回顾2019年以来的工作。\n$1');
    expect(stale).not.toBe(base);
    writeFileSync(join(dir, 'plain.yaml'), stale);
    writeFileSync(join(dir, 'quiet.yaml'), `check:\n  disable: [stale-year]\n${stale}`);
    const notes = async (outline: string) => {
      const out = `out-${outline}`;
      const result = await runCli(
        dir,
        'batch',
        fixture('base-outline', 'units.csv'),
        '--outline',
        outline,
        '--format',
        'md',
        '--out',
        out,
        '--report',
        `${out}.json`,
        '-q',
      );
      expect(result.status).toBe(0);
      return readReport(join(dir, `${out}.json`))
        .units.flatMap((unit) => unit.notes)
        .join('\n');
    };
    expect(await notes('plain.yaml')).toContain('stale-year');
    expect(await notes('quiet.yaml')).not.toContain('stale-year');
    expect(readFileSync(join(dir, 'out-quiet.yaml', '丹桂社区工会.md'), 'utf8')).toMatch(/\ncheck:\n {2}disable:\n {4}- stale-year\n---\n/);
  });

  it('finds the check.references list of --outline beside that outline, and from each plan written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'refs.yaml'), '- text: 老提法\n  since: 2020\n  replacement: 新提法\n');
    const base = readFileSync(fixture('base-outline', 'base.yaml'), 'utf8').replace(
      /^guidance: \|\n( +)/m,
      'guidance: |\n$1继续沿用老提法。\n$1',
    );
    writeFileSync(join(dir, 'shared', 'base.yaml'), `check:\n  references: refs.yaml\n${base}`);
    const result = await runCli(
      dir,
      'batch',
      fixture('base-outline', 'units.csv'),
      '--outline',
      join('shared', 'base.yaml'),
      '--format',
      'md',
      '--out',
      'out',
      '--report',
      'report.json',
      '-q',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const units = readReport(join(dir, 'report.json')).units;
    expect(units.every((unit) => unit.notes.some((note) => note.includes('新提法')))).toBe(true);
    expect(readFileSync(join(dir, 'out', '丹桂社区工会.md'), 'utf8')).toContain('\ncheck:\n  references: ../shared/refs.yaml\n---\n');
  });

  it('--shard K/N: the N runs together build each union exactly once, named as one run names them', async () => {
    const dir = tempDir();
    const list = fixture('names', 'units.csv');
    expect((await runCli(dir, 'batch', list, '--format', 'md', '--out', 'all', '-q')).status).toBe(0);
    const shards: string[][] = [];
    for (const k of [1, 2, 3]) {
      const out = `shard-${k}`;
      const result = await runCli(dir, 'batch', list, '--format', 'md', '--out', out, '--shard', `${k}/3`, '--report', `${out}.json`, '-q');
      expect(result.status).toBe(0);
      shards.push(listFiles(join(dir, out)));
    }
    expect(shards.map((files) => files.length)).toEqual([4, 4, 3]);
    expect(shards.flat().sort()).toEqual(listFiles(join(dir, 'all')));
    const indexes = [1, 2, 3].map((k) => readReport(join(dir, `shard-${k}.json`)).units.map((u) => u.index));
    expect(indexes).toEqual([
      [1, 4, 7, 10],
      [2, 5, 8, 11],
      [3, 6, 9],
    ]);
  });

  it('writes a CSV report', async () => {
    const dir = tempDir();
    const result = await runCli(
      dir,
      'batch',
      fixture('bad-rows', 'units.csv'),
      '--format',
      'md',
      '--out',
      'out',
      '--report',
      'report.csv',
      '-q',
    );
    expect(result.status).toBe(6);
    expect(result.stdout).toBe('');
    const csv = readFileSync(join(dir, 'report.csv'), 'utf8');
    expect(
      csv.startsWith('\uFEFFindex,row,union,type,status,files,error,notes\r\n1,2,城南实验小学工会,school,done,城南实验小学工会.md,,\r\n'),
    ).toBe(true);
    expect(csv).toContain(
      '\r\n4,5,柳溪街道总工会,street,invalid,,第5行 “年度”列: year（年度）的值 “二〇二七” 无效，应为四位数的年份，如 2027,\r\n',
    );
    expect(existsSync(join(dir, 'out', '城南区总工会.md'))).toBe(true);
    expect(statSync(join(dir, 'report.csv')).size).toBeGreaterThan(0);
  });
});

describe('unionplan batch: the check rules', () => {
  it('reports what check finds in each plan, and with --strict does not write a plan with an error', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'units.csv'),
      '单位名称,类型,年度,指导思想\n城西小学工会,school,2027,xx年要做好__工作\n城东小学工会,school,2027,认真做好工会工作。\n',
    );
    const lenient = await runCli(dir, 'batch', 'units.csv', '--out', 'out', '--format', 'md', '--report', 'report.json', '-q');
    expect(lenient.status).toBe(0);
    expect(listFiles(join(dir, 'out'))).toEqual(['城东小学工会.md', '城西小学工会.md']);
    const notes = readReport(join(dir, 'report.json'))
      .units.find((u) => u.name === '城西小学工会')!
      .notes.join('\n');
    expect(notes).toContain('错误 placeholder 未填写的占位符“xx”');
    expect(notes).toContain('错误 placeholder 未填写的空白“__”');

    const strict = await runCli(dir, 'batch', 'units.csv', '--out', 'strict', '--format', 'md', '--strict', '-q');
    expect(strict.status).toBe(6);
    expect(strict.stderr).toContain('units.csv:第2行 城西小学工会: 检查发现 2 个错误，未生成此单位的文件（--strict）');
    expect(listFiles(join(dir, 'strict'))).toEqual(['城东小学工会.md']);
  });
});
