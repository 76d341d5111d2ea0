/**
 * How items (levels 3 and 4) are set: run into their first paragraph (the default), the same
 * with the title in bold, or as heading lines of their own.
 */
export type ItemStyle = 'run-in' | 'run-in-bold' | 'heading';

export const ITEM_STYLES: readonly ItemStyle[] = ['run-in', 'run-in-bold', 'heading'];
