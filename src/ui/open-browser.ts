import { spawn } from 'node:child_process';

/**
 * Opens `url` in the user's browser with the system's own opener. Failing to open is not an
 * error: the address is printed anyway.
 */
export function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this system: the printed address is enough.
  }
}
