/**
 * The parts of a .docx that never change, compressed at build time: scripts/build.mjs replaces
 * this module in the bundle with the output of {@link prepareFixedParts} (the DEFLATEd bytes in
 * base64; the styles and footers as the default fonts make them, marked with those fonts), so a
 * single build copies them instead of compressing some twenty parts. Undefined when
 * running from source (tests), where they are compressed on first use.
 *
 * @see prepareFixedParts in package-skeleton.ts
 */
export const EMBEDDED_FIXED_PARTS: readonly { path: string; fonts?: string; size: number; crc: number; deflated: string }[] | undefined =
  undefined;
