#!/usr/bin/env node
// Launcher: the CLI is compiled into dist/ by `npm install` (the prepare script runs the build).
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of dist/ between runs (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off): every later start skips compiling it again.
// Node 20 has no such cache; the call is then skipped.
module.enableCompileCache?.();
const entry = new URL('../dist/cli.js', import.meta.url);
try {
  await import(entry.href);
} catch (error) {
  // No dist/cli.js: asked of the import rather than of node:fs, whose module facade would load
  // Node's streams at every start.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(entry.pathname.split('/').pop())) throw error;
  process.stderr.write('unionplan 还没有编译：请在项目文件夹中运行 npm install（或 npm run build）。\n');
  process.exit(70);
}
