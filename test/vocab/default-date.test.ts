import { describe, expect, it } from 'vitest';
import { defaultPlanDate } from '../../src/vocab/dates.js';
import { isWorkingDay, workingDayFrom } from '../../src/vocab/working-days.js';

describe('default signature date', () => {
  it('is never New Year’s Day: a 2027 plan written in the new year is dated its first working day', () => {
    // 1 January 2027 is a Friday and a holiday; 2–3 January are a weekend.
    expect(defaultPlanDate(2027, 'annual', new Date(2027, 0, 1))).toBe('2027-01-04');
  });

  it('is today when the plan is written in October–December of the year before', () => {
    expect(defaultPlanDate(2027, 'annual', new Date(2026, 10, 26))).toBe('2026-11-26');
  });

  it('moves a weekend on to the Monday', () => {
    // 28 November 2026 is a Saturday.
    expect(defaultPlanDate(2027, 'annual', new Date(2026, 10, 28))).toBe('2026-11-30');
  });

  it('skips the National Day holiday of the year before', () => {
    expect(defaultPlanDate(2027, 'annual', new Date(2026, 9, 2))).toBe('2026-10-08');
  });

  it('takes the first working day of the period when written earlier', () => {
    expect(defaultPlanDate(2027, 'annual', new Date(2026, 5, 1))).toBe('2027-01-04');
    expect(defaultPlanDate(2027, 'second-half', new Date(2027, 1, 1))).toBe('2027-07-01');
  });

  it('skips the Spring Festival week', () => {
    // Spring Festival 2027 falls on 6 February (Saturday); the holiday runs from New Year’s Eve on.
    expect(defaultPlanDate(2027, 'annual', new Date(2027, 1, 8))).toBe(workingDayFrom('2027-02-08'));
    expect(isWorkingDay('2027-02-08')).toBe(false);
    expect(isWorkingDay('2027-02-12')).toBe(false);
    expect(defaultPlanDate(2027, 'annual', new Date(2027, 1, 8))).toBe('2027-02-15');
    // A year with the published schedule: 2026’s holiday ran 15–23 February, 14 and 28 February worked.
    expect(defaultPlanDate(2026, 'annual', new Date(2026, 1, 16))).toBe('2026-02-24');
    expect(isWorkingDay('2026-02-14')).toBe(true);
  });
});
