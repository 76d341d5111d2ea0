import type { IncomingMessage } from 'node:http';
import { defaultPlanDate, defaultPlanYear, planYear } from '../vocab/dates.js';
import { isPeriod } from '../vocab/periods.js';
import { defaultTitle } from '../vocab/title.js';
import { commentedOutlineText, newOutlineFields } from '../templates/new-outline.js';
import type { TemplateRegistry } from '../templates/registry.js';
import { loadWriter } from '../writers/index.js';
import { readJson } from './body.js';
import { formPlan, pageFields } from './form-plan.js';
import { HttpError } from './http-error.js';
import type { Reply } from './reply.js';

/** What the plan handlers share: the templates and the fonts the CLI would use, and the unit's defaults. */
export interface PlanContext {
  registry: TemplateRegistry;
  fontDirs?: string[];
  unit?: UnitDefaults;
}

/** The unit's own defaults (unionplan.config.yaml), which the form starts from; `type` is a template's key. */
export interface UnitDefaults {
  org?: string;
  superior?: string;
  type?: string;
}

/**
 * The last few previews' page images, by preview number. The page asks for each page as an image
 * of its own (only those in view, as the user scrolls), so a preview's answer is small and the
 * SVGs never pass through JSON.
 */
export class PreviewStore {
  private readonly previews = new Map<number, string[]>();
  private next = 1;

  /** Keeps a preview's pages and returns its number. */
  add(pages: string[]): number {
    const id = this.next++;
    this.previews.set(id, pages);
    // A few, so that pages of the preview on screen are still there while a newer one is drawn.
    for (const old of this.previews.keys()) if (this.previews.size > 4) this.previews.delete(old);
    return id;
  }

  /** One page of a preview as an SVG image. */
  page(id: number, page: number): Reply {
    const svg = this.previews.get(id)?.[page];
    if (svg === undefined) throw new HttpError(404, '预览已过期，请稍候重新生成');
    return { bytes: Buffer.from(svg, 'utf8'), type: 'image/svg+xml' };
  }
}

/**
 * The eight types (and a user's own), with their Chinese names and default periods, and the unit's
 * defaults the form starts from.
 */
export async function typesReply(ctx: PlanContext): Promise<Reply> {
  const types = await Promise.all(
    ctx.registry.types().map(async (type) => {
      const template = await ctx.registry.get(type);
      return { type, name: template.name, period: template.meta.period };
    }),
  );
  return { json: { types, unit: ctx.unit ?? {} } };
}

/**
 * A type's default outline, as `unionplan new` writes it: the unit, superior and year the page
 * already has are kept, the period and date are the type's own.
 */
export async function defaultsReply(ctx: PlanContext, url: URL): Promise<Reply> {
  const type = url.searchParams.get('type') ?? '';
  if (!ctx.registry.types().includes(type)) throw new HttpError(400, `未知的计划类型 ${JSON.stringify(type)}`);
  const template = await ctx.registry.get(type);
  const year = planYear(url.searchParams.get('year') ?? '') ?? defaultPlanYear();
  const period = template.meta.period;
  const superior = url.searchParams.get('superior')?.trim();
  const fields = newOutlineFields(template, {
    org: url.searchParams.get('org')?.trim() ?? '',
    ...(superior ? { superior } : {}),
    year,
    period,
    date: defaultPlanDate(year, period),
  });
  return { json: { outline: fields } };
}

async function outlineOf(request: IncomingMessage): Promise<unknown> {
  const body = await readJson(request);
  return (body as { outline?: unknown } | null)?.outline;
}

/**
 * The live preview: the plan laid out by the PDF writer's own layout, as SVG pages, with every
 * problem and `check` finding placed on its field. An outline that does not validate gets its
 * problems and no pages, so the page keeps showing the last good preview.
 */
