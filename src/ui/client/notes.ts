import { byId, h } from './dom.js';

/** A problem or `check` finding as the server places it on a field. */
export interface FieldNote {
  path: (string | number)[];
  message: string;
  suggestion?: string;
  severity: 'invalid' | 'error' | 'warning';
}

const SEVERITY_NAMES = { invalid: '有误', error: '错误', warning: '提示' } as const;

/** The field (or the nearest enclosing part of the form) a path belongs to. */
function holderOf(root: HTMLElement, path: (string | number)[]): HTMLElement | undefined {
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    const holder = [...root.querySelectorAll<HTMLElement>('[data-paths]')].find((el) => el.dataset.paths!.split(' ').includes(key));
    if (holder) return holder;
  }
  return undefined;
}

/**
 * Shows notes beside their fields: a wrong value gets `aria-invalid` and its message, a `check`
 * finding its message and suggestion. Notes that concern no one field go to the list above the
 * preview. What was typed is never touched.
 */
export function showNotes(root: HTMLElement, notes: FieldNote[]): void {
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll<HTMLElement>('.note')) {
    el.replaceChildren();
    delete el.dataset.kind;
  }
  const general = byId('general-notes');
  general.replaceChildren();
  for (const note of notes) {
    const text = `${SEVERITY_NAMES[note.severity]}：${note.message}${note.suggestion ? `。建议：${note.suggestion}` : ''}`;
    const holder = holderOf(root, note.path);
    const line = holder?.querySelector<HTMLElement>(':scope > .note');
    if (!holder || !line) {
      general.append(h('li', { 'data-kind': note.severity }, text));
      continue;
    }
    line.append(h('span', { class: `note-${note.severity}` }, text));
    if (!line.dataset.kind || note.severity === 'invalid') line.dataset.kind = note.severity;
    if (note.severity === 'invalid')
      holder.querySelector(':scope > input, :scope > textarea, :scope > select')?.setAttribute('aria-invalid', 'true');
  }
}
