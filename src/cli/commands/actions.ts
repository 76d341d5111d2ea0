/**
 * The actions of the everyday commands, loaded together on first use (`--help` and `--version`
 * load none of them). One module rather than one a command: they share most of their code (the
 * pipeline, check, templates), and one entry lets esbuild keep that code in a few large chunks
 * instead of many small ones, each of which costs a single build a file to load.
 */
export { buildAction } from './build-action.js';
export { checkAction } from './check-action.js';
export { ejectAction } from './eject-action.js';
export { fontsAction } from './fonts-action.js';
export { newAction } from './new-action.js';
export { typesAction } from './types-action.js';
