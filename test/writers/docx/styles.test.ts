import { describe, it, expect } from 'vitest';
import { all, first, kids, maybe, samplePlan, writeAndOpen } from './helpers.js';
import type { Docx, El } from './helpers.js';

let cached: Docx | undefined;
async function sample(): Promise<Docx> {
  cached ??= await writeAndOpen(samplePlan());
  return cached;
}

function rPr(style: El): El {
  return kids(style, 'w:rPr')[0] ?? { name: 'w:rPr', attrs: {}, children: [] };
}
function pPr(style: El): El {
  return kids(style, 'w:pPr')[0] ?? { name: 'w:pPr', attrs: {}, children: [] };
}
function attr(parent: El, element: string, name: string): string | undefined {
  return maybe(parent, element)?.attrs[name];
}
/** On/off property: absent or val 0/false is off. */
function isOn(parent: El, element: string): boolean {
  const found = kids(parent, element)[0];
  return found !== undefined && !['0', 'false'].includes(found.attrs['w:val'] ?? 'true');
}

describe('docx styles', () => {
  const roles = [
    // id, built-in name, East Asian face, size in half-points
    ['Normal', 'Normal', '仿宋', '32'],
    ['Title', 'Title', '方正小标宋简体', '44'],
    ['Heading1', 'heading 1', '黑体', '32'],
    ['Heading2', 'heading 2', '楷体', '32'],
    ['Heading3', 'heading 3', '仿宋', '32'],
    ['Heading4', 'heading 4', '仿宋', '32'],
  ] as const;

  for (const [id, name, eastAsia, size] of roles) {
    it(`${id} keeps Word's built-in name "${name}" and sets ${eastAsia} ${Number(size) / 2} pt explicitly`, async () => {
      const style = await (await sample()).style(id);
      expect(style.attrs['w:type']).toBe('paragraph');
      expect(first(style, 'w:name').attrs['w:val']).toBe(name);
      const fonts = first(rPr(style), 'w:rFonts').attrs;
      expect(fonts['w:eastAsia']).toBe(eastAsia);
      expect(fonts['w:ascii']).toBe('Times New Roman');
      expect(fonts['w:hAnsi']).toBe('Times New Roman');
      expect(Object.keys(fonts).filter((key) => key.endsWith('Theme'))).toEqual([]);
      expect(attr(rPr(style), 'w:sz', 'w:val')).toBe(size);
      if (id !== 'Normal') expect(first(style, 'w:basedOn').attrs['w:val']).toBe('Normal');
    });
  }

  it('uses no theme fonts anywhere, so the named Chinese faces cannot be overridden', async () => {
    const docx = await sample();
    for (const path of ['word/styles.xml', 'word/document.xml', 'word/footer1.xml', 'word/footer2.xml']) {
      expect(await docx.xml(path)).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
    }
    const defaults = first(await docx.part('word/styles.xml'), 'w:docDefaults');
    const fonts = first(defaults, 'w:rFonts').attrs;
    expect(fonts['w:eastAsia']).toBe('仿宋');
    expect(fonts['w:ascii']).toBe('Times New Roman');
    expect(first(defaults, 'w:lang').attrs['w:eastAsia']).toBe('zh-CN');
  });

  it('Normal is justified with a two-character first-line indent on exact 579-twip lines', async () => {
    const normal = await (await sample()).style('Normal');
    expect(normal.attrs['w:default']).toBe('1');
    const props = pPr(normal);
    expect(attr(props, 'w:jc', 'w:val')).toBe('both');
    expect(attr(props, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(props, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attr(props, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(props, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(attr(props, 'w:spacing', 'w:before')).toBe('0');
    expect(attr(props, 'w:spacing', 'w:after')).toBe('0');
  });

  it('Title is centred, not indented, not bold, with one blank line after it', async () => {
    const title = await (await sample()).style('Title');
    const props = pPr(title);
    expect(attr(props, 'w:jc', 'w:val')).toBe('center');
    expect(attr(props, 'w:ind', 'w:firstLineChars')).toBe('0');
    expect(attr(props, 'w:ind', 'w:firstLine')).toBe('0');
    expect(attr(props, 'w:spacing', 'w:after')).toBe('579');
    expect(isOn(rPr(title), 'w:b')).toBe(false);
    expect(maybe(props, 'w:outlineLvl')).toBeUndefined();
  });

  it('headings have outline levels 0–3, keep with next, are not bold and inherit the body indent', async () => {
    const docx = await sample();
    for (const level of [1, 2, 3, 4]) {
      const heading = await docx.style(`Heading${level}`);
      const props = pPr(heading);
      expect(attr(props, 'w:outlineLvl', 'w:val')).toBe(String(level - 1));
      expect(isOn(props, 'w:keepNext')).toBe(true);
      expect(isOn(rPr(heading), 'w:b')).toBe(false);
      expect(isOn(rPr(heading), 'w:i')).toBe(false);
      // No indent of its own: the two characters come from Normal, and follow it when it changes.
      expect(maybe(props, 'w:ind')).toBeUndefined();
      expect(attr(props, 'w:spacing', 'w:line')).toBe('579');
      expect(first(heading, 'w:next').attrs['w:val']).toBe('Normal');
    }
  });

  it('footer, signature, date and table styles reset the first-line indent', async () => {
    const docx = await sample();
    for (const id of ['Footer', 'Signature', 'Date', 'TableText']) {
      const props = pPr(await docx.style(id));
      expect(attr(props, 'w:ind', 'w:firstLineChars'), id).toBe('0');
      expect(attr(props, 'w:ind', 'w:firstLine'), id).toBe('0');
    }
    expect(first(await docx.style('Footer'), 'w:name').attrs['w:val']).toBe('footer');
    expect(first(await docx.style('Signature'), 'w:name').attrs['w:val']).toBe('Signature');
    expect(first(await docx.style('Date'), 'w:name').attrs['w:val']).toBe('Date');
  });

  it('signature and date are right-aligned two 三号 characters from the edge, after one blank line', async () => {
    const docx = await sample();
    const signature = pPr(await docx.style('Signature'));
    const date = pPr(await docx.style('Date'));
    for (const props of [signature, date]) {
      expect(attr(props, 'w:jc', 'w:val')).toBe('right');
      expect(attr(props, 'w:ind', 'w:right')).toBe('640');
    }
    expect(attr(signature, 'w:spacing', 'w:before')).toBe('579');
    expect(isOn(signature, 'w:keepNext')).toBe(true);
    expect(first(await docx.style('Signature'), 'w:next').attrs['w:val']).toBe('Date');
  });

  it('table text is 4号 仿宋 on its own exact 20 pt lines, headings bold and centred', async () => {
    const docx = await sample();
    const text = await docx.style('TableText');
    expect(attr(rPr(text), 'w:sz', 'w:val')).toBe('28');
    expect(first(rPr(text), 'w:rFonts').attrs['w:eastAsia']).toBe('仿宋');
    expect(attr(pPr(text), 'w:spacing', 'w:line')).toBe('400');
    expect(attr(pPr(text), 'w:spacing', 'w:lineRule')).toBe('exact');
    const heading = await docx.style('TableHeading');
    expect(first(heading, 'w:basedOn').attrs['w:val']).toBe('TableText');
    expect(isOn(rPr(heading), 'w:b')).toBe(true);
    expect(attr(pPr(heading), 'w:jc', 'w:val')).toBe('center');
  });

  it("takes the plan's own fonts where it names them", async () => {
    const plan = samplePlan();
    plan.meta.fonts = { body: '仿宋_GB2312', heading2: '楷体_GB2312', title: '小标宋' };
    const docx = await writeAndOpen(plan);
    expect(first(rPr(await docx.style('Normal')), 'w:rFonts').attrs['w:eastAsia']).toBe('仿宋_GB2312');
    expect(first(rPr(await docx.style('Heading2')), 'w:rFonts').attrs['w:eastAsia']).toBe('楷体_GB2312');
    expect(first(rPr(await docx.style('Title')), 'w:rFonts').attrs['w:eastAsia']).toBe('小标宋');
    // Roles the plan leaves alone keep the defaults.
    expect(first(rPr(await docx.style('Heading1')), 'w:rFonts').attrs['w:eastAsia']).toBe('黑体');
    // Full-width punctuation in body text follows the body face.
    const quoteRuns = all(await docx.part('word/document.xml'), 'w:r').filter((run) =>
      all(run, 'w:t').some((t) => t.children.some((node) => node.text === '“')),
    );
    expect(quoteRuns.length).toBeGreaterThan(0);
    expect(first(quoteRuns[0]!, 'w:rFonts').attrs['w:ascii']).toBe('仿宋_GB2312');
  });
});
