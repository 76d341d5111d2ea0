/**
 * What every block function needs besides its block: the fonts of the plan and where warnings go.
 */
import type { FontRole } from '../../vocab/fonts.js';
import type { Warn } from './places.js';

/** The plan-wide settings a block is written with. */
export interface WriteContext {
  /** Font family per role, after the plan's overrides (`resolveFonts`). */
  fonts: Record<FontRole, string>;
  warn: Warn;
}
