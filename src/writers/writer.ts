import type { PlanDocument } from '../document/model.js';

/** A warning a writer raises about the document it writes, e.g. characters it had to drop. */
export interface WriterWarning {
  message: string;
}

/** Options every writer may take. */
export interface WriterOptions {
  /** Folders with font files the user named (`--font-dir`), for writers that embed fonts. */
  fontDirs?: string[];
  /** Called for each non-fatal problem found while writing. */
  warn?: (warning: WriterWarning) => void;
}

/** One output format: a pure function from the document model to bytes. */
export interface Writer {
  /** Format name as given to `--format`. */
  readonly format: string;
  /** File extension with its dot, e.g. `.docx`. */
  readonly extension: string;
  write(doc: PlanDocument, options?: WriterOptions): Promise<Uint8Array>;
}
