/**
 * The actions of the everyday commands, loaded together on first use (`--help` and `--version`
 * run none of them: in the command line's one bundle, V8 only skims what they hold until then).
 * One module rather than one a command: they share most of their code (the pipeline, check,
 * templates). The ES module build of the library and the batch's workers also uses it as the
 * anchor of their core chunk (scripts/build.mjs).
 */
export { buildAction } from './build-action.js';
export { checkAction } from './check-action.js';
export { ejectAction } from './eject-action.js';
export { fontsAction } from './fonts-action.js';
export { newAction } from './new-action.js';
export { typesAction } from './types-action.js';
