import { getFile, getJson, postFile, saveDownload } from './api.js';
import { byId, h } from './dom.js';

interface BatchStatus {
  state: 'running' | 'done' | 'failed';
  total: number;
  finished: number;
  counts: Record<string, number>;
  units: { row: number; name: string; status: string; failed: boolean; problems: string[]; notes: string[] }[];
  messages: string[];
  zip: boolean;
}

const POLL_MS = 400;

/** 批量生成: a roster in, progress while it runs, each union's result and the zip out. */
export function setUpBatch(): void {
  const form = byId<HTMLFormElement>('batch-form');
  const progress = byId<HTMLProgressElement>('batch-progress');
  const state = byId('batch-state');
  const results = byId('batch-results');
  const zipButton = byId<HTMLButtonElement>('batch-zip');
  let current: string | undefined;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const file = byId<HTMLInputElement>('batch-file').files?.[0];
      if (!file) {
        state.textContent = '请先选择名录文件（CSV 或 Excel）';
        return;
      }
      const formats = [...form.querySelectorAll<HTMLInputElement>('input[name="format"]:checked')].map((box) => box.value);
      if (formats.length === 0) {
        state.textContent = '请至少选择一种格式';
        return;
      }
      zipButton.hidden = true;
      results.replaceChildren();
      progress.value = 0;
      state.textContent = '正在读取名录…';
      try {
        const { id } = (await (await postFile(`/api/batch?format=${formats.join(',')}`, file)).json()) as { id: string };
        current = id;
        await follow(id);
      } catch (error) {
        state.textContent = `未能生成：${(error as Error).message}`;
      }
    })();
  });

  async function follow(id: string): Promise<void> {
    for (;;) {
      const status = await getJson<BatchStatus>(`/api/batch/${id}`);
      progress.max = Math.max(1, status.total);
      progress.value = status.finished;
      if (status.state === 'running') {
        state.textContent = status.total ? `正在生成：${status.finished}/${status.total}` : '正在读取名录…';
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        continue;
      }
      show(status);
      return;
    }
  }

  function show(status: BatchStatus): void {
    if (status.state === 'failed') {
      state.textContent = `未能生成：${status.messages.join('；')}`;
      return;
    }
    const failed = status.units.filter((u) => u.failed).length;
    state.textContent = `完成：生成 ${status.counts.done ?? 0} 个单位${failed ? `，${failed} 个出错（见下表）` : ''}`;
    progress.value = progress.max;
    results.replaceChildren(
      h('caption', {}, '每个单位的结果'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, '行'),
          h('th', { scope: 'col' }, '单位'),
          h('th', { scope: 'col' }, '状态'),
          h('th', { scope: 'col' }, '说明'),
        ),
      ),
      h(
        'tbody',
        {},
        ...status.units.map((u) =>
          h(
            'tr',
            { class: u.failed ? 'failed' : undefined },
            h('td', {}, String(u.row)),
            h('td', {}, u.name),
            h('td', {}, u.status),
            h('td', {}, [...u.problems, ...u.notes].join('；')),
          ),
        ),
      ),
    );
    zipButton.hidden = !status.zip;
    if (status.zip) zipButton.focus();
  }

  zipButton.addEventListener('click', () => {
    if (!current) return;
    void (async () => {
      try {
        await saveDownload(await getFile(`/api/batch/${current}/zip`), '计划.zip');
      } catch (error) {
        state.textContent = `下载失败：${(error as Error).message}`;
      }
    })();
  });
}
