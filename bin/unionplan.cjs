#!/usr/bin/env node
// Launcher: the CLI is compiled into dist/ by `npm install` (the prepare script runs the build).
// CommonJS, as the bundle it runs: an ES module entry would first start Node's ES module loader.
'use strict';
const { join } = require('node:path');

// Node 22.1 and later keep V8's compiled code of ES modules between runs: that serves the batch's
// worker threads (dist/batch-worker.js). The command line itself keeps its own (src/io/code-cache.ts).
require('node:module').enableCompileCache?.();
const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'cli.cjs');
try {
  require(join(dist, 'launch.cjs')).launch(bundle);
} catch (error) {
  const missing =
    (error?.code === 'MODULE_NOT_FOUND' && String(error.message).includes('launch.cjs')) || (error?.code === 'ENOENT' && error.path === bundle);
  if (!missing) throw error;
  process.stderr.write('unionplan 还没有编译：请在项目文件夹中运行 npm install（或 npm run build）。\n');
  process.exit(70);
}
