import type { TextEdit } from '../finding.js';

/**
 * A stretch of user text as a reader sees it, with where each character is in the file.
 * Markup around and inside it (YAML quotes and escapes, Markdown escapes, emphasis markers,
 * table pipes) is not part of the text, so rules see `中文,中文` whatever the file spells, and
 * still point at exact places.
 */
export interface Segment {
  text: string;
  /** `starts[i]` is the file offset where `text[i]` begins (at its backslash if escaped). */
  starts: number[];
  /** `ends[i]` is the file offset just after `text[i]`'s spelling. */
  ends: number[];
}

/** Collects a segment character by character. */
export class SegmentBuilder {
  private readonly chars: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Adds one character spelt by the file's text from `start` to `end`. */
  add(char: string, start: number, end: number = start + char.length): void {
    this.chars.push(char);
    this.starts.push(start);
    this.ends.push(end);
  }

  /** Adds characters that the file spells as they are, from `offset` on. */
  addLiteral(text: string, offset: number): void {
    // Most user text is literal: one loop without a call per character keeps build fast.
    const { chars, starts, ends } = this;
    for (let i = 0; i < text.length; i++) {
      chars.push(text[i]!);
      starts.push(offset + i);
      ends.push(offset + i + 1);
    }
  }

  /**
   * Marks a break (a line break in a table cell, a tag): characters on either side are not
   * neighbours. It is a newline, which no rule treats as part of a word.
   */
  break(at: number): void {
    if (this.chars.length && this.chars[this.chars.length - 1] !== '\n') this.add('\n', at, at);
  }

  get length(): number {
    return this.chars.length;
  }

  build(): Segment | undefined {
    if (this.chars.length === 0) return undefined;
    return { text: this.chars.join(''), starts: this.starts, ends: this.ends };
  }
}

/** Whether the characters `from`…`to - 1` are spelt one after another, with no markup between them. */
export function contiguous(segment: Segment, from: number, to: number): boolean {
  for (let i = from; i < to - 1; i++) if (segment.ends[i] !== segment.starts[i + 1]) return false;
  return true;
}

/** The edit that replaces characters `from`…`to - 1` of a segment (with their spelling) by `replacement`. */
export function replaceChars(segment: Segment, from: number, to: number, replacement: string): TextEdit {
  const offset = segment.starts[from]!;
  return { offset, length: segment.ends[to - 1]! - offset, replacement };
}

/**
 * The edit that deletes characters `from`…`to - 1`, or undefined when markup touches them: removing a
 * character next to `**` can change what Markdown makes of the `**`, so that is left to the user.
 */
export function deleteChars(segment: Segment, from: number, to: number): TextEdit | undefined {
  if (from === 0 || to >= segment.text.length) return undefined;
  if (!contiguous(segment, from - 1, to + 1)) return undefined;
  return replaceChars(segment, from, to, '');
}
