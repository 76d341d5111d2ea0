/**
 * The built-in word lists of `check` (check-lists.yaml) as data, embedded at build time:
 * scripts/build.mjs replaces this module in the bundle. Undefined when running from source
 * (tests), where the YAML file is read.
 */
export const EMBEDDED_LISTS: unknown = undefined;
