/**
 * What an import noticed on the way, gathered by every stage and told to the user in the summary:
 * what was joined, dropped, guessed or kept as plain text.
 */
export class ImportNotes {
  /** Paragraphs joined because a web page broke them mid-sentence. */
  readonly joined: string[] = [];
  /** Lines dropped as web-page furniture (site boilerplate, “篇一” markers). */
  readonly dropped: string[] = [];
  /** Text that was not recognised as structure and kept as text, with where it went. */
  readonly keptAsText: string[] = [];
  /** Guesses and other things worth a look. */
  readonly notes: string[] = [];
}

/** The start of a paragraph, for a message. */
export function excerpt(text: string, length = 24): string {
  const flat = text.replace(/\s+/g, ' ');
  return `“${flat.length > length ? `${flat.slice(0, length)}…` : flat}”`;
}
