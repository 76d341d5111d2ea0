import { getDayDetail, getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';

/**
 * Whether the `chinese-days` package has the State Council's holiday schedule for `year`. New
 * Year's Day is a holiday in every year, so a year whose 1 January it calls a working day is one
 * it has no schedule for (the schedule is published each November for the next year).
 */
function yearKnown(year: number): boolean {
  return !getDayDetail(`${year}-01-01`).work;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

function solarFromLunar(year: number, month: number, day: number): string {
  return getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date;
}

const estimated = new Map<number, Set<string>>();

/**
 * The statutory holidays of a year the package does not know yet, estimated from the fixed and
 * lunar dates: New Year's Day, Spring Festival (New Year's Eve to the 6th day), Qingming, 1–5 May,
 * Dragon Boat, Mid-Autumn and 1–7 October. Adjusted working days cannot be estimated, so a
 * weekend stays a day off: the default date errs towards a plain working day.
 */
function estimatedHolidays(year: number): Set<string> {
  let days = estimated.get(year);
  if (days) return days;
  days = new Set<string>([`${year}-01-01`]);
  const springFestival = solarFromLunar(year, 1, 1);
  for (let i = -1; i <= 6; i += 1) days.add(addDays(springFestival, i));
  days.add(getSolarTermDate(year, 4, 'pure_brightness'));
  for (let d = 1; d <= 5; d += 1) days.add(`${year}-05-0${d}`);
  days.add(solarFromLunar(year, 5, 5));
  days.add(solarFromLunar(year, 8, 15));
  for (let d = 1; d <= 7; d += 1) days.add(`${year}-10-0${d}`);
  estimated.set(year, days);
  return days;
}

/**
 * Whether an ISO day is a working day in mainland China: the published schedule (weekends,
 * statutory holidays and the weekend days worked in exchange) where `chinese-days` has it, else
 * weekends and the estimated holidays.
 */
export function isWorkingDay(isoDay: string): boolean {
  const year = Number(isoDay.slice(0, 4));
  if (yearKnown(year)) return getDayDetail(isoDay).work;
  const weekday = new Date(`${isoDay}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !estimatedHolidays(year).has(isoDay);
}

/** The first working day on or after an ISO day. */
export function workingDayFrom(isoDay: string): string {
  let day = isoDay;
  // The longest run of days off (Spring Festival, National Day) is under two weeks.
  for (let i = 0; i < 31 && !isWorkingDay(day); i += 1) day = addDays(day, 1);
  return day;
}
