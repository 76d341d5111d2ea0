#!/usr/bin/env node
// Launcher: the CLI is compiled into dist/ by `npm install` (the prepare script runs the build).
import module from 'node:module';
import { existsSync } from 'node:fs';

// Node 22.1 and later keep V8's compiled code of dist/ between runs (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off): every later start skips compiling it again.
// Node 20 has no such cache; the call is then skipped.
module.enableCompileCache?.();
const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('unionplan 还没有编译：请在项目文件夹中运行 npm install（或 npm run build）。\n');
  process.exit(70);
}
await import(entry.href);
