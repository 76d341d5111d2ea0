import { h } from './dom.js';
import { getAt, listAt, numberOrText, pathId, pathKey, setAt, shown, textOrNone, type Fields, type Path } from './paths.js';

/**
 * The outline as a form. Every control has a real <label>; each field has a note line below it
 * where problems and `check` findings are shown. Values are written into the outline as typed.
 */

/** What the form tells the page. */
export interface FormEvents {
  /** A value was typed: the preview follows after a pause. */
  changed(): void;
  /** 计划类型 was chosen: the type's defaults replace the form. */
  typeChosen(type: string): void;
  /** 工会全称, 上级工会 or 计划年度 was changed and left: the untouched default texts follow. */
  basicsCommitted(): void;
}

/** A type as the server lists it. */
export interface PlanType {
  type: string;
  name: string;
}

const PERIODS: [string, string][] = [
  ['annual', '全年'],
  ['first-half', '上半年'],
  ['second-half', '下半年'],
  ['first-term', '第一学期'],
  ['second-term', '第二学期'],
];

const SECTION_KINDS: [string, string][] = [
  ['ideology', '思想引领'],
  ['democracy', '民主管理'],
  ['rights', '维权服务'],
  ['quality', '素质提升'],
  ['self-building', '自身建设'],
  ['women', '女职工'],
  ['culture', '文体'],
  ['custom', '其他'],
];

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface FieldSpec {
  path: Path;
  label: string;
  kind?: 'text' | 'textarea' | 'select';
  options?: [string, string][];
  /** The value shown for what the outline holds. */
  read?: (value: unknown) => string;
  /** What the outline holds for what was typed (undefined: the key is left out). */
  write?: (text: string) => unknown;
  /** Other paths whose notes belong here (e.g. `months` for the month field). */
  aliases?: Path[];
  hint?: string;
  rows?: number;
  wide?: boolean;
}

export class OutlineForm {
  private fields: Fields = {};

  constructor(
    private readonly root: HTMLElement,
    private readonly types: PlanType[],
    private readonly events: FormEvents,
  ) {}

  /** The outline as it stands. */
  get outline(): Fields {
    return this.fields;
  }

  /** Replaces the outline and redraws the form. */
  load(fields: Fields): void {
    this.fields = fields;
    this.render();
  }

  /** Redraws the form, keeping the focus on the control that had it (by id). */
  render(focusId?: string): void {
    const active = focusId ?? (document.activeElement instanceof HTMLElement ? document.activeElement.id : '');
    this.root.replaceChildren(this.basics(), this.sections(), this.targets(), this.schedule());
    if (active) document.getElementById(active)?.focus();
  }

  private field(spec: FieldSpec): HTMLElement {
    const id = pathId(spec.path);
    const noteId = `${id}-note`;
    const hintId = spec.hint ? `${id}-hint` : undefined;
    const current = (spec.read ?? shown)(getAt(this.fields, spec.path));
    let control: Control;
    const common = { id, 'aria-describedby': [hintId, noteId].filter(Boolean).join(' ') };
    if (spec.kind === 'select') {
      const options = spec.options ?? [];
      // A value from an opened file that is not one of the choices is shown as it is (and marked
      // by validation), rather than silently shown as the first choice.
      const extra: [string, string][] =
        current !== '' && !options.some(([value]) => value === current) ? [[current, `${current}（无效）`]] : [];
      control = h(
        'select',
        common,
        ...[...extra, ...options].map(([value, text]) => h('option', { value, selected: value === current }, text)),
      );
    } else if (spec.kind === 'textarea') {
      control = h('textarea', { ...common, rows: textRows(current, spec.rows ?? 3) });
      control.value = current;
    } else {
      control = h('input', { ...common, type: 'text', autocomplete: 'off' });
      control.value = current;
    }
    const write = spec.write ?? textOrNone;
    control.addEventListener(spec.kind === 'select' ? 'change' : 'input', () => {
      setAt(this.fields, spec.path, write(control.value));
      this.events.changed();
    });
    const paths = [spec.path, ...(spec.aliases ?? [])].map(pathKey).join(' ');
    return h(
      'div',
      { class: spec.wide ? 'field wide' : 'field', 'data-paths': paths },
      h('label', { for: id }, spec.label),
      control,
      spec.hint ? h('p', { class: 'hint', id: hintId }, spec.hint) : undefined,
      h('p', { class: 'note', id: noteId }),
    );
  }

