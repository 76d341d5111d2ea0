/**
 * The characters a font subset must draw for one document: every character of the Typst source
 * and of its inputs (the plan, as JSON), and the characters Typst may set that are in neither —
 * page numbers and other digits, smart quotes, dashes and ellipses it puts in place of ASCII
 * marks, the hyphen of a broken word, full-width forms.
 */

/** Ranges Typst may draw from whatever the document says (first and last code point). */
export const TYPST_GENERATED: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII: digits of page numbers, hyphens
  [0xa0, 0xff], // Latin-1: no-break space, soft hyphen, ×, ·
  [0x2000, 0x206f], // general punctuation: spaces, dashes, smart quotes, ellipsis, word joiner
  [0x3000, 0x303f], // CJK punctuation
  [0xff00, 0xffef], // full-width and half-width forms
  [0x25cc, 0x25cc], // the dotted circle the shaper puts under a combining mark that has no base
];

/**
 * What Typst sets in place of a plan's own characters (smart quotes for ' and ", the hyphen of a
 * broken word): among {@link TYPST_GENERATED}, the ones a document's faces must draw before the
 * system's fonts can be left out.
 */
export const TYPST_SUBSTITUTES: readonly number[] = [0x2018, 0x2019, 0x201c, 0x201d, 0x2010];

/**
 * The code points of these texts, composed and decomposed (the shaper composes é from e and ◌́
 * when the face has é, and decomposes it when it has not), and of {@link TYPST_GENERATED}.
 */
export function documentCodePoints(texts: Iterable<string>): Set<number> {
  return withTypstGenerated(documentCharacters(texts));
}

/** The code points of these texts, as written, composed and decomposed. */
export function documentCharacters(texts: Iterable<string>): Set<number> {
  const codePoints = new Set<number>();
  const add = (text: string) => {
    for (const char of text) codePoints.add(char.codePointAt(0) as number);
  };
  for (const text of texts) {
    add(text);
    // Most plans are in either form already: only a changed text is walked again.
    for (const form of ['NFC', 'NFD']) {
      const normal = text.normalize(form);
      if (normal !== text) add(normal);
    }
  }
  return codePoints;
}

/** These code points and those of {@link TYPST_GENERATED}. */
export function withTypstGenerated(characters: ReadonlySet<number>): Set<number> {
  const codePoints = new Set(characters);
  for (const [first, last] of TYPST_GENERATED) for (let c = first; c <= last; c++) codePoints.add(c);
  return codePoints;
}
