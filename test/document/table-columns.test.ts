import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/document/model.js';
import { planColumns } from '../../src/document/table-columns.js';

const cell = (...lines: string[]): Cell => lines.map((text) => [{ text }]);

describe('planColumns', () => {
  it('gives short columns (序号, 目标值) their full width and the long ones the rest', () => {
    const header = [cell('序号'), cell('指标'), cell('目标值'), cell('说明')];
    const rows = [
      [cell('1'), cell('工会主席离任经济责任审计率'), cell('100%'), cell('坚持离任必审，审计结果向会员代表大会报告')],
      [cell('2'), cell('经审干部业务培训'), cell('2次'), cell('全年不少于')],
    ];
    const plan = planColumns(header, rows, 31.6);
    expect(plan.map((c) => c.center)).toEqual([true, false, true, false]);
    // 序号 is 2 wide, 目标值 3 (100% is 2): each plus one for the cell's margins.
    expect(plan[0]!.width).toBe(3);
    expect(plan[2]!.width).toBe(4);
    expect(plan.reduce((sum, c) => sum + c.width, 0)).toBeCloseTo(31.6, 6);
    expect(plan[1]!.width).toBeGreaterThan(10);
    expect(plan[3]!.width).toBeGreaterThan(10);
  });

  it('shares the width by content when every column is short', () => {
    const plan = planColumns([cell('月份'), cell('责任部门')], [[cell('3月'), cell('工会')]], 20);
    expect(plan.reduce((sum, c) => sum + c.width, 0)).toBeCloseTo(20, 6);
    expect(plan[1]!.width).toBeGreaterThan(plan[0]!.width);
  });
});
