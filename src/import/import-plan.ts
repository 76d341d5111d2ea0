import { extname } from 'node:path';
import { checkText } from '../check/check.js';
import type { Finding } from '../check/finding.js';
import { UserError, quote } from '../errors.js';
import { isLevel, planLevel } from '../vocab/level.js';
import { defaultPlanYear } from '../vocab/dates.js';
import { parseOutline } from '../outline/load.js';
import { isPeriod, type Period } from '../vocab/periods.js';
import { defaultTitle } from '../vocab/title.js';
import type { Outline, OutlineItem } from '../outline/types.js';
import { commentedOutlineText } from '../templates/new-outline.js';
import { TemplateRegistry } from '../templates/registry.js';
import { removeFurniture } from './furniture.js';
import { readHead } from './head.js';
import { guessType } from './kinds.js';
import { MAX_IMPORT_BYTES } from './limits.js';
import { readDocx } from './read-docx.js';
import { decodePlanText, readMarkdown, readPlainText } from './read-text.js';
import { ImportNotes } from './report.js';
import { YearRoller } from './roll-forward.js';
import { takeSchedule } from './schedule-region.js';
import type { SourceDocument } from './source.js';
import { buildTree } from './structure.js';
import { countOutline, notesOf, type ImportSummary } from './summary.js';
import { bodyParts } from './to-outline.js';

/** What `importPlan` may be told; everything is optional. */
export interface ImportOptions {
  /** The plan type, instead of guessing it. */
  type?: string;
  /** The new plan's year (default: the year after the source's). The source's own year keeps its date. */
  year?: number;
  /** The unit's name, when the source does not say it. */
  org?: string;
  /** Which sample of a web page holding several (篇一, 篇二 …), from 1. */
  piece?: number;
  /** The name the outline will be written under, for its header and the findings' positions. */
  outputName?: string;
  registry?: TemplateRegistry;
  today?: Date;
}

/** The outline text, what was recognised, and `check`'s findings on the new outline. */
export interface ImportResult {
  yaml: string;
  outline: Outline;
  summary: ImportSummary;
  findings: Finding[];
}

/** The unit's name left for the user to fill in (check's placeholder rule points at it). */
const ORG_PLACEHOLDER = 'XX单位工会';

const TEXT_EXTENSIONS = ['.txt', '.text'];
const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const WORD_EXTENSIONS = ['.docx', '.docm', '.dotx'];

function readSource(bytes: Uint8Array, fileName: string): { doc: SourceDocument; source: string } {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.doc' || ext === '.wps' || ext === '.rtf' || ext === '.dot') {
    throw new UserError('invalid', [
      {
        file: fileName,
        message: `不能直接读取 ${ext} 文件。请在 Word 或 WPS 中打开，“另存为”选择“Word 文档（*.docx）”，再导入 .docx 文件`,
      },
    ]);
  }
  if (
    WORD_EXTENSIONS.includes(ext) ||
    (!TEXT_EXTENSIONS.includes(ext) && !MARKDOWN_EXTENSIONS.includes(ext) && bytes[0] === 0x50 && bytes[1] === 0x4b)
  ) {
    return { doc: readDocx(fileName, bytes), source: 'Word 文档（.docx）' };
  }
  if (TEXT_EXTENSIONS.includes(ext) || MARKDOWN_EXTENSIONS.includes(ext)) {
    const decoded = decodePlanText(fileName, bytes);
    const encoding =
      decoded.encoding === 'gb18030'
        ? 'GBK/GB18030 编码'
        : decoded.encoding === 'utf-8'
          ? 'UTF-8 编码'
          : `${decoded.encoding.toUpperCase()} 编码`;
    const markdown = MARKDOWN_EXTENSIONS.includes(ext);
    return {
      doc: markdown ? readMarkdown(decoded.text) : readPlainText(decoded.text),
      source: `${markdown ? 'Markdown' : '文本'}文件（${encoding}）`,
    };
  }
  throw new UserError('usage', [
    {
      file: fileName,
      message: `无法导入 ${quote(ext || '（无扩展名）')} 文件：请给出 Word 文档（.docx）、文本文件（.txt）或 Markdown 文件（.md）`,
    },
  ]);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function rollItem(roller: YearRoller, item: OutlineItem): OutlineItem {
  return {
    ...(item.title !== undefined ? { title: roller.roll(item.title) } : {}),
    ...(item.text !== undefined ? { text: roller.roll(item.text) } : {}),
    ...(item.items ? { items: item.items.map((sub) => rollItem(roller, sub)) } : {}),
  };
}

/**
 * Reads last year's plan (the bytes of a .docx, .txt or .md file; `fileName` gives its type)
 * and returns next year's outline as commented YAML, a summary of what was recognised and what
 * was kept as text, and `check`'s findings with positions in the new outline. Throws a
 * UserError for input it cannot read. The outline is validated before it is returned.
 */
