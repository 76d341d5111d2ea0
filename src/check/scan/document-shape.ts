import type { Root, RootContent, Table } from 'mdast';
import type { ParsedMarkdown } from '../../document/parse.js';
import { SIGNATURE_MARKER } from '../../vocab/signature.js';
import { lineText, type Block, type TableBlock } from '../../document/model.js';
import { defaultPlanYear, isoDate, parseDate } from '../../vocab/dates.js';
import { periodFromTitle } from '../../vocab/periods.js';
import type { YamlSource } from '../../io/yaml-source.js';
import type { LineIndex, Place } from './line-index.js';
import { parseMonths } from './months.js';
import type { PlanShape, ShapePart, ShapeScheduleRow, ShapeTarget, ShapeText } from './plan-shape.js';

const cellText = (cell: TableBlock['header'][number]): string => cell.map(lineText).join('\n').trim();

/** Where a table cell's content starts, or would start if it is empty: after the pipe and spaces. */
function cellPlace(table: Table, row: number, column: number, body: string, bodyOffset: number, lines: LineIndex): Place | undefined {
  const cell = table.children[row]?.children[column];
  let offset = cell?.position?.start.offset;
  if (offset === undefined) return undefined;
  if (body[offset] === '|') offset++;
  let content = offset;
  while (body[content] === ' ' || body[content] === '\t') content++;
  // An empty cell: where a value would be typed, after the pipe and one space.
  if (body[content] === '|' || body[content] === '\n' || content >= body.length) content = body[offset] === ' ' ? offset + 1 : offset;
  return lines.at(bodyOffset + content);
}

/** The parts (headings) of a plan, with how many numbered parts each has one level down. */
function parts(blocks: Block[], placeOf: (block: Block) => Place): ShapePart[] {
  const out: ShapePart[] = [];
  blocks.forEach((block, i) => {
    if (block.type !== 'heading' || block.level > 3) return;
    let children = 0;
    let content = 0;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.type === 'signature') break;
      if (next.type === 'heading' && next.level <= block.level) break;
      content++;
      if (next.type === 'heading' && next.level === block.level + 1) children++;
    }
    // A run-in item's own text is its content.
    const empty = content === 0 && !block.runIn?.length;
    out.push({ level: block.level as 1 | 2 | 3, title: lineText(block.content), at: placeOf(block), children, empty });
  });
  return out;
}

/** The row and column of a table that hold what `header` names, e.g. 目标值. */
function columnOf(table: TableBlock, pattern: RegExp): number {
  return table.header.findIndex((cell) => pattern.test(cellText(cell)));
}

/** The signature date as the plan shows it: the line after the unit under `<!-- 落款 -->`. */
function signatureDate(tree: Root): RootContent | undefined {
  const marker = tree.children.findIndex((node) => node.type === 'html' && node.value.trim() === SIGNATURE_MARKER);
  if (marker === -1) return undefined;
  return tree.children.slice(marker + 1).filter((node) => node.type === 'paragraph')[1];
}

/**
 * The structure of a Markdown plan: headings as parts, the table under 目标值 as targets, the
 * table whose first column is 月份 (or 时间) as the schedule. Places come from the Markdown.
 */
