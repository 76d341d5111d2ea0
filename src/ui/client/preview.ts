import { postJson } from './api.js';
import { byId, h } from './dom.js';
import { showNotes, type FieldNote } from './notes.js';
import type { Fields } from './paths.js';

/** What the server answers for the form's outline. */
interface PreviewAnswer {
  notes: FieldNote[];
  title?: string;
  pages?: number;
  pageWidth?: number;
  pageHeight?: number;
  svg?: string;
}

/** How long typing must pause before the preview follows. */
export const PREVIEW_DELAY_MS = 300;

/**
 * The live 预览: the plan laid out by the PDF writer, one box per A4 page, each showing its part of
 * one SVG image (the image is decoded once). The title is the region's text and each page's alt
 * text. A newer request wins over an older answer that arrives late.
 */
export class Preview {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent = 0;
  private shown = 0;
  private image: string | undefined;

  constructor(
    private readonly form: HTMLElement,
    private readonly outline: () => Fields,
  ) {}

  /** Updates after a pause in typing. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), PREVIEW_DELAY_MS);
  }

  /** Updates now. */
  async update(): Promise<void> {
    clearTimeout(this.timer);
    const id = ++this.sent;
    const region = byId('preview');
    region.setAttribute('aria-busy', 'true');
    let answer: PreviewAnswer;
    try {
      answer = (await (await postJson('/api/preview', { outline: this.outline() })).json()) as PreviewAnswer;
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
    if (answer.svg === undefined || answer.pages === undefined || answer.title === undefined) {
      byId('preview-state').textContent = `提纲中有 ${invalid} 处需要改正（已在左侧标出），预览为改正前的样子`;
      region.removeAttribute('aria-busy');
      region.dataset.version = String(id);
      return;
    }
    await this.draw(answer.title, answer.pages, answer.svg, `${answer.pageWidth ?? 210} / ${answer.pageHeight ?? 297}`);
    const findings = answer.notes.length;
    byId('preview-state').textContent = `共 ${answer.pages} 页${findings ? `；检查发现 ${findings} 个问题，已在左侧相应位置标出` : '；检查未发现问题'}`;
    region.removeAttribute('aria-busy');
    region.dataset.version = String(id);
  }

  private async draw(title: string, pages: number, svg: string, aspect: string): Promise<void> {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    // Decoded once, before the old pages are replaced, so the preview never blinks empty.
    const probe = new Image();
    probe.src = url;
    await probe.decode().catch(() => undefined);
    const boxes = Array.from({ length: pages }, (_, k) =>
      h(
        'div',
        { class: 'page' },
        h('img', { src: url, alt: k === 0 ? `${title}（第 1 页，共 ${pages} 页）` : `${title}（第 ${k + 1} 页）` }),
      ),
    );
    boxes.forEach((box, k) => {
      box.style.aspectRatio = aspect;
      const img = box.firstElementChild as HTMLImageElement;
      img.style.height = `${pages * 100}%`;
      img.style.top = `${-k * 100}%`;
    });
    byId('preview-title').textContent = title;
    byId('pages').replaceChildren(...boxes);
    if (this.image) URL.revokeObjectURL(this.image);
    this.image = url;
  }
}
