import { sessionCache } from '../../session/session.js';

/**
 * Whether a PDF is laid out with font subsets or with the whole faces, decided per session (kept
 * apart from the compiler so that `batch` can say what it is about without loading Typst).
 *
 * The first PDF of a session (a single `build`, the way most people use unionplan) gets subsets
 * made for its own characters: Typst then reads a megabyte or less per face instead of 10–15 MB,
 * about a quarter of a second less. From the second PDF on, the session is laying out many
 * documents (a library caller's loop, `build` of several plans): they share one compiler with the
 * whole faces, whose layouts Typst memoizes from one document to the next, far more than a subset
 * saves. A batch says so before its first plan ({@link expectManyPdfs}), and so never subsets.
 */

/** How many PDFs a session laid out with font subsets and how many with the whole faces. */
export interface PdfFacesUsed {
  subset: number;
  whole: number;
  /** Set by {@link expectManyPdfs}. */
  many: boolean;
  /** Subset PDFs whose faces drew every character, laid out without the system's fonts. */
  withoutSystemFonts: number;
}

const state = sessionCache<'pdfs', PdfFacesUsed>('pdf-faces', 1);

function current(): PdfFacesUsed {
  return state.getOrMake('pdfs', () => ({ subset: 0, whole: 0, many: false, withoutSystemFonts: 0 }));
}

/** The PDFs of the current session so far, by the faces they were laid out with. */
export function pdfFacesUsed(): PdfFacesUsed {
  return { ...current() };
}

/** Which faces the next PDF of the current session is laid out with. */
export function nextPdfFaces(): 'subset' | 'whole' {
  const used = current();
  return used.many || used.subset + used.whole > 0 ? 'whole' : 'subset';
}

/** Counts a PDF laid out in the current session. */
export function notePdfLaidOut(faces: 'subset' | 'whole'): void {
  current()[faces]++;
}

/** Counts a PDF laid out without the system's fonts. */
export function noteSystemFontsSkipped(): void {
  current().withoutSystemFonts++;
}

/**
 * Says that the current session will lay out many PDFs (a batch, in each worker thread and in the
 * main thread): all of them use the whole faces, the first included.
 */
export function expectManyPdfs(): void {
  current().many = true;
}
