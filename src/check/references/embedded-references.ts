/**
 * The built-in list of outdated wordings (dated-references.yaml) as data, embedded at build time:
 * scripts/build.mjs replaces this module in the bundle, so that a run of the CLI does not parse
 * YAML for it. Undefined when running from source (tests), where the YAML file is read.
 */
export const EMBEDDED_REFERENCES: unknown = undefined;
