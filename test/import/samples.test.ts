import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseMarkdown } from '../../src/document/parse.js';
import { importPlan } from '../../src/import/import-plan.js';
import { enumerationWord, typedNumber } from '../../src/import/number-forms.js';
import { monthLine } from '../../src/import/schedule.js';
import type { Outline, OutlineItem } from '../../src/outline/types.js';
import { TODAY, markdownOf, registry } from './helpers.js';

const DIR = new URL('../fixtures/import/samples/', import.meta.url);
const EXPECTED = YAML.parse(readFileSync(new URL('../fixtures/import/expected.yaml', import.meta.url), 'utf8')) as Record<string, Expected>;

interface Expected {
  type: string;
  preface: boolean;
  guidance: boolean;
  months: number[];
  sections: { title?: string; title_prefix?: string; items: (string | null)[] }[];
}

/** Chinese characters only: what a reader would call the words, whatever the punctuation. */
const han = (text: string) => text.replace(/[^\p{Script=Han}]/gu, '');

function itemText(item: OutlineItem): string {
  return `${item.title ?? ''}${item.text ?? ''}${(item.items ?? []).map(itemText).join('')}`;
}

/** Every word the outline holds, in its order. */
function outlineWords(outline: Outline): string {
  return han(
    [
      outline.preface ?? '',
      outline.guidance ?? '',
      ...outline.sections.map((s) => `${s.title}${s.intro ?? ''}${s.items.map(itemText).join('')}`),
      ...outline.schedule.map((e) => e.items.join('')),
    ].join(''),
  );
}

/** Headings the plan says in its template's words (指导思想, 主要工作, the schedule's heading). */
const STRUCTURE_WORDS = new Set(['指导思想', '指导思想和工作重点', '主要工作', '具体工作安排', '具体月工作安排']);

describe.each(Object.keys(EXPECTED))('seed sample %s', (name) => {
  const expected = EXPECTED[name]!;
  const bytes = readFileSync(new URL(name, DIR));

  it('imports into an outline with the sections a careful reader finds, and builds', async () => {
    const { outline, yaml } = await importPlan(bytes, name, { registry, today: TODAY });
    expect(outline.type).toBe(expected.type);
    expect(Boolean(outline.preface)).toBe(expected.preface);
    expect(Boolean(outline.guidance)).toBe(expected.guidance);
    expect(outline.schedule.flatMap((e) => e.months)).toEqual(expected.months);
    expect(outline.sections).toHaveLength(expected.sections.length);
    outline.sections.forEach((section, i) => {
      const want = expected.sections[i]!;
      if (want.title_prefix) expect(section.title.startsWith(want.title_prefix)).toBe(true);
      else expect(section.title).toBe(want.title);
      expect(section.items.map((item) => item.title ?? null)).toEqual(want.items);
    });
    const markdown = await markdownOf(yaml);
    const doc = parseMarkdown('plan.md', markdown);
    expect(doc.blocks.filter((b) => b.type === 'heading' && b.level === 2)).toHaveLength(expected.sections.length);
  });

  it('keeps every word of the source (numbers and month labels aside)', async () => {
    const { outline, summary } = await importPlan(bytes, name, { registry, today: TODAY });
    expect(summary.dropped).toEqual([]);
    const words = outlineWords(outline);
    const lines = bytes
      .toString('utf8')
      .split(/\r?\n/)
      .map((l) => l.replace(/^\s*-\s+/, '').trim())
      .filter((l) => l !== '');
    for (const line of lines) {
      const month = monthLine(line);
      const body = month
        ? month.rest.replace(/(?:1[0-2]|[1-9])月份?[：:]/g, '')
        : (typedNumber(line)?.rest ?? enumerationWord(line)?.rest ?? line);
      // “指导思想：” before the text is said by the template's heading.
      const text = han(body.replace(/^指导思想[：:]/, ''));
      if (text === '' || STRUCTURE_WORDS.has(text)) continue;
      expect(words, line).toContain(text);
    }
  });
});
