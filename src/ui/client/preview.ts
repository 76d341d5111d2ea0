import { postJson, withToken } from './api.js';
import { byId, h } from './dom.js';
import { showNotes, type FieldNote } from './notes.js';
import type { Fields } from './paths.js';

/** What the server answers for the form's outline. */
interface PreviewAnswer {
  notes: FieldNote[];
  title?: string;
  /** The preview's number: its pages are images at /api/preview/<number>/<page>.svg. */
  preview?: number;
  pages?: number;
  pageWidth?: number;
  pageHeight?: number;
}

/** How long typing must pause before the preview follows. */
export const PREVIEW_DELAY_MS = 300;

/**
 * The live 预览: the plan laid out by the PDF writer, one image per A4 page. The title is the
 * region's heading and each page's alt text. A newer request wins over an older answer that
 * arrives late.
 */
export class Preview {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent = 0;
  private shown = 0;
  private busy = false;
  private again = false;

  constructor(
    private readonly form: HTMLElement,
    private readonly outline: () => Fields,
  ) {}

  /** Updates after a pause in typing. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), PREVIEW_DELAY_MS);
  }

  /** Updates now; while an update is on its way, once more after it (only the latest outline counts). */
  async update(): Promise<void> {
    clearTimeout(this.timer);
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      await this.fetchAndDraw();
    } finally {
      this.busy = false;
    }
    if (this.again) {
      this.again = false;
      await this.update();
    }
  }

  private async fetchAndDraw(): Promise<void> {
    const id = ++this.sent;
    const region = byId('preview');
    region.setAttribute('aria-busy', 'true');
    let answer: PreviewAnswer;
    // Marks for `npm run bench`: where the time between a keystroke and the new pages goes.
    performance.mark('preview-request');
    try {
      answer = (await (await postJson('/api/preview', { outline: this.outline() })).json()) as PreviewAnswer;
      performance.mark('preview-answer');
    } catch (error) {
      if (id === this.sent) {
        byId('preview-state').textContent = `预览失败：${(error as Error).message}`;
        region.removeAttribute('aria-busy');
      }
      return;
    }
    if (id < this.shown || id !== this.sent) return;
    this.shown = id;
    showNotes(this.form, answer.notes);
    const invalid = answer.notes.filter((n) => n.severity === 'invalid').length;
    if (answer.pages === undefined || answer.title === undefined || answer.preview === undefined) {
      byId('preview-state').textContent = `提纲中有 ${invalid} 处需要改正（已在左侧标出），预览为改正前的样子`;
      region.removeAttribute('aria-busy');
      region.dataset.version = String(id);
      return;
    }
    await this.draw(answer.title, answer.preview, answer.pages, `${answer.pageWidth ?? 210} / ${answer.pageHeight ?? 297}`);
    const findings = answer.notes.length;
    byId('preview-state').textContent =
      `共 ${answer.pages} 页${findings ? `；检查发现 ${findings} 个问题，已在左侧相应位置标出` : '；检查未发现问题'}`;
    region.removeAttribute('aria-busy');
    performance.mark('preview-shown');
    region.dataset.version = String(id);
  }

  private async draw(title: string, preview: number, pages: number, aspect: string): Promise<void> {
    const images = Array.from({ length: pages }, (_, k) =>
      h('img', {
        src: withToken(`/api/preview/${preview}/${k}.svg`),
        alt: k === 0 ? `${title}（第 1 页，共 ${pages} 页）` : `${title}（第 ${k + 1} 页）`,
        // Pages further down load as they are scrolled to.
        loading: k < 2 ? 'eager' : 'lazy',
        decoding: 'async',
      }),
    );
    // The first pages are decoded before the old ones go, so the preview never blinks empty.
    await Promise.all(images.slice(0, 2).map((img) => img.decode().catch(() => undefined)));
    const boxes = images.map((img) => {
      const box = h('div', { class: 'page' }, img);
      box.style.aspectRatio = aspect;
      return box;
    });
    byId('preview-title').textContent = title;
    byId('pages').replaceChildren(...boxes);
  }
}