  private basics(): HTMLElement {
    const typeField = this.field({ path: ['type'], label: '计划类型', kind: 'select', options: this.types.map((t) => [t.type, t.name]) });
    const select = typeField.querySelector('select')!;
    select.addEventListener('change', () => this.events.typeChosen(select.value));
    const committing = (field: HTMLElement): HTMLElement => {
      field.querySelector('input')!.addEventListener('change', () => this.events.basicsCommitted());
      return field;
    };
    return h(
      'fieldset',
      { class: 'group basics' },
      h('legend', {}, '基本信息'),
      h(
        'div',
        { class: 'grid' },
        typeField,
        committing(this.field({ path: ['org'], label: '工会全称', hint: '用于标题和落款' })),
        committing(this.field({ path: ['superior'], label: '上级工会' })),
        committing(this.field({ path: ['year'], label: '计划年度', write: numberOrText, hint: '四位数年份，如 2027' })),
        this.field({ path: ['period'], label: '计划期间', kind: 'select', options: PERIODS }),
        this.field({ path: ['date'], label: '落款日期', hint: '如 2027-01-05' }),
      ),
      this.field({ path: ['title'], label: '标题（可不填）', hint: '不填时为“工会全称＋年度＋工作计划”', wide: true }),
      this.field({ path: ['preface'], label: '开头语', kind: 'textarea', rows: 2, wide: true }),
      this.field({ path: ['guidance'], label: '指导思想', kind: 'textarea', rows: 4, hint: '空一行即另起一段', wide: true }),
    );
  }

  /** Up, down and remove buttons for entry `index` of the list at `path`. */
  private moves(path: Path, index: number, what: string): HTMLElement {
    const list = listAt(this.fields, path);
    const button = (label: string, action: string, disabled: boolean, run: () => number | undefined): HTMLButtonElement => {
      const id = `${pathId([...path, index])}-${action}`;
      const b = h('button', { type: 'button', class: 'small', id, disabled, 'aria-label': `${label}${what}` }, label);
      b.addEventListener('click', () => {
        const to = run();
        this.events.changed();
        // Keep the focus on the same button of the entry that moved, or near the one removed.
        this.render(to === undefined ? undefined : `${pathId([...path, to])}-${action}`);
      });
      return b;
    };
    return h(
      'div',
      { class: 'moves' },
      button('上移', 'up', index === 0, () => {
        list.splice(index - 1, 0, ...list.splice(index, 1));
        return index - 1;
      }),
      button('下移', 'down', index === list.length - 1, () => {
        list.splice(index + 1, 0, ...list.splice(index, 1));
        return index + 1;
      }),
      button('删除', 'remove', false, () => {
        list.splice(index, 1);
        return list.length === 0 ? undefined : Math.min(index, list.length - 1);
      }),
    );
  }

