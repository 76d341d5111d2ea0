import { SECTION_KINDS } from '../outline/validate.js';
import type { OutlineSection, OutlineTarget } from '../outline/types.js';
import { bare, blockText, flatText, headingLike, itemsOf, joinParagraphs, runIn } from './items.js';
import { guessKind } from './kinds.js';
import { excerpt, type ImportNotes } from './report.js';
import type { SourceParagraph, SourceTable } from './source.js';
import type { OutlineNode, PlanTree } from './structure.js';
import { targetsFromTable, targetsFromText } from './targets.js';

/** The parts of an outline that come from the body of the plan. */
export interface BodyParts {
  preface?: string;
  guidance?: string;
  targets: OutlineTarget[];
  sections: OutlineSection[];
}

const GUIDANCE = /^指导思想/;
const TARGETS = /^(工作目标|目标任务|主要目标|工作指标|目标要求|奋斗目标|总体目标|年度目标|主要指标|目标)$/;
const CONTAINER =
  /^(主要工作|工作任务|主要任务|工作措施|重点工作|工作内容|具体措施|工作要点|主要措施|工作重点|主要内容|具体工作|主要工作任务|工作举措|主要工作及措施|重点工作任务|主要工作和措施)$/;
/** “以习近平新时代……为指导，” as the 指导思想 opens. */
const GUIDES = /^(?:坚持)?以.{1,60}?为(?:指导|指针|统领)[，,]/;

function section(node: OutlineNode, notes: ImportNotes): OutlineSection {
  let title: string;
  const intro: string[] = [];
  if (headingLike(node)) title = bare(node.text);
  else {
    const split = runIn(node.text, 40);
    if (split.title) {
      title = split.title;
      if (split.text) intro.push(split.text);
    } else {
      // A heading run into a long sentence: its first clauses name the section.
      const clauses = node.text.split(/(?<=[，,])/);
      title = '';
      while (clauses.length && bare(title).length < 12) title += clauses.shift();
      title = bare(title);
      if (clauses.length) intro.push(clauses.join(''));
      notes.notes.push(`${node.origin} 的板块标题与正文连在一起，取了前几个分句“${title}”作标题，请核对`);
    }
  }
  intro.push(...node.body.map((b) => blockText(b, notes, title)));
  const items = itemsOf(node.children, notes, title);
  const all = [intro.join(''), ...items.map((i) => `${i.title ?? ''}${i.text ?? ''}`)].join('');
  const joined = joinParagraphs(intro);
  return { kind: guessKind(title, all), title, ...(joined ? { intro: joined } : {}), items };
}

