import { describe, expect, it } from 'vitest';
import { reportFormat, reportText, type BatchReport } from '../../src/batch/report/report-file.js';
import { UserError } from '../../src/errors.js';

const report: BatchReport = {
  roster: 'units.csv',
  out: 'out',
  outputs: ['docx', 'pdf'],
  shard: '1/2',
  startedAt: new Date('2027-01-05T08:00:00Z'),
  finishedAt: new Date('2027-01-05T08:00:03Z'),
  interrupted: false,
  units: [
    { index: 1, row: 2, name: '甲工会', type: 'school', status: 'done', files: ['甲工会.docx', '甲工会.pdf'], problems: [], notes: [] },
    {
      index: 3,
      row: 4,
      name: '=HYPERLINK("x")',
      type: 'town',
      status: 'done',
      files: ['=HYPERLINK(_x_).docx'],
      problems: [],
      notes: ['与第2行的单位同名'],
    },
    {
      index: 5,
      row: 6,
      name: '乙, 丙工会',
      status: 'invalid',
      files: [],
      problems: [{ row: 6, column: 2, header: '类型', message: '类型 “村委会” 无效' }],
      notes: [],
    },
  ],
};

describe('--report', () => {
  it('takes its format from the extension', () => {
    expect(reportFormat('r.json')).toBe('json');
    expect(reportFormat('out/R.CSV')).toBe('csv');
    expect(() => reportFormat('report.txt')).toThrow(UserError);
  });

  it('writes JSON with counts, each union’s status, files and located problems', () => {
    const data = JSON.parse(reportText(report, 'json'));
    expect(data).toMatchObject({ roster: 'units.csv', outputs: ['docx', 'pdf'], shard: '1/2', interrupted: false, zip: null });
    expect(data.counts).toEqual({ done: 2, skipped: 0, invalid: 1, failed: 0, 'not-run': 0 });
    expect(data.units[2]).toEqual({
      index: 5,
      row: 6,
      name: '乙, 丙工会',
      type: null,
      status: 'invalid',
      files: [],
      problems: [{ row: 6, column: 2, header: '类型', message: '类型 “村委会” 无效' }],
      notes: [],
    });
  });

  it('writes CSV that Excel opens: a byte-order mark, quoted cells, formulas defused', () => {
    const text = reportText(report, 'csv');
    expect(text.startsWith('\uFEFFindex,row,union,type,status,files,error,notes\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('1,2,甲工会,school,done,甲工会.docx; 甲工会.pdf,,');
    expect(lines[2]).toBe(`3,4,"'=HYPERLINK(""x"")",town,done,'=HYPERLINK(_x_).docx,,与第2行的单位同名`);
    expect(lines[3]).toBe('5,6,"乙, 丙工会",,invalid,,第6行 “类型”列: 类型 “村委会” 无效,');
  });
});