export async function importPlan(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = fileName;
  if (bytes.length === 0) throw new UserError('invalid', [{ file, message: '文件是空的，没有可导入的内容' }]);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new UserError('invalid', [
      {
        file,
        message: `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB；一份工作计划通常不到 1 MB`,
      },
    ]);
  }
  const registry = options.registry ?? new TemplateRegistry();
  const types = registry.types();
  const today = options.today ?? new Date();
  const notes = new ImportNotes();
  const { doc, source } = readSource(bytes, fileName);
  const cleaned = doc.plainText ? removeFurniture(doc.blocks, notes, options.piece) : doc.blocks;
  if (!cleaned.some((b) => b.kind === 'table' || b.text.trim() !== '')) {
    throw new UserError('invalid', [{ file, message: '文件中没有文字，没有可导入的内容' }]);
  }
  const { head, body } = readHead(cleaned);
  const meta = doc.meta ?? {};
  const { blocks, schedule } = takeSchedule(body, notes);
  const parts = bodyParts(buildTree(blocks), notes);

  const metaYear = typeof meta.year === 'number' ? meta.year : undefined;
  const sourceYear = metaYear ?? head.year;
  const year = options.year ?? (sourceYear !== undefined ? sourceYear + 1 : defaultPlanYear(today));
  if (sourceYear === undefined && options.year === undefined)
    notes.notes.push(`原文中没有找到年份，提纲的年度取 ${year} 年（可用 --year 指定）`);
  const foundOrg = text(meta.org) ?? head.org;
  const org = options.org?.trim() || foundOrg || ORG_PLACEHOLDER;

  const allText = [parts.preface, parts.guidance, ...parts.sections.map((s) => JSON.stringify(s))].join('');
  let type: string;
  let typeReason: string;
  if (options.type) {
    await registry.get(options.type);
    type = options.type;
    typeReason = '--type 指定';
  } else if (text(meta.type) && types.includes(String(meta.type))) {
    type = String(meta.type);
    typeReason = 'Markdown 文件开头的 type';
  } else {
    ({ type, reason: typeReason } = guessType(options.org?.trim() || foundOrg, allText, types));
  }
  const template = await registry.get(type);
  const period: Period = head.period ?? (isPeriod(meta.period) ? meta.period : template.meta.period);
  const sourceDate = text(meta.date) ?? head.date;
  const keepDate = options.year !== undefined && options.year === sourceYear && sourceDate !== undefined;

  const roller = new YearRoller(sourceYear, year);
  const rolledTitle = roller.roll(text(meta.title) ?? head.title);
  const sections = parts.sections.map((s) => ({
    kind: s.kind,
    ...(s.title ? { title: roller.roll(s.title) } : {}),
    ...(s.intro ? { intro: roller.roll(s.intro) } : {}),
    items: s.items.map((i) => rollItem(roller, i)),
  }));
  const targets = parts.targets.map((t) => ({ ...t, name: roller.roll(t.name), ...(t.note ? { note: roller.roll(t.note) } : {}) }));
  const rolledSchedule = schedule.map((e) => ({
    ...(e.months.length === 1 ? { month: e.months[0] } : { months: e.months }),
    items: e.items.map((i) => roller.roll(i)),
    ...(e.owner ? { owner: e.owner } : {}),
  }));
  // A title that does not name the unit (a web page's “2023年工会工作计划”) gives way to the default,
  // which does.
  // A 工作要点 (a federation's: `kind: points`, or a title that says so) stays one.
  const kind = meta.kind === 'points' || meta.kind === '工作要点' || /工作要点$/.test(rolledTitle ?? '') ? 'points' : 'plan';
  let keepTitle = Boolean(rolledTitle && rolledTitle !== defaultTitle({ org, year, period, kind }));
  if (keepTitle && !rolledTitle!.includes(org.replace(/(工会|委员会)$/, ''))) {
    keepTitle = false;
    notes.notes.push(`原标题“${rolledTitle}”没有写明单位，新提纲用默认标题“${defaultTitle({ org, year, period, kind })}”`);
  }
  const superior = text(meta.superior);
  // The level (县, 乡, 街道 …) a regional union's plan speaks from: as its Markdown said, else from its name.
  // An audit committee's is its federation's level (县总工会经费审查委员会), a grassroots one has none.
  const level = planLevel(type, org, isLevel(meta.level) ? meta.level : undefined);
  const fields: Record<string, unknown> = {
    type,
    org,
    ...(level ? { level } : {}),
    ...(superior ? { superior } : {}),
    year,
    period,
    ...(kind === 'points' ? { kind } : {}),
    ...(keepDate ? { date: sourceDate } : {}),
    ...(keepTitle ? { title: rolledTitle } : {}),
    ...(parts.preface ? { preface: roller.roll(parts.preface) } : {}),
    guidance: roller.roll(parts.guidance) ?? '',
    targets,
    sections,
    schedule: rolledSchedule,
  };
  const outputName = options.outputName ?? 'plan.yaml';
  const yaml = commentedOutlineText(template, fields, { generator: `unionplan import ${fileName.split(/[\\/]/).pop()}`, file: outputName });
  // What is written must load: a failure here is a bug of import, not the user's.
  const outline = parseOutline(outputName, yaml, { types, today });
  const findings = checkText(outputName, yaml, { kind: 'outline', types, today });
  const summary: ImportSummary = {
    source,
    ...(head.title ? { title: head.title } : {}),
    org,
    orgFound: Boolean(options.org?.trim() || foundOrg),
    ...(sourceYear !== undefined ? { sourceYear } : {}),
    year,
    type,
    typeReason,
    period,
    preface: Boolean(parts.preface),
    guidance: Boolean(parts.guidance),
    ...countOutline(outline),
    yearsRolled: roller.replaced,
    ...notesOf(notes),
  };
  return { yaml, outline, summary, findings };
}
