import type { Outline, OutlineItem } from '../../outline/types.js';
import type { YamlSource } from '../../io/yaml-source.js';
import { monthLabel } from '../../templates/view.js';
import type { PlanShape, ShapePart, ShapeText } from './plan-shape.js';

/** Items that become numbered headings: those with a title (a text-only item is a paragraph). */
function numbered(items: readonly OutlineItem[] | undefined): number {
  return (items ?? []).filter((item) => item.title !== undefined && item.title.trim() !== '').length;
}

/**
 * The structure of a validated outline, each part placed at its field in `plan.yaml`. Mirrors
 * what the templates render: 主要工作 is level 1, sections level 2, titled items level 3.
 */
export function outlineShape(outline: Outline, source: YamlSource): PlanShape {
  // Year and date the outline states, as opposed to the defaults the loader filled in.
  const stated = (key: string) => source.doc.get(key) !== undefined && source.doc.get(key) !== null;
  const parts: ShapePart[] = [];
  if (outline.sections.length > 0) {
    parts.push({ level: 1, title: '主要工作', at: source.locate(['sections'], 'key'), children: outline.sections.length, empty: false });
  }
  outline.sections.forEach((section, i) => {
    parts.push({
      level: 2,
      title: section.title,
      at: source.locate(['sections', i, 'title']),
      children: numbered(section.items),
      empty: section.items.length === 0 && !section.intro?.trim(),
    });
    section.items.forEach((item, j) => {
      if (!item.title?.trim()) return;
      parts.push({
        level: 3,
        title: item.title,
        at: source.locate(['sections', i, 'items', j, 'title']),
        children: numbered(item.items),
        empty: false,
      });
    });
  });
  const datedItems: NonNullable<PlanShape['datedItems']> = [];
  const dated = (items: readonly OutlineItem[] | undefined, path: (string | number)[]) =>
    (items ?? []).forEach((item, j) => {
      const range = (source.doc.getIn([...path, j], true) as { range?: [number, number, number] } | undefined)?.range;
      if (item.months && range) datedItems.push({ start: range[0], end: range[2], months: item.months });
      dated(item.items, [...path, j, 'items']);
    });
  outline.sections.forEach((section, i) => {
    dated(section.items, ['sections', i, 'items']);
  });
  const body: ShapeText[] = [];
  const add = (text: string | undefined, path: (string | number)[]) => {
    if (text?.trim()) body.push({ text, at: source.locate(path) });
  };
  add(outline.preface, ['preface']);
  outline.sections.forEach((section, i) => {
    add(section.title, ['sections', i, 'title']);
    add(section.intro, ['sections', i, 'intro']);
    const items = (list: readonly OutlineItem[] | undefined, path: (string | number)[]) =>
      (list ?? []).forEach((item, j) => {
        add(item.title, [...path, j, 'title']);
        add(item.text, [...path, j, 'text']);
        items(item.items, [...path, j, 'items']);
      });
    items(section.items, ['sections', i, 'items']);
  });
  return {
    // Only a title the user wrote: the default one names the unit and the year by construction.
    ...(outline.title !== undefined ? { title: { text: outline.title, at: source.locate(['title']) } } : {}),
    org: outline.org,
    type: outline.type,
    kind: outline.kind ?? 'plan',
    ...(outline.level ? { level: outline.level } : {}),
    ...(outline.guidance?.trim() ? { guidance: { text: outline.guidance, at: source.locate(['guidance']) } } : {}),
    body,
    year: outline.year,
    yearKnown: stated('year'),
    period: outline.period,
    ...(stated('date') ? { date: { iso: outline.date, text: String(source.doc.get('date')), at: source.locate(['date']) } } : {}),
    parts,
    targets: outline.targets.map((target, i) => ({
      name: target.name,
      value: target.value === undefined ? '' : String(target.value).trim(),
      at: source.locate(['targets', i, 'value']),
    })),
    schedule: outline.schedule.map((entry, i) => {
      const key = source.doc.hasIn(['schedule', i, 'months']) ? 'months' : 'month';
      return {
        label: monthLabel(entry.months),
        months: entry.months,
        text: entry.items.join('\n'),
        at: source.locate(['schedule', i, key]),
      };
    }),
    datedItems,
  };
}
