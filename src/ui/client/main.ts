import { ApiError, getJson, postFile, postJson, saveDownload } from './api.js';
import { setUpBatch } from './batch-tab.js';
import { byId, say } from './dom.js';
import { followDefaults } from './follow-defaults.js';
import { OutlineForm, type PlanType } from './form.js';
import { showNotes, type FieldNote } from './notes.js';
import type { Fields } from './paths.js';
import { Preview } from './preview.js';

/** The page: the outline form with its preview and buttons, and the 批量生成 tab. */

function setUpTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement): void => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      byId(t.getAttribute('aria-controls')!).hidden = !on;
    }
    tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        select(tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!);
        event.preventDefault();
      }
    });
  });
}

async function start(): Promise<void> {
  const { types, unit } = await getJson<{ types: PlanType[]; unit: { org?: string; superior?: string; type?: string } }>('/api/types');
  const formRoot = byId('outline-form');
  let preview: Preview | undefined;
  // The defaults the form was last filled from: texts still equal to them are the type's, not the user's.
  let defaults: Fields = {};
  const fetchDefaults = async (type: string, keep: Fields): Promise<Fields> => {
    const query = new URLSearchParams({ type });
    for (const key of ['org', 'superior', 'year'] as const) if (keep[key] !== undefined) query.set(key, String(keep[key]));
    return (await getJson<{ outline: Fields }>(`/api/defaults?${query.toString()}`)).outline;
  };
  const loadType = async (type: string, keep: Fields): Promise<void> => {
    defaults = await fetchDefaults(type, keep);
    form.load(structuredClone(defaults));
    say(`已填入“${types.find((t) => t.type === type)?.name ?? type}”计划的默认内容`);
    await preview!.update();
  };
  const followBasics = async (): Promise<void> => {
    const current = form.outline;
    if (typeof current.type !== 'string') return;
    const next = await fetchDefaults(current.type, current);
    const followed = followDefaults(current, defaults, next) as Fields;
    // The basics themselves are the user's, whatever the defaults say.
    for (const key of ['org', 'superior', 'year'] as const) {
      if (current[key] === undefined) delete followed[key];
      else followed[key] = current[key];
    }
    defaults = next;
    form.load(followed);
    await preview!.update();
  };
  const form: OutlineForm = new OutlineForm(formRoot, types, {
    changed: () => preview!.schedule(),
    typeChosen: (type) => void loadType(type, form.outline),
    basicsCommitted: () => void followBasics().catch((error: unknown) => say(`更新默认内容失败：${(error as Error).message}`, 'error')),
  });
  preview = new Preview(formRoot, () => form.outline);

  const download = (format: string, label: string) => async (): Promise<void> => {
    try {
      const name = await saveDownload(await postJson(`/api/download?format=${format}`, { outline: form.outline }), `plan.${format}`);
      say(`已下载 ${name}`);
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.body.notes)) showNotes(formRoot, error.body.notes as FieldNote[]);
      say(`${label}失败：${(error as Error).message}`, 'error');
    }
  };
  const on = (id: string, run: () => Promise<void>): void => byId(id).addEventListener('click', () => void run());
  on('download-docx', download('docx', '下载 Word '));
  on('download-pdf', download('pdf', '下载 PDF '));
  on('download-md', download('md', '下载 Markdown '));
  on('save-outline', async () => {
    try {
      const name = await saveDownload(await postJson('/api/outline', { outline: form.outline }), 'plan.yaml');
      say(`已保存提纲 ${name}`);
    } catch (error) {
      say(`保存失败：${(error as Error).message}`, 'error');
    }
  });
  const fileInput = byId<HTMLInputElement>('open-file');
  on('open', async () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void (async () => {
      try {
        const opened = (await (await postFile('/api/open', file)).json()) as { outline: Fields; notes: string[] };
        form.load(opened.outline);
        say([`已打开 ${file.name}`, ...opened.notes].join('；'));
        await preview!.update();
      } catch (error) {
        say(`无法打开：${(error as Error).message}`, 'error');
      } finally {
        fileInput.value = '';
      }
    })();
  });

  setUpTabs();
  setUpBatch();
  // The unit's own settings (unionplan.config.yaml), when the folder has them.
  const { type: unitType, ...basics } = unit;
  await loadType(unitType ?? types[0]!.type, basics);
}

void start().catch((error: unknown) => say(`页面加载失败：${(error as Error).message}`, 'error'));
