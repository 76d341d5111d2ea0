/**
 * Where a problem sits in a YAML text (an outline, front matter, a roster, `check:` settings): a
 * path of keys and indexes, which `YamlSource.locate` turns into line and column.
 */

/** A path into the outline, e.g. `['sections', 2, 'items', 0, 'title']`. */
export type FieldPath = (string | number)[];

/** A schema problem at a field; `at: 'key'` points at the key itself (an unknown key). */
export interface FieldIssue {
  path: FieldPath;
  message: string;
  at?: 'key' | 'value';
}
