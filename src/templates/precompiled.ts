/**
 * Built-in template bodies compiled to Handlebars specs at build time (scripts/build.mjs
 * replaces this module in the bundle): for each type, a function that loads that type's front
 * matter, body and spec, a chunk of its own, so a build loads only the one it renders and reads no
 * template file. Rendering a built-in template then needs only the small Handlebars runtime; the
 * compiler loads only for a user's own templates.
 * Empty when running from source (tests), where every template is compiled at run time.
 */
export const PRECOMPILED: Readonly<Record<string, () => Promise<{ frontMatter: string; body: string; spec: unknown }>>> = {};
