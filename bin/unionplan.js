#!/usr/bin/env node
// Launcher: the CLI is compiled into dist/ by `npm install` (the prepare script runs the build).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('unionplan 还没有编译：请在项目文件夹中运行 npm install（或 npm run build）。\n');
  process.exit(70);
}
await import(entry.href);
