/**
 * Built-in template bodies compiled to Handlebars specs at build time (scripts/build.mjs
 * replaces this module in the bundle). Rendering a built-in template then needs only the small
 * Handlebars runtime; the compiler loads only for a user's own templates. Empty when running
 * from source (tests), where every template is compiled at run time.
 */
export const PRECOMPILED: Readonly<Record<string, { body: string; spec: unknown }>> = {};