/** True when the number of a node is the first of its list (一、 1. （1） 第一 ①). */
function isFirst(node: OutlineNode): boolean {
  return /^(?:第)?[（(]?(?:一|1|１)[、.．，）)]|^①/.test(node.raw) && !/^[（(]?(?:一|1)\d/.test(node.raw);
}

/**
 * Sections made from items whose section headings the source lost (a web page that dropped
 * them): a list that starts again at 1 begins a new section, and the paragraph just before it,
 * when there is one, is the new section's opening.
 */
function sectionsFromItems(nodes: OutlineNode[], notes: ImportNotes): OutlineSection[] {
  const groups: { intro?: SourceParagraph | SourceTable; nodes: OutlineNode[] }[] = [];
  for (const node of nodes) {
    const current = groups[groups.length - 1];
    if (!current || isFirst(node)) {
      let intro: SourceParagraph | SourceTable | undefined;
      const prev = current?.nodes[current.nodes.length - 1];
      if (prev) {
        let deepest = prev;
        while (deepest.children.length) deepest = deepest.children[deepest.children.length - 1]!;
        const candidate = deepest.body[deepest.body.length - 1];
        if (candidate && (deepest.body.length > 1 || !headingLike(deepest))) intro = deepest.body.pop();
      }
      groups.push({ ...(intro ? { intro } : {}), nodes: [node] });
    } else current.nodes.push(node);
  }
  return groups.map((group, n) => {
    const items = itemsOf(group.nodes, notes, '');
    const introText = group.intro ? blockText(group.intro, notes, '') : undefined;
    const all = [introText ?? '', ...items.map((i) => `${i.title ?? ''}${i.text ?? ''}`)].join('');
    const kind = guessKind('', all);
    let title: string;
    if (introText) {
      title = bare(introText.split(/[，,。；;：:]/)[0] ?? '').slice(0, 30);
      notes.notes.push(`第 ${n + 1} 个板块原文没有标题，取了开头一句“${title}”作标题，请修改`);
    } else if (kind !== 'custom') {
      title = '';
      notes.notes.push(`第 ${n + 1} 个板块原文没有标题，按内容暂用“${SECTION_KINDS[kind]}”作标题，请修改`);
    } else {
      title = '其他工作';
      notes.notes.push(`第 ${n + 1} 个板块原文没有标题，暂定为“其他工作”，请修改`);
    }
    return { kind, title, ...(introText ? { intro: introText } : {}), items };
  });
}

/**
 * Turns the tree into the outline's body: the opening text into `preface`, 指导思想 into
 * `guidance`, 工作目标 into `targets`, the sections with their items. Whatever is not
 * recognised stays as text in the nearest section.
 */
export function bodyParts(tree: PlanTree, notes: ImportNotes): BodyParts {
  const parts: BodyParts = { targets: [], sections: [] };
  // An opening that says what guides the work (“以……为指导，”) is the 指导思想 without its heading.
  const lead = [...tree.lead];
  const guides = lead.findIndex((b) => b.kind === 'paragraph' && GUIDES.test(b.text));
  const found = lead[guides];
  if (found?.kind === 'paragraph' && !tree.nodes.some((n) => GUIDANCE.test(bare(n.text)))) {
    lead.splice(guides, 1);
    parts.guidance = found.text;
    notes.notes.push(`${found.origin} ${excerpt(found.text)} 没有标题，按“以……为指导”读作指导思想`);
  }
  parts.preface = joinParagraphs(lead.map((b) => blockText(b, notes, '开头语')));
  const special = tree.nodes.some((n) => GUIDANCE.test(bare(n.text)) || TARGETS.test(bare(n.text)) || CONTAINER.test(bare(n.text)));
  const runInCount = tree.nodes.filter((n) => !headingLike(n)).length;
  if (!special && tree.nodes.length > 0 && runInCount * 2 > tree.nodes.length) {
    notes.notes.push('原文最高一级编号的段落都是带正文的条目，没有板块标题：按编号重新从 1 开始处分成板块');
    parts.sections = sectionsFromItems(tree.nodes, notes);
    return parts;
  }
  for (const node of tree.nodes) {
    const title = bare(node.text);
    if (GUIDANCE.test(title)) {
      let text = [
        ...(headingLike(node) ? [] : [node.text.replace(/^指导思想[：:]?/, '')]),
        ...node.body.map((b) => blockText(b, notes, '指导思想')),
        ...node.children.flatMap((c) => flatText(c, notes, '指导思想')),
      ];
      // 指导思想和工作重点: the paragraphs headed 工作重点： make a section of that name.
      const other = /^指导思想[和与及、](.{2,12})$/.exec(title)?.[1];
      if (other) {
        const label = new RegExp(`^${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[：:]`);
        const own = text.filter((t) => label.test(t));
        if (own.length) {
          text = text.filter((t) => !label.test(t));
          parts.sections.push({
            kind: guessKind(other, own.join('')),
            title: other,
            intro: own.map((t) => t.replace(label, '')).join('\n\n'),
            items: [],
          });
          notes.notes.push(`${node.origin} “${title}”：指导思想读作 guidance，“${other}”另成一个板块`);
        }
      }
      const guidance = joinParagraphs(text.map((t) => t.replace(/^指导思想[：:]/, '')));
      parts.guidance = parts.guidance && guidance ? `${parts.guidance}\n\n${guidance}` : (guidance ?? parts.guidance);
      continue;
    }
    if (TARGETS.test(title)) {
      const tables = node.body.filter((b): b is SourceTable => b.kind === 'table');
      const paragraphs = [
        ...node.body.filter((b): b is SourceParagraph => b.kind === 'paragraph').map((b) => b.text),
        ...node.children.flatMap((c) => [c.text, ...c.body.map((b) => (b.kind === 'paragraph' ? b.text : ''))]),
      ];
      const fromTables = tables.map((t) => targetsFromTable(t.rows));
      const fromText = paragraphs.length ? targetsFromText(paragraphs) : [];
      if (fromTables.every((t) => t !== undefined) && fromText !== undefined) {
        parts.targets.push(...fromTables.flatMap((t) => t ?? []), ...fromText);
        continue;
      }
      notes.keptAsText.push(`${node.origin} “${title}”中有的内容不是“名称+数值”的指标，整段保留为一个板块`);
    }
    if (CONTAINER.test(title) && node.children.length > 0 && node.children.some((c) => headingLike(c))) {
      const sections = node.children.map((child) => section(child, notes));
      // Text between 主要工作 and its first section opens that section.
      const lead = joinParagraphs(node.body.map((b) => blockText(b, notes, title)));
      if (lead) {
        const first = sections[0]!;
        first.intro = first.intro ? `${lead}\n\n${first.intro}` : lead;
        notes.keptAsText.push(`${node.origin} “${title}”下的导语并入了第一个板块的导语`);
      }
      parts.sections.push(...sections);
      if (title !== '主要工作') notes.notes.push(`${node.origin} 的标题“${title}”在新计划中由模板写作“主要工作”`);
      continue;
    }
    parts.sections.push(section(node, notes));
  }
  for (const s of parts.sections) {
    if (s.items.length === 0 && !s.intro) notes.keptAsText.push(`板块 ${excerpt(s.title)} 没有内容`);
  }
  return parts;
}