export async function previewReply(ctx: PlanContext, store: PreviewStore, request: IncomingMessage): Promise<Reply> {
  const plan = await formPlan(await outlineOf(request), ctx.registry);
  if (!plan.doc) return { json: { notes: plan.notes } };
  const { previewPages } = await import('../writers/pdf/preview.js');
  const started = performance.now();
  const { pages, pageWidth, pageHeight } = previewPages(plan.doc, { ...(ctx.fontDirs ? { fontDirs: ctx.fontDirs } : {}) });
  const id = store.add(pages);
  return {
    json: {
      notes: plan.notes,
      title: plan.doc.meta.title,
      preview: id,
      pages: pages.length,
      pageWidth,
      pageHeight,
      layoutMs: Math.round(performance.now() - started),
    },
  };
}

/** `城南实验小学工会2027年工作计划.docx`: the plan's title, safe as a file name anywhere. */
function fileName(title: string, extension: string): string {
  const stem =
    title
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 60) || '工作计划';
  return stem + extension;
}

/** 下载 Word / PDF / Markdown: the same writers as `build`, the file straight to the browser. */
export async function downloadReply(ctx: PlanContext, request: IncomingMessage, url: URL): Promise<Reply> {
  const format = url.searchParams.get('format') ?? '';
  if (!['docx', 'pdf', 'md'].includes(format)) throw new HttpError(400, `不支持的格式 ${JSON.stringify(format)}`);
  const plan = await formPlan(await outlineOf(request), ctx.registry);
  if (!plan.doc) return { status: 422, json: { notes: plan.notes, message: '提纲中有需要改正的地方（已在表单中标出），改正后再下载' } };
  const writer = await loadWriter(format);
  const bytes = await writer.write(plan.doc, { ...(ctx.fontDirs ? { fontDirs: ctx.fontDirs } : {}) });
  return { bytes, type: MEDIA_TYPES[format]!, download: fileName(plan.doc.meta.title, writer.extension) };
}

const MEDIA_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
};

/**
 * 保存提纲: the form as a plan.yaml with the Chinese comments `new` writes, so that it can be
 * opened here again or built with the CLI. Saved as typed, even when a field is still wrong.
 */
export async function saveOutlineReply(ctx: PlanContext, request: IncomingMessage): Promise<Reply> {
  const fields = pageFields(await outlineOf(request));
  const type = typeof fields.type === 'string' && ctx.registry.types().includes(fields.type) ? fields.type : ctx.registry.types()[0]!;
  const template = await ctx.registry.get(type);
  const year = planYear(fields.year) ?? defaultPlanYear();
  const period = isPeriod(fields.period) ? fields.period : 'annual';
  const title =
    typeof fields.title === 'string' && fields.title.trim() ? fields.title : defaultTitle({ org: String(fields.org ?? ''), year, period });
  const name = fileName(`${title.replace(/工作计划$/, '')}提纲`, '.yaml');
  const text = commentedOutlineText(template, fields, { generator: 'unionplan ui', file: name });
  return { bytes: Buffer.from(text, 'utf8'), type: MEDIA_TYPES.yaml!, download: name };
}

/**
 * Lays out one plan while the user reads the page: the first layout loads the fonts (seconds),
 * and the user's first preview should not wait for that. Failing here is not an error: the first
 * preview then pays for it.
 */
export async function warmUp(ctx: PlanContext): Promise<void> {
  try {
    const type = ctx.registry.types()[0]!;
    const year = defaultPlanYear();
    const template = await ctx.registry.get(type);
    const fields = newOutlineFields(template, {
      org: '示例工会',
      year,
      period: template.meta.period,
      date: defaultPlanDate(year, template.meta.period),
    });
    const plan = await formPlan(fields, ctx.registry);
    if (!plan.doc) return;
    const { previewPages } = await import('../writers/pdf/preview.js');
    previewPages(plan.doc, { ...(ctx.fontDirs ? { fontDirs: ctx.fontDirs } : {}) });
  } catch {
    // The first real preview will report whatever went wrong.
  }
}