export function documentShape(
  parsed: ParsedMarkdown,
  text: string,
  front: YamlSource | undefined,
  lines: LineIndex,
  today?: Date,
): PlanShape {
  const { doc, tree, bodyOffset, sources } = parsed;
  const { meta } = doc;
  const body = text.slice(bodyOffset);
  const placeOf = (block: Block): Place => {
    const source = sources.get(block);
    return source ? { line: source.line, column: source.column } : { line: 1, column: 1 };
  };
  const frontField = (key: string): Place => (front?.doc.has(key) ? front.locate([key]) : { line: 1, column: 1 });

  const rawTitle = front?.doc.get('title');
  const signature = doc.blocks.find((b) => b.type === 'signature');
  const org = meta.org ?? (signature?.type === 'signature' && signature.org ? signature.org : undefined);
  const titleYear = /(\d{4})\s*年/.exec(meta.title)?.[1];
  const year = meta.year ?? (titleYear ? Number(titleYear) : undefined);
  const period = meta.period ?? periodFromTitle(meta.title);

  let date: PlanShape['date'];
  const dateNode = signatureDate(tree);
  if (dateNode?.position) {
    const dateText = body.slice(dateNode.position.start.offset, dateNode.position.end.offset).trim();
    const day = parseDate(dateText);
    if (day)
      date = {
        iso: isoDate(day.year, day.month, day.day),
        text: dateText,
        at: lines.at(bodyOffset + (dateNode.position.start.offset ?? 0)),
      };
  } else if (meta.date) {
    date = { iso: meta.date, text: meta.date, at: frontField('date') };
  }

  const targets: ShapeTarget[] = [];
  const schedule: ShapeScheduleRow[] = [];
  for (const block of doc.blocks) {
    if (block.type !== 'table') continue;
    const node = sources.get(block)?.node;
    if (node?.type !== 'table') continue;
    const valueColumn = columnOf(block, /目标值|目标/);
    const nameColumn = columnOf(block, /指标|项目|名称/);
    if (valueColumn !== -1 && nameColumn !== -1) {
      block.rows.forEach((row, r) => {
        const at = cellPlace(node, r + 1, valueColumn, body, bodyOffset, lines) ?? placeOf(block);
        targets.push({ name: cellText(row[nameColumn] ?? []), value: cellText(row[valueColumn] ?? []), at });
      });
    } else if (/^(月份|月|时间|日期|月度)$/.test(cellText(block.header[0] ?? []))) {
      const owner = columnOf(block, /责任|负责|牵头|部门|承办/);
      block.rows.forEach((row, r) => {
        const label = cellText(row[0] ?? []);
        const at = cellPlace(node, r + 1, 0, body, bodyOffset, lines) ?? placeOf(block);
        const work = row
          .filter((_cell, c) => c !== 0 && c !== owner)
          .map(cellText)
          .join('\n');
        schedule.push({ label, months: parseMonths(label), text: work, at });
      });
    }
  }

  // The 指导思想 is the text under its heading; the body is every other paragraph and heading
  // outside the targets and the schedule (tables) and the signature.
  let guidance: PlanShape['guidance'];
  const prose: ShapeText[] = [];
  let inGuidance = false;
  for (const block of doc.blocks) {
    if (block.type === 'signature') break;
    if (block.type === 'table' || block.type === 'attachments') continue;
    // A run-in item's text is body text too (“1.标题。正文……”).
    const text = block.type === 'heading' && block.runIn ? `${lineText(block.content)}。${lineText(block.runIn)}` : lineText(block.content);
    if (block.type === 'heading' && block.level === 1) {
      inGuidance = /指导思想/.test(text);
      continue;
    }
    if (inGuidance && block.type === 'paragraph') {
      guidance = guidance ? { text: `${guidance.text}\n${text}`, at: guidance.at } : { text, at: placeOf(block) };
    } else prose.push({ text, at: placeOf(block) });
  }

  // A title from the front matter is the user's; without one the plan is titled from org and
  // year, which names both, or — with either missing — just 工作计划, which names neither.
  let title: PlanShape['title'];
  if (typeof rawTitle === 'string' || typeof rawTitle === 'number') title = { text: String(rawTitle), at: frontField('title') };
  else if (!meta.org || !meta.year) title = { text: '', at: { line: 1, column: 1 } };

  return {
    ...(title ? { title } : {}),
    ...(org ? { org } : {}),
    ...(meta.type ? { type: meta.type } : {}),
    kind: meta.kind ?? (/工作要点\s*$/.test(meta.title) ? 'points' : 'plan'),
    ...(meta.level ? { level: meta.level } : {}),
    ...(guidance ? { guidance } : {}),
    body: prose,
    year: year ?? defaultPlanYear(today),
    yearKnown: year !== undefined,
    period,
    ...(date ? { date } : {}),
    parts: parts(doc.blocks, placeOf),
    targets,
    schedule,
  };
}
