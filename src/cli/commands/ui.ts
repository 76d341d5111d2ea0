import type { Command } from 'commander';
import { UserError, quote } from '../../errors.js';
import { currentSession } from '../../session/session.js';
import { CONFIG_FILE } from '../../config/config-fields.js';
import { unitConfig } from '../unit-config.js';
import type { UiServer } from '../../ui/server.js';

interface UiCommandOptions {
  port?: number;
  open: boolean;
  templates?: string;
  fontDir?: string[];
  config?: string;
}

/** `--port 8080`; 0 lets the system choose a free port. */
function parsePort(value: string): number {
  if (/^\s*\d+\s*$/.test(value) && Number(value) <= 65535) return Number(value);
  throw new UserError('usage', `--port 的值 ${quote(value)} 无效，应为 0–65535 的端口号（0 表示自动选择）`);
}

/** Runs the server until Ctrl-C (or SIGTERM, SIGHUP), then stops it cleanly. */
async function uiAction(options: UiCommandOptions): Promise<void> {
  // The server, its handlers and the page's files load only for `ui`.
  const { startUiServer } = await import('../../ui/server.js');
  const { openBrowser } = await import('../../ui/open-browser.js');
  let server: UiServer;
  try {
    // The unit's template and font folders (unionplan.config.yaml of the working folder) when no option names them.
    const config = unitConfig(process.cwd(), options.config);
    const templates = options.templates ?? config?.templates;
    const fontDirs = options.fontDir ?? config?.fontDirs;
    server = await startUiServer({ port: options.port ?? 0, ...(templates ? { templates } : {}), ...(fontDirs ? { fontDirs } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UserError('usage', `端口 ${options.port} 已被占用：换一个端口（--port 8080），或不写 --port 由系统自动选择`);
    if (code === 'EACCES') throw new UserError('usage', `没有权限使用端口 ${options.port}：请用 1024 以上的端口`);
    throw error;
  }
  process.stdout.write(`unionplan 网页已启动（只在本机可用）：\n  ${server.url}\n按 Ctrl-C 停止。\n`);
  if (options.open && process.stdout.isTTY) openBrowser(server.url);
  // Ctrl-C (or SIGTERM, SIGHUP) aborts the session (`cli/signals.ts`): the server then closes.
  await new Promise<void>((resolve) => {
    const stopListening = currentSession().onStop(() => {
      stopListening();
      resolve();
    });
  });
  await server.close();
  process.stdout.write('已停止。\n');
}

/** Registers `unionplan ui`; its server and page load only when it runs. */
export function registerUi(program: Command): void {
  program
    .command('ui')
    .description('在浏览器中填写提纲、预览并下载 Word、PDF（本机网页，不需要命令行）')
    .option('--port <n>', '端口（默认由系统自动选择空闲端口）', parsePort)
    .option('--no-open', '不自动打开浏览器')
    .option('--templates <dir>', '使用自己的模板文件夹')
    .option('--font-dir <dir>', '字体文件夹（PDF 用，可重复）', (value: string, previous: string[] = []) => [...previous, value])
    .option('--config <file>', `本单位的设置文件（默认为当前文件夹或上级文件夹中最近的 ${CONFIG_FILE}；ui 用其中的 templates 和 fontDir）`)
    .action(async (options: UiCommandOptions) => {
      await uiAction(options);
    });
}
