import { UserError } from '../../errors.js';
import { currentSession } from '../../session/session.js';
import { unitConfigWithType } from '../unit-config.js';
import type { UiServer } from '../../ui/server.js';

/** The options of `unionplan ui`, as commander parses them. */
export interface UiCommandOptions {
  port?: number;
  open: boolean;
  templates?: string;
  fontDir?: string[];
  config?: string;
}

/** Runs the server until Ctrl-C (or SIGTERM, SIGHUP), then stops it cleanly. */
export async function uiAction(options: UiCommandOptions): Promise<void> {
  const { startUiServer } = await import('../../ui/server.js');
  const { openBrowser } = await import('../../ui/open-browser.js');
  let server: UiServer;
  try {
    // The unit's template and font folders (unionplan.config.yaml of the working folder) when no option names them.
    const config = unitConfigWithType(process.cwd(), options.config, options.templates);
    const templates = options.templates ?? config?.templates;
    const fontDirs = options.fontDir ?? config?.fontDirs;
    // The form starts from the unit, superior and type of the same file, as `unionplan new` would.
    const unit = {
      ...(config?.org ? { org: config.org } : {}),
      ...(config?.superior ? { superior: config.superior } : {}),
      ...(config?.type ? { type: config.type } : {}),
    };
    server = await startUiServer({ port: options.port ?? 0, unit, ...(templates ? { templates } : {}), ...(fontDirs ? { fontDirs } : {}) });
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
