/** The largest file `import` reads: a plan is a few dozen pages, far below this. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The most text a DOCX may unpack to (a guard against zip bombs). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
