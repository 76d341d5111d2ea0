/**
 * A template's default outline cut to a half-year or term plan: what belongs only to months
 * outside the period (暑期疗休养 in a January–June plan, 教师节 in a spring term) is left out, and
 * targets counted for the whole year (全年) are restated for the period. The defaults are the
 * template's raw YAML data, checked only later by the outline validator, so every shape is taken
 * as it may come.
 */
import { PERIOD_NAMES, isTerm, periodMonths, type Period } from '../vocab/periods.js';
import { monthReferences, outside } from '../text/period-words.js';

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a text names months and all of them lie outside the period. */
function onlyOutside(text: string, allowed: readonly number[]): boolean {
  const refs = monthReferences(text);
  return refs.length > 0 && refs.every((ref) => outside(ref, allowed));
}

/** Whether a text names some month outside the period. */
function someOutside(text: string, allowed: readonly number[]): boolean {
  return monthReferences(text).some((ref) => outside(ref, allowed));
}

/**
 * A clause whose list of dated things (元旦、春节、“三八”、“五一”、国庆等) keeps only the period's:
 * in a July–December plan that list reads 国庆等. The list runs from the first part (between 、)
 * that names a month to the part with 等, or else over the parts that all name one; its last part
 * may join two entries with 和 (重阳节和迎新年活动). What leads into the list (围绕) and follows it
 * (等重要节日) stays. A list whose parts all lie outside is left whole for the clause rules.
 */
function trimList(whole: string, allowed: readonly number[]): string {
  const end = /[，；：]$/u.exec(whole)?.[0] ?? '';
  const clause = whole.slice(0, whole.length - end.length);
  const parts = clause.split('、');
  const named = (part: string) => monthReferences(part).length > 0;
  const start = parts.findIndex(named);
  if (start === -1) return whole;
  let stop = parts.findIndex((part, i) => i >= start && part.includes('等'));
  if (stop === -1) {
    stop = start;
    while (stop + 1 < parts.length && named(parts[stop + 1]!)) stop++;
  }
  const first = parts[start]!;
  const firstRef = monthReferences(first)[0]!;
  const leadEnd = first[firstRef.index - 1] === '“' ? firstRef.index - 1 : firstRef.index;
  const items = parts.slice(start, stop + 1);
  items[0] = first.slice(leadEnd);
  let tail = '';
  const lastItem = items[items.length - 1]!;
  if (lastItem.includes('等')) {
    tail = lastItem.slice(lastItem.indexOf('等'));
    items[items.length - 1] = lastItem.slice(0, lastItem.indexOf('等'));
  }
  let joiner = '、';
  // Only inside an enumeration (A、B和C) is “B和C” two entries; a lone “A和B……” usually shares
  // what follows B (春节前和教师节期间走访慰问), and cutting B would cut the predicate with it.
  const pair = items.length > 1 ? /^(.+?)([和及与])(.+)$/u.exec(items[items.length - 1]!) : null;
  if (pair && named(pair[1]!) && named(pair[3]!)) {
    items.splice(items.length - 1, 1, pair[1]!, pair[3]!);
    joiner = pair[2]!;
  }
  if (items.length < 2) return whole;
  const kept = items.filter((item) => !onlyOutside(item, allowed));
  if (kept.length === 0 || kept.length === items.length) return whole;
  const list = kept.length > 1 && joiner !== '、' ? `${kept.slice(0, -1).join('、')}${joiner}${kept[kept.length - 1]}` : kept.join('、');
  const before = [...parts.slice(0, start), first.slice(0, leadEnd)].join('、');
  const after = parts.slice(stop + 1);
  return before + list + tail + (after.length ? `、${after.join('、')}` : '') + end;
}

/** A sentence with {@link trimList} applied to each of its clauses. */
function trimLists(sentence: string, allowed: readonly number[]): string {
  return sentence
    .split(/(?<=[，；：])/u)
    .map((clause) => (someOutside(clause, allowed) ? trimList(clause, allowed) : clause))
    .join('');
}

