import type { Fields } from './paths.js';

/**
 * The default texts of a type name the unit, its superior and the plan year (“根据××的工作部署”,
 * “全镇”, the year's wording). When one of those is typed after the type was chosen, the texts
 * the user has not touched follow it: a string still equal to the old default becomes the new
 * default at the same place. Edited text is never replaced.
 */
export function followDefaults(current: unknown, before: unknown, after: unknown): unknown {
  if (typeof current === 'string') return typeof before === 'string' && typeof after === 'string' && current === before ? after : current;
  if (Array.isArray(current)) {
    if (!Array.isArray(before) || !Array.isArray(after)) return current;
    // A list whose shape changed (items added or removed) is the user's: its strings still follow
    // place by place, since indexes before the change still match.
    return current.map((item, i) => followDefaults(item, before[i], after[i]));
  }
  if (isRecord(current)) {
    if (!isRecord(before) || !isRecord(after)) return current;
    const out: Fields = {};
    for (const [key, value] of Object.entries(current)) out[key] = followDefaults(value, before[key], after[key]);
    return out;
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
