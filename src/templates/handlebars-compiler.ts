/**
 * Handlebars with its compiler, for templates of the user's own (the built-in ones come compiled):
 * loaded only when one is rendered. A module of ours rather than an `import('handlebars')`, so that
 * the build can put the runtime it shares with the precompiled templates in the core chunk.
 */
export { default as Handlebars } from 'handlebars';