/**
 * One part of a sentence (between ；) without the clauses that belong only to other months:
 * “上半年举办体育比赛，下半年举办运动会，增强凝聚力” keeps its first and last clause in a
 * January–June plan. A part whose only dates lie outside goes as a whole: its undated clauses
 * (暑期组织疗休养，优先安排一线职工) belong to the dated one.
 */
function cutPart(part: string, allowed: readonly number[]): string {
  if (!someOutside(part, allowed)) return part;
  const trimmed = trimLists(part, allowed);
  if (!someOutside(trimmed, allowed)) return trimmed;
  if (onlyOutside(trimmed, allowed)) return '';
  return trimmed
    .split(/(?<=，)/u)
    .filter((clause) => !onlyOutside(clause, allowed))
    .join('')
    .replace(/，$/u, '');
}

/**
 * One sentence without what belongs only to other months, part by part: the parts a ； divides are
 * works of their own, so “落实女职工劳动保护规定，安排专项体检；“三八”国际妇女节期间组织主题活动。”
 * keeps its first part in an autumn term. A sentence none of whose parts is left goes.
 */
function cutSentence(whole: string, allowed: readonly number[]): string {
  if (!someOutside(whole, allowed)) return whole;
  const end = /[。！？!?]*\s*$/u.exec(whole)![0];
  const parts = whole
    .slice(0, whole.length - end.length)
    .split('；')
    .map((part) => cutPart(part, allowed))
    .filter((part) => part !== '');
  return parts.length ? parts.join('；') + end : '';
}

/** A text (paragraphs of sentences) with what belongs only to other months taken out. */
export function cutText(text: string, allowed: readonly number[]): string {
  const paragraphs = text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) =>
      (paragraph.match(/[^。！？!?]*[。！？!?]*/gu) ?? [])
        .map((s) => cutSentence(s, allowed))
        .join('')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '');
  const joined = paragraphs.join('\n\n');
  // A YAML block (`|`) ends with a line break: keep it, so the outline `new` writes looks the same.
  return joined && text.endsWith('\n') ? `${joined}\n` : joined;
}

/** An item (text, or title/text/items), or undefined when it belongs only to other months. */
function cutItem(item: unknown, allowed: readonly number[]): unknown {
  if (typeof item === 'string') {
    const text = cutText(item, allowed);
    return text.trim() ? text : undefined;
  }
  if (!isDict(item)) return item;
  const months = Array.isArray(item.months) ? item.months : typeof item.months === 'number' ? [item.months] : undefined;
  if (months) return months.some((m) => allowed.includes(Number(m))) ? item : undefined;
  const out: Dict = { ...item };
  if (typeof item.text === 'string') {
    out.text = cutText(item.text, allowed);
    if (!(out.text as string).trim()) return undefined;
  }
  if (Array.isArray(item.items)) out.items = item.items.map((sub) => cutItem(sub, allowed)).filter((sub) => sub !== undefined);
  // A title that names only other months (庆祝教师节) goes, not the work under it: that stays
  // as an item of its own words. (An item that is all about other months says so by `months:`.)
  if (typeof item.title === 'string' && onlyOutside(item.title, allowed)) {
    delete out.title;
    if (!(typeof out.text === 'string' && out.text.trim()) && !(Array.isArray(out.items) && out.items.length)) return undefined;
    if (!Array.isArray(out.items)) return out.text;
  }
  return out;
}

/** A section, or undefined when nothing of it is left. */
/** An item's title and text as one paragraph: “组织政治理论学习。配合……”. */
function runInText(item: Dict): string {
  const title = typeof item.title === 'string' ? item.title.trim() : '';
  const text = typeof item.text === 'string' ? item.text.trim() : '';
  if (!title || !text) return title || text;
  return /[。！？；：，、…!?;:,.]$/u.test(title) ? `${title}${text}` : `${title}。${text}`;
}

