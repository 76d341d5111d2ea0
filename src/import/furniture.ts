import { typedNumber } from './number-forms.js';
import { excerpt, type ImportNotes } from './report.js';
import type { SourceBlock, SourceParagraph } from './source.js';

/** “工会工作计划和目标篇一”, “篇二”, “范文三”: where a page of several sample plans starts the next. */
const PIECE_MARK = /^.{0,40}?(?:篇|范文|范例)[一二三四五六七八九十]+[:：]?$|^第[一二三四五六七八九十]+篇$/;

/** Lines a web page adds around the text: sharing blurbs, navigation, sources, links. */
const BOILERPLATE: RegExp[] = [
  /(范文|范例|模板).{0,30}(分享|参考|学习|下载|借鉴|推荐|欢迎)/,
  /(给大家|为大家|与大家|供大家|小编).{0,20}(分享|整理|收集|推荐|参考)/,
  /^(相关推荐|推荐阅读|猜你喜欢|热门推荐|热门文章|相关文章|延伸阅读|上一篇|下一篇|返回首页|返回列表|阅读全文|展开全文|点击|扫码|扫一扫|长按|本文来源|文章来源|来源[:：]|责任编辑|编辑[:：]|作者[:：]|声明[:：]|免责声明|版权|Copyright|©)/i,
  /https?:\/\/|www\.[a-z0-9-]+\./i,
  /^(时间|时光)(流逝|飞逝|过得).{0,60}(计划|总结)/,
];

/** “(优质8篇)”, “（精选5篇）”: a collection page's count in its title. */
const COLLECTION_COUNT = /[(（](?:优质|精选|通用|热门|最新|推荐|实用|优秀)?\d+篇[)）]|(?:优质|精选|通用)\d+篇$/;

const SENTENCE_END = /[。！？!?：:…”’）)》」』】]$/;

function isBoilerplate(text: string): boolean {
  // A numbered paragraph is the plan's own, whatever words it uses.
  return text.length <= 150 && !typedNumber(text) && BOILERPLATE.some((pattern) => pattern.test(text));
}

function looksLikeDate(text: string): boolean {
  return /^[\d〇零○Ｏ一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/.test(text);
}

/** True when `next` carries on the sentence `prev` broke off, as a page's layout breaks it. */
function continues(prev: SourceParagraph, next: SourceParagraph): boolean {
  if (prev.headingLevel !== undefined || next.headingLevel !== undefined || prev.role || next.role) return false;
  const a = prev.text;
  const b = next.text;
  if (
    a.length < 20 ||
    typedNumber(b) ||
    looksLikeDate(b) ||
    /^(?:\d{1,2}|[一二三四五六七八九十]+)[、，]?(?:\d{1,2}|[一二三四五六七八九十]+)?月份?/.test(b)
  )
    return false;
  // A numbered line without a full stop is a heading, unless it stops inside a word: its last
  // clause is a character or two (“……反” / “映教职工呼声”), as no heading ends.
  if (typedNumber(a) && !/[。！？]/.test(a) && (a.split(/[，,、；;]/).pop() ?? a).length > 3) return false;
  if (/[；;]$/.test(a)) return /^[一二三四五六七八九十]+[是要]/.test(b);
  return !SENTENCE_END.test(a);
}

/**
 * Cleans text copied from a web page the way a careful person would by hand: keeps one of the
 * sample plans of a collection page (`piece`, from 1), drops the page's boilerplate lines and
 * joins paragraphs broken mid-sentence. Everything dropped or joined is noted.
 */
export function removeFurniture(blocks: SourceBlock[], notes: ImportNotes, piece = 1): SourceBlock[] {
  const marks = blocks.map((b, i) => (b.kind === 'paragraph' && PIECE_MARK.test(b.text) ? i : -1)).filter((i) => i >= 0);
  let kept = blocks;
  if (marks.length > 0) {
    const index = Math.min(Math.max(piece, 1), marks.length) - 1;
    const header = blocks.slice(0, marks[0]).filter((b): b is SourceParagraph => b.kind === 'paragraph');
    // The page's own title (without its “(优质8篇)”) may still say the year and the kind of plan.
    const pageTitle = header.find((b) => COLLECTION_COUNT.test(b.text) || /计划|要点/.test(b.text));
    kept = [
      ...(pageTitle ? [{ ...pageTitle, text: pageTitle.text.replace(COLLECTION_COUNT, '').trim(), role: 'title' as const }] : []),
      ...blocks.slice(marks[index]! + 1, marks[index + 1] ?? blocks.length),
    ];
    for (const b of header) if (b !== pageTitle) notes.dropped.push(`${b.origin} ${excerpt(b.text)}（网页开头的说明文字）`);
    notes.notes.push(
      marks.length > 1
        ? `这是一个含 ${marks.length} 篇范文的网页，只导入了第 ${index + 1} 篇（${(blocks[marks[index]!] as SourceParagraph).text}）；用 --piece 2 等选择其他篇`
        : `去掉了范文标记 ${excerpt((blocks[marks[0]!] as SourceParagraph).text)}`,
    );
  }
  const out: SourceBlock[] = [];
  for (const block of kept) {
    if (block.kind !== 'paragraph') {
      out.push(block);
      continue;
    }
    if (block.role !== 'title' && (isBoilerplate(block.text) || PIECE_MARK.test(block.text))) {
      notes.dropped.push(`${block.origin} ${excerpt(block.text)}（网页附加的文字）`);
      continue;
    }
    const text = block.role === 'title' ? block.text.replace(COLLECTION_COUNT, '').trim() : block.text;
    const prev = out[out.length - 1];
    if (prev?.kind === 'paragraph' && continues(prev, block)) {
      notes.joined.push(`${prev.origin} ${excerpt(prev.text.slice(-12))} 与 ${block.origin} ${excerpt(block.text, 12)}`);
      out[out.length - 1] = { ...prev, text: prev.text + text };
      continue;
    }
    out.push({ ...block, text });
  }
  return out;
}
