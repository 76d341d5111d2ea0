/**
 * Moves the years of last year's text to the new plan's year where they meant “this year”: the
 * source year followed by 年 (2025年, 2025年度). Other years (2019年, a date long past) stay.
 */
export class YearRoller {
  replaced = 0;
  private readonly pattern: RegExp | undefined;

  constructor(from: number | undefined, private readonly to: number) {
    this.pattern = from !== undefined && from !== to ? new RegExp(`(?<!\\d)${from}(?=\\s*年)`, 'g') : undefined;
  }

  /** The text with the source year moved on. */
  roll(text: string): string;
  roll(text: string | undefined): string | undefined;
  roll(text: string | undefined): string | undefined {
    if (text === undefined || !this.pattern) return text;
    return text.replace(this.pattern, () => {
      this.replaced++;
      return String(this.to);
    });
  }
}
