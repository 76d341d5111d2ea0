/**
 * File names from union names. A roster is data typed by many hands, so a name may hold `/`,
 * `..`, `CON`, control characters or 200 characters; the file it gives must still land inside
 * the output folder and open on Windows, macOS and Linux alike.
 */

/** Characters Windows forbids in names, path separators everywhere, and C0/C1 controls. */
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]/gu;
/** Direction overrides and marks, which can make a name display as another (…fdp.exe). */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Halves of a surrogate pair with no partner: not valid in any file system's encoding. */
const LONE_SURROGATE = /\p{Cs}/gu;
/** Device names Windows reserves with any extension (CON.docx is the console). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Longest stem in UTF-8 bytes. File systems allow 255 bytes a name; the rest is kept for a
 * `-2` suffix, the extension, and the `.NAME.xxxxxxxxxxxx.tmp` name an atomic write uses
 * first, and leaves room under Windows' 260-character path limit for the folder.
 */
export const MAX_STEM_BYTES = 120;

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Cuts text to at most `max` UTF-8 bytes at a character boundary (an emoji stays whole). */
function cutToBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = Buffer.byteLength(segment);
    if (bytes + size > max) break;
    out += segment;
    bytes += size;
  }
  return out;
}

/** Leading dots (hidden files, `..`) and trailing dots and spaces (Windows drops them). */
function trimEnds(text: string): string {
  return text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

/**
 * A file name stem (no extension) for a union's name, safe on Windows, macOS and Linux: no
 * separators or forbidden characters (each becomes `_`), no leading dot, no trailing dot or
 * space, not a reserved device name, at most {@link MAX_STEM_BYTES} bytes, in NFC (the form
 * macOS and Windows agree on). Never empty.
 */
export function safeFileStem(name: string): string {
  let stem = name.normalize('NFC').replace(LONE_SURROGATE, '_').replace(BIDI, '').replace(FORBIDDEN, '_').replace(/\s+/gu, ' ');
  stem = trimEnds(cutToBytes(trimEnds(stem), MAX_STEM_BYTES));
  if (stem === '') return '未命名';
  if (RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  return stem;
}

/** Key two stems clash under: Windows and macOS compare names without case. */
function clashKey(stem: string): string {
  return stem.normalize('NFC').toLowerCase();
}

/** Each name's file stem, and which earlier entry it had to step aside for. */
export interface AssignedStem {
  stem: string;
  /** Index (in the input) of the first entry that has the plain stem, when this one was renamed. */
  clashesWith?: number;
}

/**
 * Gives every name a distinct safe stem, in order: the first keeps its stem, later ones that
 * would clash (same name, or names that become the same file) get `-2`, `-3` …. It depends
 * on the whole list only, so every `--shard` and every resumed run names a union alike.
 * Entries without a name get undefined.
 */
export function assignStems(names: readonly (string | undefined)[]): (AssignedStem | undefined)[] {
  const taken = new Set<string>();
  const owners = new Map<string, number>();
  const stems: (AssignedStem | undefined)[] = names.map(() => undefined);
  // Plain stems are reserved first, so that a later `甲-2` in the roster keeps its own name
  // and the second `甲` moves on to `甲-3`.
  const plain = names.map((name) => (name === undefined ? undefined : safeFileStem(name)));
  plain.forEach((stem, i) => {
    if (stem !== undefined && !owners.has(clashKey(stem))) owners.set(clashKey(stem), i);
  });
  plain.forEach((stem, i) => {
    if (stem === undefined) return;
    const key = clashKey(stem);
    if (owners.get(key) === i) {
      taken.add(key);
      stems[i] = { stem };
      return;
    }
    const root = cutToBytes(stem, MAX_STEM_BYTES - 8);
    let n = 2;
    while (taken.has(clashKey(`${root}-${n}`)) || (owners.has(clashKey(`${root}-${n}`)) && owners.get(clashKey(`${root}-${n}`)) !== i)) n++;
    taken.add(clashKey(`${root}-${n}`));
    stems[i] = { stem: `${root}-${n}`, clashesWith: owners.get(key)! };
  });
  return stems;
}
