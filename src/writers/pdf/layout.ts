/**
 * The Typst layout of a plan's PDF: GB/T 9704-2012 page, fonts per role, numbered headings,
 * tables and the signature. It is fixed source, embedded here as a string so that the bundled
 * CLI carries it; the plan reaches it only as JSON data in `sys.inputs.plan` (see `data.ts`), and
 * every text from the plan is shown as a Typst string, never read as markup or code.
 */
export const LAYOUT = `// unionplan: a work plan on a GB/T 9704-2012 page.
#let data = json(bytes(sys.inputs.plan))

// A4, margins 37/35/28/26 mm: a 156 x 225 mm text block of 22 lines x 28 characters.
#let pitch = 28.95pt
#let text-width = 210mm - 28mm - 26mm
#let body-size = 16pt
// Typst tracks every character of a line but its last, so 28 characters fill the line exactly
// when 27 trackings do: each character then takes this much, a hair more than 156 mm / 28.
#let body-tracking = (text-width - 28 * body-size) / 27
#let grid-char = body-size + body-tracking
#let table-size = 14pt
#let table-pitch = 20pt

// Functions below see only \`fonts\`, never the whole \`data\`: a show rule keeps its function in
// the styles of everything it applies to, so a function that held the plan (whose unit name and
// title differ in every plan) would make each paragraph's styles new, and Typst could reuse none
// of the layout it memoized for the plan before. Same plan type, same paragraphs: laid out once.
#let fonts = data.fonts
#let role(name) = fonts.at(name)
// The Latin face (Times New Roman) sets Latin letters and digits only; the Chinese face the rest.
#let families(name) = role(name).fonts.map(f => if f.latin { (name: f.name, covers: "latin-in-cjk") } else { f.name })

// Text edges that make every line exactly p tall, with a Chinese character centred in it: lines
// keep to the grid whatever a font's own metrics are.
#let grid-edges(p) = (top-edge: p / 2 + 0.38em, bottom-edge: -(p / 2 - 0.38em))

// Bold, drawn by stroking the outline where the role's face has no bold (仿宋, 黑体 …), as Word does.
#let bolden(body, name) = if role(name).fakeBold { text(stroke: 0.03em + black, body) } else { text(weight: "bold", body) }

// A punctuation mark fills one cell of the grid, never less (see punctuation.ts); the word joiner
// keeps it on the line of the character it belongs to. The text before a box ends a run of text,
// and Typst tracks every character of a run but its last: the box gives that tracking back.
#let mark-cell = grid-char + body-tracking
#let mark(p, cell) = {
  // Inside its box the mark is a line of its own, which Typst would compress at both ends: the
  // word joiners around it keep it whole.
  let b = box(width: cell, text(top-edge: "ascender", bottom-edge: "descender", sym.wj + p.mark + sym.wj))
  if p.open { b + sym.wj } else { sym.wj + b }
}
#let run(r, name, cell: mark-cell) = {
  let body = text(r.parts.map(p => if type(p) == str { p } else { mark(p, cell) }).join())
  if r.italic { body = text(style: "italic", body) }
  if r.bold { body = bolden(body, name) }
  body
}
#let runs(list, name, cell: mark-cell) = list.map(r => run(r, name, cell: cell)).join()

#set page(
  paper: "a4",
  margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  // 页码: 4号 宋体 "— 1 —", the dashes 7 mm below the text block; odd pages right, even pages
  // left, one character in.
  footer-descent: 7mm,
  footer: context {
    let n = counter(page).get().first()
    set text(font: families("pageNumber"), size: 14pt, weight: role("pageNumber").weight, tracking: 0pt, top-edge: 0.3em, bottom-edge: "descender")
    set par(first-line-indent: 0pt, justify: false)
    let number = "— " + str(n) + " —"
    if calc.odd(n) { align(right, pad(right: 1em, number)) } else { align(left, pad(left: 1em, number)) }
  },
)

#set text(
  font: families("body"),
  size: body-size,
  weight: role("body").weight,
  lang: "zh",
  region: "cn",
  // 28 characters fill a line of the 156 mm text block.
  tracking: body-tracking,
  // 公文 set Chinese and Latin close (2027年), and nothing hangs past the text block.
  cjk-latin-spacing: none,
  overhang: false,
  ..grid-edges(pitch),
)
#set par(leading: 0pt, spacing: 0pt, justify: true, linebreaks: "simple", first-line-indent: (amount: 2 * grid-char, all: true))
#set block(spacing: 0pt)

// Headings keep to the body's grid and indent; their font comes with their level.
#show heading: it => {
  let name = "heading" + str(it.level)
  set text(font: families(name), size: body-size, weight: role(name).weight, style: "normal")
  block(above: 0pt, below: 0pt, sticky: true, par(it.body))
}

// 标题: 2号 小标宋, centred, in the lines title.ts broke it into; a blank line follows.
#let title-block() = {
  set text(font: families("title"), size: 22pt, weight: role("title").weight, tracking: 0pt)
  set par(first-line-indent: 0pt, justify: false)
  align(center, data.titleLines.map(l => text(l)).join(linebreak()))
  v(pitch)
}

#let table-block(b) = {
  set text(font: families("table"), size: table-size, weight: role("table").weight, tracking: 0pt, ..grid-edges(table-pitch))
  // Ragged right: a cell's short lines are not spread out around its punctuation marks.
  set par(first-line-indent: 0pt, justify: false)
  let cell(lines, strong: false) = {
    let body = lines.map(l => runs(l, "table", cell: 1em)).join(linebreak())
    if strong and body != none { bolden(body, "table") } else { body }
  }
  let grid-table(..children) = table(
    columns: b.columns.map(c => c.width * 1fr),
    stroke: 0.5pt + black,
    inset: (x: 5pt, y: 2pt),
    align: (x, y) => if b.columns.at(x).center { center + horizon } else { left + horizon },
    ..children,
  )
  let header = table.header(..b.header.map(c => cell(c, strong: true)).map(c => table.cell(align: center + horizon, c)))
  let rows = b.rows.map(row => row.map(c => cell(c)))
  if b.keep and rows.len() > 1 {
    // The last row keeps with the 落款: a table of its own, sticky, right under the others.
    grid-table(header, ..rows.slice(0, -1).flatten())
    block(sticky: true, grid-table(..rows.last()))
  } else {
    grid-table(header, ..rows.flatten())
  }
}

// 附件说明 (GB/T 9704 7.3.4): a blank line after the text, “附件：” two characters in, the
// numbers, and the names, which run on under their own first character.
#let attachments-block(b) = {
  v(pitch)
  set par(first-line-indent: 0pt, justify: false)
  let widths = (2 * grid-char, b.labelWidth * grid-char) + if b.numberWidth > 0 { (b.numberWidth * grid-char,) } else { () }
  block(sticky: true, breakable: false, grid(
    columns: widths + (1fr,),
    ..b.lines.map(l => (none, text(l.label)) + if b.numberWidth > 0 { (text(l.number),) } else { () } + (runs(l.title, "body"),)).flatten(),
  ))
}

// 落款 (GB/T 9704 7.3.5): after a blank line (two under a seal), the unit and on the next line the
// date, each in from the right by the characters the writer worked out (signature-layout.ts). When
// the page cannot hold the blank lines as well, they give way (7.3.5: spacing is adjusted so the
// 落款 stays with the text); when it cannot hold the two lines, the text before them is sticky and
// comes along to the next page, so the 落款 never stands alone there.
#let page-bottom = 297mm - 35mm
#let signature-block(b) = context {
  // The blank lines are inside the block, so that where this stands does not move with them.
  let room = calc.floor((page-bottom - here().position().y) / pitch + 0.01)
  let gap = if room >= b.gap + 2 or room < 2 { b.gap } else { room - 2 }
  set par(first-line-indent: 0pt, justify: false)
  block(breakable: false, width: 100%, {
    v(gap * pitch)
    align(right, pad(right: b.orgRight * grid-char, text(b.org)))
    v(0pt, weak: true)
    align(right, pad(right: b.dateRight * grid-char, text(b.date)))
  })
}

// The notice (GB/T 9704): 版头, 发文字号 over a red line, title, 主送, one sentence, 落款; the plan
// follows on a new page, and the 版记 closes the last page.
#let red = rgb("#e60012")
#let notice-head(n) = {
  set par(first-line-indent: 0pt, justify: false)
  // 发文机关标志: its top 35 mm below the top of the text block.
  v(35mm - 0.3 * 36pt)
  align(center, text(font: families("title"), size: 36pt, weight: role("title").weight, tracking: 0pt, fill: red, top-edge: "cap-height", bottom-edge: "baseline", n.authority))
  // 发文字号 two lines below it, the red line 4 mm under it, the title two lines below the line.
  v(2 * pitch)
  align(center, text(n.number))
  v(4mm)
  line(length: 100%, stroke: 1pt + red)
  v(2 * pitch - 4mm)
  {
    set text(font: families("title"), size: 22pt, weight: role("title").weight, tracking: 0pt)
    align(center, n.titleLines.map(l => text(l)).join(linebreak()))
  }
  v(pitch)
  par(runs(n.to, "body"))
  set par(first-line-indent: (amount: 2 * grid-char, all: true), justify: true)
  par(runs(n.body, "body"))
  signature-block(n.signature)
  pagebreak()
}

// 版记: at the foot of the last page, 抄送 and 印发机关 with 印发日期 in 四号 between lines, thick
// first and last, as wide as the text block.
#let notice-record(n) = place(bottom, float: true, clearance: pitch, {
  set text(size: 14pt, tracking: 0pt, top-edge: "ascender", bottom-edge: "descender")
  set par(first-line-indent: 0pt, justify: false)
  line(length: 100%, stroke: 0.35mm + black)
  if n.cc != none {
    // A second line starts under the first name, after “抄送：”.
    block(inset: (x: 1em, y: 6pt), width: 100%, par(hanging-indent: 3em, runs(n.cc, "body", cell: 1em)))
    line(length: 100%, stroke: 0.25mm + black)
  }
  block(inset: (x: 1em, y: 6pt), width: 100%, grid(columns: (1fr, auto), text(n.issuer), text(n.issued)))
  line(length: 100%, stroke: 0.35mm + black)
})

// The last paragraph before the 落款. One that fits on its page is sticky: it goes along to the next
// page when the 落款 must. One that runs over a page cannot be (Typst moves a sticky block whole
// whenever it breaks); it ends where this works out (22 lines a page, no widow or orphan moves in
// it), and when that leaves fewer than the 落款's three lines on its last page, it starts lower, so
// that its last two lines go over with the 落款 (7.3.5: spacing is adjusted). The space is
// an empty block, so that where this stands does not move with it; where it stands is read from an
// empty block before it, which stays put when a sticky paragraph goes to the next page.
#let kept-paragraph(body) = [#block(height: 0pt, width: 100%) <kept-anchor>] + context {
  let room = calc.floor((page-bottom - locate(<kept-anchor>).position().y) / pitch + 0.01)
  let lines = calc.round(measure(block(width: text-width, par(body))).height / pitch)
  if lines <= room {
    block(sticky: true, par(body))
  } else {
    let left = 22 - (calc.rem(lines - room - 1, 22) + 1)
    // Three lines: the 落款's two and the blank line above it. Starting lower by left + 2 lines
    // sends the last two lines over to the next page, where the 落款 follows them.
    let push = if left < 3 and room > left + 2 { left + 2 } else { 0 }
    block(height: push * pitch, width: 100%)
    set text(costs: (widow: 0%, orphan: 0%))
    par(body)
  }
}

#if data.notice != none { notice-head(data.notice) }
#if data.title != "" { title-block() }

#{
  let previous = none
  for b in data.blocks {
    if b.type == "heading" {
      heading(level: b.level, { runs(b.number, "heading" + str(b.level)); runs(b.content, "heading" + str(b.level)) })
    } else if b.type == "paragraph" {
      if b.content.len() > 0 {
        // The last paragraph before the 落款 is sticky: it goes along if the 落款 must go to the next page.
        if b.keep { kept-paragraph(runs(b.content, "body")) } else { par(runs(b.content, "body")) }
      }
    } else if b.type == "table" {
      // Two tables in a row are kept apart by an empty line, as in the DOCX.
      if previous == "table" { v(pitch) }
      table-block(b)
    } else if b.type == "attachments" {
      attachments-block(b)
    } else if b.type == "signature" {
      signature-block(b)
    }
    previous = b.type
  }
}

#if data.notice != none { notice-record(data.notice) }

// Last, for the same reason: a set rule styles all that follows it, and the title and unit differ in
// every plan. Typst reads the document's metadata from it wherever it stands.
#set document(
  title: data.title,
  author: if data.author == none { () } else { data.author },
  date: if data.date == none { none } else { datetime(year: data.date.at(0), month: data.date.at(1), day: data.date.at(2)) },
)
`;
