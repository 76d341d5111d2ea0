const CN_DIGITS = '〇一二三四五六七八九';

/** 2025 → 二〇二五, as a year is written in Chinese numerals. */
function chineseYear(year: number): string {
  return [...String(year)].map((d) => CN_DIGITS[Number(d)]).join('');
}

/**
 * Moves the years of last year's text to the new plan's year where they meant “this year”: the
 * source year followed by 年 (2025年, 2025年度, 二〇二五年). Other years (2019年, a date long past) stay.
 */
export class YearRoller {
  replaced = 0;
  private readonly pattern: RegExp | undefined;
  private readonly chinese: [string, string] | undefined;

  constructor(
    from: number | undefined,
    private readonly to: number,
  ) {
    this.pattern =
      from !== undefined && from !== to ? new RegExp(`(?<![\\d${CN_DIGITS}])(${from}|${chineseYear(from)})(?=\\s*年)`, 'g') : undefined;
    this.chinese = from !== undefined ? [chineseYear(from), chineseYear(to)] : undefined;
  }

  /** The text with the source year moved on. */
  roll(text: string): string;
  roll(text: string | undefined): string | undefined;
  roll(text: string | undefined): string | undefined {
    if (text === undefined || !this.pattern) return text;
    return text.replace(this.pattern, (year: string) => {
      this.replaced++;
      return year === this.chinese?.[0] ? this.chinese[1] : String(this.to);
    });
  }
}