  private addButton(path: Path, label: string, make: () => unknown): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'add', id: `${pathId(path)}-add` }, label);
    b.addEventListener('click', () => {
      const list = listAt(this.fields, path);
      list.push(make());
      this.events.changed();
      this.render(pathId([...path, list.length - 1, ...firstField(path)]));
    });
    return b;
  }

  private sections(): HTMLElement {
    const sections = listAt(this.fields, ['sections']);
    return h(
      'fieldset',
      { class: 'group', 'data-paths': 'sections' },
      h('legend', {}, '主要工作'),
      h('p', { class: 'note', id: 'f-sections-note' }),
      ...sections.map((_, i) => this.section(i)),
      this.addButton(['sections'], '添加板块', () => ({ kind: 'custom', title: '', items: [] })),
    );
  }

  private section(i: number): HTMLElement {
    const path: Path = ['sections', i];
    const items = listAt(this.fields, [...path, 'items']);
    return h(
      'fieldset',
      { class: 'section', 'data-paths': pathKey(path) },
      h('legend', {}, `板块 ${i + 1}`),
      this.moves(['sections'], i, `板块 ${i + 1}`),
      h('p', { class: 'note', id: `${pathId(path)}-note` }),
      h(
        'div',
        { class: 'grid two' },
        this.field({ path: [...path, 'kind'], label: '板块类别', kind: 'select', options: SECTION_KINDS }),
        this.field({ path: [...path, 'title'], label: '板块标题' }),
      ),
      this.field({ path: [...path, 'intro'], label: '板块导语', kind: 'textarea', rows: 2, wide: true }),
      h('div', { class: 'items' }, ...items.map((_, j) => this.item([...path, 'items'], j, 0, `板块 ${i + 1} 条目 ${j + 1}`))),
      this.addButton([...path, 'items'], '添加条目', () => ({ title: '', text: '' })),
    );
  }

  /** An item is text, or a title with text and (one level down) sub-items. */
  private item(listPath: Path, j: number, depth: number, name: string): HTMLElement {
    const path: Path = [...listPath, j];
    const raw = getAt(this.fields, path);
    if (typeof raw === 'string' || raw === null || raw === undefined) setAt(this.fields, path, { text: raw ?? '' });
    const subs = depth === 0 ? ((getAt(this.fields, [...path, 'items']) as unknown[] | undefined) ?? []) : [];
    return h(
      'fieldset',
      { class: depth === 0 ? 'item' : 'item sub', 'data-paths': pathKey(path) },
      h('legend', {}, depth === 0 ? `条目 ${j + 1}` : `子条目 ${j + 1}`),
      this.moves(listPath, j, name),
      h('p', { class: 'note', id: `${pathId(path)}-note` }),
      this.field({ path: [...path, 'title'], label: depth === 0 ? '条目标题' : '子条目标题', wide: true }),
      this.field({ path: [...path, 'text'], label: depth === 0 ? '条目内容' : '子条目内容', kind: 'textarea', rows: 3, wide: true }),
      depth === 0 && h('div', { class: 'subs' }, ...subs.map((_, k) => this.item([...path, 'items'], k, 1, `${name} 子条目 ${k + 1}`))),
      depth === 0 && this.addButton([...path, 'items'], '添加子条目', () => ({ title: '', text: '' })),
    );
  }

  private targets(): HTMLElement {
    const targets = listAt(this.fields, ['targets']);
    return h(
      'fieldset',
      { class: 'group', 'data-paths': 'targets' },
      h('legend', {}, '工作目标'),
      h('p', { class: 'note', id: 'f-targets-note' }),
      ...targets.map((_, i) =>
        h(
          'div',
          { class: 'row', 'data-paths': `targets.${i}` },
          h(
            'div',
            { class: 'grid four' },
            this.field({ path: ['targets', i, 'name'], label: '指标' }),
            this.field({ path: ['targets', i, 'value'], label: '目标值', write: numberOrText }),
            this.field({ path: ['targets', i, 'unit'], label: '单位' }),
            this.field({ path: ['targets', i, 'note'], label: '说明' }),
          ),
          this.moves(['targets'], i, `目标 ${i + 1}`),
          h('p', { class: 'note', id: `${pathId(['targets', i])}-note` }),
        ),
      ),
      this.addButton(['targets'], '添加目标', () => ({ name: '', value: '', unit: '' })),
    );
  }

  private schedule(): HTMLElement {
    const entries = listAt(this.fields, ['schedule']);
    return h(
      'fieldset',
      { class: 'group', 'data-paths': 'schedule' },
      h('legend', {}, '月度安排'),
      h('p', { class: 'note', id: 'f-schedule-note' }),
      ...entries.map((_, i) => {
        const path: Path = ['schedule', i];
        return h(
          'div',
          { class: 'row', 'data-paths': pathKey(path) },
          h(
            'div',
            { class: 'grid schedule' },
            this.field({
              path: [...path, 'month'],
              label: '月份',
              read: () => monthsText(getAt(this.fields, path)),
              write: (text) => writeMonths(this.fields, path, text),
              aliases: [[...path, 'months']],
              hint: '如 3，跨月写 7-8',
            }),
            this.field({
              path: [...path, 'items'],
              label: '工作内容（每行一项）',
              kind: 'textarea',
              rows: 2,
              read: linesText,
              write: writeLines,
            }),
            this.field({ path: [...path, 'owner'], label: '责任部门' }),
          ),
          this.moves(['schedule'], i, `${monthsText(getAt(this.fields, path)) || i + 1}月`),
          h('p', { class: 'note', id: `${pathId(path)}-note` }),
        );
      }),
      this.addButton(['schedule'], '添加月份', () => ({ month: '', items: [] })),
    );
  }
}

/** The field a new entry of a list gets the focus in. */
function firstField(listPath: Path): Path {
  const last = listPath[listPath.length - 1];
  if (last === 'targets') return ['name'];
  if (last === 'schedule') return ['month'];
  return ['title'];
}

/** `3`, or `7-8` for a span. */
function monthsText(entry: unknown): string {
  const e = (entry ?? {}) as { month?: unknown; months?: unknown };
  if (Array.isArray(e.months)) return e.months.map(shown).join('-');
  return shown(e.month);
}

/** `7-8`, `7—8`, `7、8` → `months: [7, 8]`; `3` → `month: 3`; anything else as typed, for validation to name. */
function writeMonths(fields: Fields, path: Path, text: string): unknown {
  const entry = getAt(fields, path) as Record<string, unknown>;
  delete entry.months;
  const parts = text.split(/[-—–~～至到,，、\s]+/).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => /^\d{1,2}$/.test(p))) {
    entry.months = parts.map(Number);
    return undefined;
  }
  return numberOrText(text);
}

function linesText(value: unknown): string {
  if (Array.isArray(value)) return value.map(shown).join('\n');
  return shown(value);
}

function writeLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** Rows enough for a text as a form column shows it (about 40 characters a line), within limits. */
function textRows(text: string, least: number): number {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 40)), 0);
  return Math.min(10, Math.max(least, lines));
}
