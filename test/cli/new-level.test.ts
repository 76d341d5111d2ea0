import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../src/vocab/working-days.js';
import { tempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';

describe('unionplan new: level, superior, wording and date as a user gets them', () => {
  it('writes a county federation’s plan for its county, signed on a working day, that check passes', async () => {
    const dir = tempDir();
    expect(
      (await runCli(dir, 'new', '--type', 'district', '--org', '青山县总工会', '--superior', '江川市总工会', '--year', '2027')).status,
    ).toBe(0);
    const yaml = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(yaml).toMatch(/^level: 县$/m);
    const date = /^date: (\d{4}-\d{2}-\d{2})$/m.exec(yaml)?.[1];
    expect(isWorkingDay(date!)).toBe(true);
    const built = await runCli(dir, 'build', 'plan.yaml');
    expect(built.status).toBe(0);
    // build runs check: nothing to report on a default plan.
    expect(built.stderr).toBe('');
    const md = readFileSync(join(dir, 'plan.md'), 'utf8');
    expect(md).toContain('根据江川市总工会的工作部署和县委的要求，结合全县工会工作实际');
    expect(md).not.toMatch(/全区|区委|区总工会/);
    expect(md).toContain('全面贯彻党的二十大和二十届历次全会精神');
  });

  it('takes --level over the name and rejects a level that is not one', async () => {
    const dir = tempDir();
    expect((await runCli(dir, 'new', '--type', 'town', '--org', '青山镇总工会', '--level', '乡', '--year', '2027')).status).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('全乡');
    const bad = await runCli(dir, 'new', '--type', 'town', '--org', '青山镇总工会', '--level', '省', '-o', 'x.yaml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--level 的值 “省” 无效，应为 区、县、市、旗、镇、乡、街道 之一');
  });

  it('reads a local wording list from unionplan.config.yaml, and check reports a bad one at its line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'unionplan.config.yaml'), 'check:\n  wording: 现行提法.yaml\n');
    writeFileSync(
      join(dir, '现行提法.yaml'),
      '- from: 2027\n  guidance: 坚持以习近平新时代中国特色社会主义思想为指导，认真落实省工会十五大部署\n  task: 本省的任务\n',
    );
    expect((await runCli(dir, 'new', '--type', 'enterprise', '--org', '某公司工会', '--year', '2027')).status).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('认真落实省工会十五大部署。坚持党对工会工作的全面领导');
    writeFileSync(join(dir, '现行提法.yaml'), '- from: 二〇二七\n  guidance: 甲\n  task: 乙\n');
    const checked = await runCli(dir, 'check', 'plan.yaml');
    expect(checked.stderr + checked.stdout).toContain('现行提法.yaml:1:9');
  });
});
