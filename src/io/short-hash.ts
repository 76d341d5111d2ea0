/**
 * Eight hex digits for a text (32-bit FNV-1a over its code points): a short, stable name for a
 * host or a path, where nothing needs to be secret and a clash costs only a cache miss.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) as number), 0x01000193);
  return hex8(hash);
}

/** A 32-bit number as eight hex digits. */
export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
