import { isoDate, parseDate } from '../vocab/dates.js';
import { isPeriod, type Period } from '../vocab/periods.js';
import { typedNumber } from './number-forms.js';
import type { SourceBlock, SourceParagraph } from './source.js';

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二五 → 2025 (digit by digit, as years are written). */
function cnYear(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  const digits = [...text].map((c) => CN_DIGITS[c]);
  return digits.length === 4 && digits.every((d) => d !== undefined) ? Number(digits.join('')) : undefined;
}

/** 一 → 1, 十二 → 12, 二十八 → 28, 三十一 → 31; Arabic digits as they are. */
export function smallNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return undefined;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? CN_DIGITS[tens] : undefined;
  return (tens ? CN_DIGITS[tens]! : 1) * 10 + (ones ? CN_DIGITS[ones]! : 0);
}

const DATE = /^([\d〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日$/;

/** A signature date in Arabic or Chinese numerals (2025年1月8日, 二〇二五年一月八日) as ISO text. */
export function signatureDate(text: string): string | undefined {
  const match = DATE.exec(text.replace(/\s+/g, ''));
  if (!match) return undefined;
  const year = cnYear(match[1]!);
  const month = smallNumber(match[2]!);
  const day = smallNumber(match[3]!);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const iso = isoDate(year, month, day);
  return parseDate(iso) ? iso : undefined;
}

const UNIT_END = /(工会|委员会|联合会|工会委员会|总工会|联合工会|工作委员会|经审会)$/;

/** What the title and the signature say about the plan. */
export interface PlanHead {
  title?: string;
  org?: string;
  year?: number;
  period?: Period;
  date?: string;
  /** Where the org and year came from, for the summary. */
  orgFrom?: 'title' | 'signature';
}

const TITLE_WORDS = /(工作计划|工作要点|工作安排|工作打算|工作思路|工作方案|计划)/;

function isTitleLike(p: SourceParagraph): boolean {
  return p.text.length <= 60 && TITLE_WORDS.test(p.text) && !typedNumber(p.text) && !/[。；;]$/.test(p.text) && !/[，,]/.test(p.text);
}

/** The period a title names. School terms are used where this version of unionplan knows them. */
export function periodFromTitle(title: string): Period | undefined {
  if (/上半年/.test(title)) return 'first-half';
  if (/下半年/.test(title)) return 'second-half';
  const term = /(第一学期|上学期|秋季学期)/.test(title)
    ? 'first-term'
    : /(第二学期|下学期|春季学期)/.test(title)
      ? 'second-term'
      : undefined;
  return term && isPeriod(term) ? term : undefined;
}

/** The year (2025, 二〇二五) a title names, and the text before it. */
function yearIn(title: string): { year: number; before: string } | undefined {
  const match = /([12]\d{3}|[〇零○一二][〇零○一二三四五六七八九]{3})\s*(?:[—–\-~至]\s*[12]?\d{1,3}\s*)?(?:学)?年/.exec(title);
  const year = match ? cnYear(match[1]!) : undefined;
  return match && year !== undefined ? { year, before: title.slice(0, match.index).trim() } : undefined;
}

/**
 * Takes the title (first paragraph, or Word's title style) and the signature (unit and date at
 * the end) out of the blocks, and reads the unit, year, period and date from them.
 */
export function readHead(blocks: SourceBlock[]): { head: PlanHead; body: SourceBlock[] } {
  const body = [...blocks];
  const head: PlanHead = {};
  // Title: paragraphs in the title style, or a first line that reads as one.
  const titleParts: string[] = [];
  while (body[0]?.kind === 'paragraph' && (body[0].role === 'title' || (titleParts.length === 0 && isTitleLike(body[0])))) {
    titleParts.push((body.shift() as SourceParagraph).text.trim());
  }
  if (titleParts.length) head.title = titleParts.join('');
  // Signature: a date last, the unit just before it.
  const last = body[body.length - 1];
  if (last?.kind === 'paragraph') {
    const date = signatureDate(last.text);
    if (date) {
      body.pop();
      head.date = date;
      const unit = body[body.length - 1];
      if (
        unit?.kind === 'paragraph' &&
        unit.text.length <= 40 &&
        !/[。，；]/.test(unit.text) &&
        (unit.role === 'signature' || UNIT_END.test(unit.text))
      ) {
        body.pop();
        head.org = unit.text.trim();
        head.orgFrom = 'signature';
      }
    }
  }
  if (head.title) {
    const found = yearIn(head.title);
    if (found) {
      head.year = found.year;
      if (!head.org && found.before && !/^(关于|[（(])/.test(found.before)) {
        head.org = found.before;
        head.orgFrom = 'title';
      }
    } else if (!head.org) {
      const before = head.title.split(TITLE_WORDS)[0]?.trim();
      if (before) {
        head.org = before;
        head.orgFrom = 'title';
      }
    }
    head.period = periodFromTitle(head.title);
  }
  if (head.year === undefined && head.date) head.year = Number(head.date.slice(0, 4));
  return { head, body };
}