function cutSection(section: unknown, allowed: readonly number[]): unknown {
  if (!isDict(section)) return section;
  const out: Dict = { ...section };
  if (typeof section.intro === 'string') out.intro = cutText(section.intro, allowed);
  if (Array.isArray(section.items)) out.items = section.items.map((item) => cutItem(item, allowed)).filter((item) => item !== undefined);
  // One item left of several is not numbered “1.” alone: its words become the section's text.
  if (Array.isArray(section.items) && section.items.length > 1 && Array.isArray(out.items) && out.items.length === 1) {
    const only = out.items[0];
    const words = typeof only === 'string' ? only : isDict(only) && !Array.isArray(only.items) ? runInText(only) : undefined;
    if (words !== undefined) {
      out.intro = [typeof out.intro === 'string' ? out.intro.trim() : '', words.trim()].filter((part) => part !== '').join('\n\n');
      delete out.items;
    }
  }
  const empty = Array.isArray(out.items) && out.items.length === 0 && !(typeof out.intro === 'string' && out.intro.trim());
  return empty ? undefined : out;
}

/** The period as a target restates 全年: 上半年, 本学期. */
function periodWord(period: Period): string {
  return isTerm(period) ? '本学期' : PERIOD_NAMES[period];
}

/**
 * A target for the period: one that says 全年 is restated (全年不少于4次 → 上半年不少于2次: a count
 * in proportion to the months, rounded up; a rate stays); one that belongs only to other months
 * goes.
 */
function cutTarget(target: unknown, period: Period, allowed: readonly number[]): unknown {
  if (!isDict(target)) return target;
  const words = [target.name, target.note].filter((v): v is string => typeof v === 'string').join('，');
  if (onlyOutside(words, allowed)) return undefined;
  if (!/全年|年度/.test(words)) return target;
  const out: Dict = { ...target };
  for (const key of ['name', 'note'] as const) {
    if (typeof out[key] === 'string') out[key] = (out[key] as string).replace(/全年|年度/g, periodWord(period));
  }
  const unit = typeof target.unit === 'string' ? target.unit.trim() : '';
  if (typeof target.value === 'number' && unit !== '%' && unit !== '％') {
    out.value = Math.max(1, Math.ceil((target.value * allowed.length) / 12));
  }
  return out;
}

/**
 * A schedule row cut to the period's months; undefined when none are left. Its items stay: the
 * row's month says when they are done (筹备春节慰问 in December).
 */
function cutRow(row: unknown, allowed: readonly number[]): unknown {
  if (!isDict(row)) return row;
  const listed = Array.isArray(row.months) ? row.months : [row.month];
  const months = listed.map(Number).filter((m) => allowed.includes(m));
  if (months.length === 0) return undefined;
  // Keys stay in their order, so the row reads as the template wrote it.
  const out: Dict = Object.fromEntries(
    Object.entries(row).map(([key, value]) =>
      key === 'months' ? (months.length === 1 ? ['month', months[0]] : ['months', months]) : [key, value],
    ),
  );
  return out;
}

/**
 * The default outline fields (preface, guidance, targets, sections, schedule) for a period: all
 * of them for a whole year; for a half-year or term, only what belongs to its months.
 */
export function defaultsForPeriod(defaults: Dict, period: Period): Dict {
  if (period === 'annual') return defaults;
  const allowed = periodMonths(period);
  const out: Dict = { ...defaults };
  for (const key of ['preface', 'guidance'] as const) {
    if (typeof defaults[key] === 'string') out[key] = cutText(defaults[key] as string, allowed);
  }
  const list = (key: string, cut: (value: unknown) => unknown) => {
    if (Array.isArray(defaults[key])) out[key] = (defaults[key] as unknown[]).map(cut).filter((value) => value !== undefined);
  };
  list('targets', (target) => cutTarget(target, period, allowed));
  list('sections', (section) => cutSection(section, allowed));
  list('schedule', (row) => cutRow(row, allowed));
  return out;
}
