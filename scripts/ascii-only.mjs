// The bundles in ASCII. esbuild escapes non-ASCII characters everywhere but in regular expression
// literals, and check's rules are full of Chinese ones: one such character makes Node decode the
// whole file as UTF-8 and V8 hold and parse it as a two-byte string. Written in ASCII, a bundle is
// read as Latin-1 (src/io/code-cache.ts): a single build of a DOCX measured some 40 ms faster.
import { decode, encode } from '@jridgewell/sourcemap-codec';

/**
 * `code` with every non-ASCII character written as `\uXXXX` (a character beyond U+FFFF as its two
 * halves, which a regular expression reads as the one character with or without the `u` flag),
 * and the columns of `map` (a source map's `mappings`, when given) moved to match. Only regular
 * expression literals and comments still hold such characters after esbuild, and both read the
 * escape as the character. A character after a backslash (`\—`, which means `—`) loses the
 * backslash, as `\\u2014` would mean something else.
 */
export function asciiOnly(code, mappings) {
  const lines = code.split('\n');
  const decoded = mappings === undefined ? undefined : decode(mappings);
  const out = lines.map((line, index) => {
    if (!/[^\x00-\x7f]/.test(line)) return line;
    // Where each change falls in the line as it was, and how many columns it adds.
    const shifts = [];
    const escaped = line.replace(/(\\*)([^\x00-\x7f])/gu, (match, slashes, char, offset) => {
      const units = [...Array(char.length).keys()].map((i) => `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`);
      const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
      const replacement = kept + units.join('');
      shifts.push({ at: offset + slashes.length, by: replacement.length - match.length });
      return replacement;
    });
    const segments = decoded?.[index];
    if (segments) {
      for (const segment of segments) {
        const column = segment[0];
        segment[0] = column + shifts.filter((shift) => shift.at < column).reduce((sum, shift) => sum + shift.by, 0);
      }
    }
    return escaped;
  });
  return { code: out.join('\n'), mappings: decoded && encode(decoded) };
}
