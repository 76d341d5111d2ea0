import Runtime from 'handlebars/runtime';
import YAML from 'yaml';
import { UserError } from '../errors.js';
import type { Outline } from '../outline/types.js';
import type { Template } from './registry.js';
import { defaultTitle } from '../vocab/title.js';
import { buildView } from './view.js';

import { PRECOMPILED } from './precompiled.js';
import { sessionCache } from '../session/session.js';

type Render = (view: unknown) => string;
/** Compiled templates: eight built-in types, and the user's own. */
const compiled = sessionCache<string, Render>('compiled-templates', 64);

async function compile(template: Template): Promise<Render> {
  const key = `${template.file}\0${template.body}`;
  let fn = compiled.get(key);
  if (!fn) {
    const pre = template.builtIn ? await PRECOMPILED[template.type]?.() : undefined;
    if (pre && pre.body === template.body) {
      fn = Runtime.template(pre.spec as Parameters<typeof Runtime.template>[0]) as Render;
    } else {
      const { Handlebars } = await import('./handlebars-compiler.js');
      // noEscape: values arrive escaped for Markdown already; HTML escaping would garble them.
      fn = Handlebars.create().compile(template.body, { noEscape: true }) as Render;
    }
    compiled.set(key, fn);
  }
  return fn;
}

/** The YAML front matter of a rendered plan: what writers need besides the body. */
export function frontMatter(outline: Outline, itemStyle = outline.itemStyle): string {
  const meta: Record<string, unknown> = {
    title: outline.title ?? defaultTitle(outline),
    org: outline.org,
    ...(outline.level ? { level: outline.level } : {}),
    ...(outline.superior ? { superior: outline.superior } : {}),
    type: outline.type,
    year: outline.year,
    period: outline.period,
    ...(itemStyle ? { itemStyle } : {}),
    date: outline.date,
    ...(outline.kind ? { kind: outline.kind } : {}),
    ...(outline.seal !== undefined ? { seal: outline.seal } : {}),
    ...(outline.attachments ? { attachments: outline.attachments } : {}),
    ...(outline.notice ? { notice: outline.notice } : {}),
    ...(outline.fonts && Object.keys(outline.fonts).length ? { fonts: outline.fonts } : {}),
    ...(outline.check ? { check: outline.check } : {}),
  };
  return `---\n${YAML.stringify(meta, { lineWidth: 0 })}---\n`;
}

/**
 * Lays an outline out as Markdown with front matter, through the template's Handlebars body.
 * Headings come out unnumbered; the document stage numbers them.
 */
export async function renderOutline(outline: Outline, template: Template): Promise<string> {
  let body: string;
  try {
    body = (await compile(template))(buildView(outline));
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    throw new UserError('invalid', [{ file: template.file, message: `模板有错误，无法使用：${message}` }]);
  }
  return `${frontMatter(outline, outline.itemStyle ?? template.itemStyle)}\n${body.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
